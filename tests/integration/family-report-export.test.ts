// The family reports inbox as CSV and XLSX (issue 15): BOM, ";" in ky/ru and "," in English,
// headers in the reader's language, the competition filter applied, dates and revenue as typed
// Excel cells, an audit line per download, and a family refused — on a real SQLite file.
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { db } from '~db/client';
import { auditLog } from '~db/schema/audit';
import { loader as csvLoader } from '~/routes/staff.reports[.]csv/route';
import { loader as xlsxLoader } from '~/routes/staff.reports[.]xlsx/route';
import { reportGrantFor, sendFamilyReport } from '~/services/family-reports.server';
import { browserRequest, createUser } from '../support/factories';
import { bodyBytes, loadAs } from '../support/download';
import { createGrantWorld, createMoneyStaff } from '../support/grant-factories';
import { sessionUserOf } from '../support/session-user';

async function sentReport(question: string) {
  const staff = await createMoneyStaff('ru');
  const w = await createGrantWorld({ signed: true, signer: staff.staffA, familyLocale: 'ru' });
  const family = sessionUserOf(w.family);
  const sent = sendFamilyReport(
    browserRequest(),
    family,
    reportGrantFor(family, w.grant.id)!,
    { businessStatus: 'operating', monthlyRevenue: 35_000_50, question },
    null,
  );
  if (!sent.ok) throw new Error(sent.error);
  return w;
}

describe('the family reports inbox exports', () => {
  test('the CSV has a BOM, the language’s separator and headers, and only the filtered competition', async () => {
    const question = 'Можно ли купить вторую теплицу?';
    const w = await sentReport(question);
    const other = await sentReport('Другой вопрос из другого конкурса');
    const ru = await createUser({ roles: ['staff'], locale: 'ru' });
    const raw = await bodyBytes(
      await loadAs(csvLoader, `/staff/reports.csv?competition=${w.competition.id}`, ru),
    );
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(raw);
    const [header, ...lines] = text.trim().split('\r\n');
    expect(header).toBe(
      'Семья;Село;Заявка;Отправлен;Прочитан;Бизнес;Выручка за месяц;Валюта;Вопрос',
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(question);
    expect(lines[0]).toContain(';35000,50;');
    expect(text).not.toContain('Другой вопрос');
    const en = await createUser({ roles: ['staff'], locale: 'en' });
    const english = new TextDecoder().decode(
      await bodyBytes(
        await loadAs(csvLoader, `/staff/reports.csv?competition=${other.competition.id}`, en),
      ),
    );
    expect(english.split('\r\n')[0]).toBe(
      'Family,Village,Application,Sent on,Read on,Business,Revenue this month,Currency,Question',
    );
    expect(english).toContain('35000.50');
    const audited = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'family-report.exported'), eq(auditLog.actorUserId, ru.id)))
      .all();
    expect(audited).toHaveLength(1);
    expect(audited[0]!.entityId).toBe(String(w.competition.id));
  });

  test('the workbook has typed cells and a frozen header; a family is refused', async () => {
    const w = await sentReport('Вопрос');
    const ky = await createUser({ roles: ['staff'], locale: 'ky' });
    const response = await loadAs(
      xlsxLoader,
      `/staff/reports.xlsx?competition=${w.competition.id}`,
      ky,
    );
    expect(response.headers.get('content-disposition')).toContain(
      `family-reports-${w.competition.id}.xlsx`,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await bodyBytes(response)) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).value).toBe('Үй-бүлө');
    expect(sheet.rowCount).toBe(2);
    const row = sheet.getRow(2);
    expect(row.getCell(4).value).toBeInstanceOf(Date);
    expect(row.getCell(5).value).toBeNull();
    expect(row.getCell(7).value).toBe(35_000.5);
    expect(row.getCell(9).value).toBe('Вопрос');
    for (const [loader, file] of [
      [csvLoader, 'reports.csv'],
      [xlsxLoader, 'reports.xlsx'],
    ] as const)
      expect(
        (await loadAs(loader, `/staff/${file}?competition=${w.competition.id}`, w.family)).status,
      ).toBeGreaterThanOrEqual(300);
  });
});
