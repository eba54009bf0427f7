// The outbox (/staff/outbox) as CSV and XLSX: the page's status filter applies, headers are in the
// reader's language, times are dates, mails are read in keyset batches of ids (a batch of one
// keeps every mail), no body is written, each download is audited, and a juror gets no file.
import { beforeEach, describe, expect, test } from 'vitest';
import { sqlite, writeTransaction } from '~db/client';
import type { MailStatus } from '~/schemas/enums';
import { insertOutboxMail } from '~/models/outbox.server';
import { loader as csvLoader } from '~/routes/staff.outbox[.]csv/route';
import { loader as xlsxLoader } from '~/routes/staff.outbox[.]xlsx/route';
import { outboxExportRows } from '~/services/outbox-export.server';
import { createUser, uniqueSuffix } from '../support/factories';
import { csvOf, download, sheetOf } from '../support/export-reading';
import { resetDatabase } from '../support/reset-database';

beforeEach(() => resetDatabase());

/** Three mails written at 06:00 UTC (12:00 in Bishkek): sent, pending for later, withheld. */
function outboxWithThreeMails() {
  const createdAt = new Date('2026-03-02T06:00:00Z');
  const mail = (status: MailStatus, n: number, extra: { notBefore?: Date } = {}) =>
    writeTransaction((tx) =>
      insertOutboxMail(tx, {
        messageId: `<${uniqueSuffix()}@test.example>`,
        toName: `Айгүл Садыкова ${n}`,
        toAddress: status === 'withheld' ? null : `aigul-${n}@test.example`,
        locale: 'ky',
        template: 'test',
        subject: `Сынактын жыйынтыгы ${n}`,
        html: `<p>тайны ${n}</p>`,
        text: `тайны ${n}`,
        status,
        nextAttemptAt: extra.notBefore ?? createdAt,
        createdAt,
        updatedAt: createdAt,
        ...extra,
      }),
    );
  return [
    mail('sent', 1),
    mail('pending', 2, { notBefore: new Date('2026-03-03T03:00:00Z') }),
    mail('withheld', 3),
  ];
}

const exportsBy = (userId: number) =>
  sqlite
    .prepare(
      "select after from audit_log where action = 'outbox.exported' and actor_user_id = ? order by id",
    )
    .all(userId)
    .map((row) => JSON.parse((row as { after: string }).after) as unknown);

describe('exports of the outbox', () => {
  test('the CSV has the BOM, ";", Russian headers and the mails newest first, never a body; the status filter applies', async () => {
    outboxWithThreeMails();
    const admin = await createUser({ roles: ['admin'], locale: 'ru' });
    const response = await download(csvLoader, '/staff/outbox.csv', admin);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const { csv, lines } = await csvOf(response);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe('Создано;Кому;Адрес электронной почты;Тема;Статус;Запланировано на');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('Айгүл Садыкова 3;;Сынактын жыйынтыгы 3;Не отправлено по почте');
    expect(lines[2]).toContain('aigul-2@test.example');
    expect(lines[3]).toContain('Айгүл Садыкова 1;aigul-1@test.example');
    expect(csv).not.toContain('тайны');

    const { lines: pending } = await csvOf(
      await download(csvLoader, '/staff/outbox.csv?status=pending', admin),
    );
    expect(pending).toHaveLength(2);
    expect(pending[1]).toContain('Айгүл Садыкова 2');
    expect(exportsBy(admin.id)).toEqual([
      { format: 'csv', status: null, rows: 3 },
      { format: 'csv', status: 'pending', rows: 1 },
    ]);
  });

  test('the XLSX has English headers and times as dates; batches of one keep every mail; a juror is refused', async () => {
    const mails = outboxWithThreeMails();
    const staff = await createUser({ roles: ['staff'], locale: 'en' });
    const sheet = await sheetOf(await download(xlsxLoader, '/staff/outbox.xlsx', staff));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Written',
      'To',
      'E-mail address',
      'Subject',
      'Status',
      'Scheduled for',
    ]);
    expect(sheet.rowCount).toBe(4);
    // 06:00 UTC is 12:00 in Bishkek; the pending mail goes at 09:00 Bishkek time the next day.
    expect(sheet.getRow(3).getCell(1).value).toEqual(new Date('2026-03-02T12:00:00Z'));
    expect(sheet.getRow(3).getCell(6).value).toEqual(new Date('2026-03-03T09:00:00Z'));
    expect(sheet.getRow(4).getCell(6).value).toBe(null);

    const ids = (size: number) => [...outboxExportRows(undefined, size)].map((m) => m.id);
    expect(ids(1)).toEqual(mails.map((m) => m.id).reverse());
    expect(ids(1000)).toEqual(ids(1));

    const juror = await createUser({ roles: ['juror'] });
    expect((await download(csvLoader, '/staff/outbox.csv', juror)).status).toBe(403);
    expect((await download(xlsxLoader, '/staff/outbox.xlsx', juror)).status).toBe(403);
    expect(exportsBy(juror.id)).toEqual([]);
  });
});
