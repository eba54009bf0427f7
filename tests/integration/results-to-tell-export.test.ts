// The facilitator's results to tell in person (/facilitator/results) as CSV and XLSX: her
// villages' families only, the page's facts, headers in her language, typed XLSX cells, one audit
// line per download, and no file for anyone without 'results:tell'.
import { describe, expect, test } from 'vitest';
import { sqlite } from '~db/client';
import { findUserById } from '~/models/user.server';
import { loader as csvLoader } from '~/routes/facilitator.results[.]csv/route';
import { loader as xlsxLoader } from '~/routes/facilitator.results[.]xlsx/route';
import { markResultTold } from '~/services/decisions.server';
import { browserRequest, createLocality, createUser } from '../support/factories';
import { csvOf, download, sheetOf } from '../support/export-reading';
import { resultsWorld } from '../support/results-scenario';
import { sessionUserOf } from '../support/session-user';

function speaks(userId: number, locale: string) {
  sqlite.prepare('update users set locale = ? where id = ?').run(locale, userId);
}

function auditRows(userId: number) {
  return sqlite
    .prepare(
      "select json_extract(after, '$.rows') as rows, json_extract(after, '$.format') as format from audit_log where action = 'application.results-list-exported' and actor_user_id = ? order by id",
    )
    .all(userId) as { rows: number; format: string }[];
}

describe('exports of the results a facilitator tells in person', () => {
  test('the CSV has the BOM, ";" and Russian headers, her two families, and one audit line', async () => {
    const world = await resultsWorld();
    const response = await download(csvLoader, '/facilitator/results.csv', world.facilitator);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toContain('results.csv');
    const { csv, lines } = await csvOf(response);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe(
      'Семья;Село;Телефон;Конкурс;Заявка;Результат;Сумма гранта;Место в листе ожидания;Дата сообщения',
    );
    expect(lines).toHaveLength(3);
    const waitlisted = lines.find((line) => line.includes('Бермет Казакбаева'))!;
    // A phone starting with "+" is kept as text (the CSV's guard against formulas).
    expect(waitlisted).toContain(";'+996555112233;");
    expect(waitlisted).toContain(';В листе ожидания;');
    expect(waitlisted).toContain(world.applications.A3.reference!);
    expect(waitlisted).toMatch(/;1;$/);
    expect(lines.some((line) => line.startsWith('Асель Бообекова;'))).toBe(true);
    // Never the text the page keeps for reading out loud: only the facts.
    expect(csv).not.toContain('Опишите подробнее');
    expect(auditRows(world.facilitator.id)).toEqual([{ rows: 2, format: 'csv' }]);
  });

  test('another village’s facilitator gets no family; English uses ","; a family is refused', async () => {
    const world = await resultsWorld();
    const stranger = await createUser({
      roles: ['facilitator'],
      locale: 'en',
      worksIn: [createLocality().id],
    });
    const { csv, lines } = await csvOf(
      await download(csvLoader, '/facilitator/results.csv', stranger),
    );
    expect(lines).toEqual([
      'Family,Village,Phone,Competition,Application,Result,Grant amount,Place on the waiting list,Told on',
    ]);
    expect(csv).not.toContain('Казакбаева');
    expect(auditRows(stranger.id)).toEqual([{ rows: 0, format: 'csv' }]);

    for (const person of [world.families.A4, await createUser({ roles: ['staff'] })]) {
      for (const [loader, path] of [
        [csvLoader, '/facilitator/results.csv'],
        [xlsxLoader, '/facilitator/results.xlsx'],
      ] as const) {
        const refused = await download(loader, path, person);
        expect(refused.status).toBeGreaterThanOrEqual(300);
        expect(refused.status).not.toBe(200);
      }
    }
  });

  test('the XLSX has Kyrgyz headers, a frozen header, the place as a number and the day told as a date', async () => {
    const world = await resultsWorld();
    const facilitator = findUserById(world.facilitator.id)!;
    const told = markResultTold(
      browserRequest('http://localhost:3999/facilitator/results', {}),
      sessionUserOf(facilitator),
      world.applications.A4.id,
    );
    expect(told.ok).toBe(true);
    speaks(facilitator.id, 'ky');
    const sheet = await sheetOf(
      await download(xlsxLoader, '/facilitator/results.xlsx', facilitator),
    );
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).value).toBe('Үй-бүлө');
    expect(sheet.getRow(1).getCell(9).value).toBe('Кабарланган күнү');
    expect(sheet.rowCount).toBe(3);
    // Still to tell first (A3, waitlisted first place), then the told one (A4).
    expect(sheet.getRow(2).getCell(1).value).toBe('Бермет Казакбаева');
    expect(sheet.getRow(2).getCell(8).value).toBe(1);
    expect(sheet.getRow(2).getCell(9).value).toBeNull();
    expect(sheet.getRow(3).getCell(1).value).toBe('Асель Бообекова');
    expect(sheet.getRow(3).getCell(9).value).toBeInstanceOf(Date);
    expect(auditRows(facilitator.id)).toEqual([{ rows: 2, format: 'xlsx' }]);
  });
});
