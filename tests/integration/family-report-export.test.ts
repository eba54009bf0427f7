// The family reports inbox as CSV and XLSX (issue 15): BOM, ";" in ky/ru and "," in English,
// headers in the reader's language, the competition filter applied, dates and revenue as typed
// Excel cells, an audit line per download, and a family refused — on a real SQLite file.
import { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { db } from '~db/client';
import { auditLog } from '~db/schema/audit';
import { loader as csvLoader } from '~/routes/staff.reports[.]csv/route';
import { loader as xlsxLoader } from '~/routes/staff.reports[.]xlsx/route';
import { reportGrantFor, sendFamilyReport } from '~/services/family-reports.server';
import { browserRequest, createUser } from '../support/factories';
import { sessionCookieFor } from '../support/jury-factories';
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

async function call(
  loader: typeof csvLoader,
  file: string,
  user: { id: number },
  competitionId: number,
): Promise<Response> {
  try {
    return await loader({
      request: browserRequest(`http://localhost:3999/staff/${file}?competition=${competitionId}`, {
        cookie: await sessionCookieFor(user),
      }),
      params: {},
      context: {},
    });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

async function bytes(response: Response): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of Readable.fromWeb(response.body! as never)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('the family reports inbox exports', () => {
  test('the CSV has a BOM, the language’s separator and headers, and only the filtered competition', async () => {
    const question = 'Можно ли купить вторую теплицу?';
    const w = await sentReport(question);
    const other = await sentReport('Другой вопрос из другого конкурса');
    const ru = await createUser({ roles: ['staff'], locale: 'ru' });
    const raw = await bytes(await call(csvLoader, 'reports.csv', ru, w.competition.id));
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
      await bytes(await call(csvLoader, 'reports.csv', en, other.competition.id)),
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
    const response = await call(xlsxLoader, 'reports.xlsx', ky, w.competition.id);
    expect(response.headers.get('content-disposition')).toContain(
      `family-reports-${w.competition.id}.xlsx`,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await bytes(response)) as unknown as ArrayBuffer);
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
      expect((await call(loader, file, w.family, w.competition.id)).status).toBeGreaterThanOrEqual(
        300,
      );
  });
});
