// The audit log (/admin/audit) as CSV and XLSX: the page's filters apply, headers are in the
// reader's language, ids are numbers and times are dates, the lines are read in keyset batches
// (a batch of one keeps every line), and someone without audit:read gets no file.
import { describe, expect, test } from 'vitest';
import { writeTransaction } from '~db/client';
import { appendAudit } from '~/models/audit.server';
import { loader as csvLoader } from '~/routes/admin.audit[.]csv/route';
import { loader as xlsxLoader } from '~/routes/admin.audit[.]xlsx/route';
import { auditLines } from '~/services/admin-audit-export.server';
import { createUser } from '../support/factories';
import { csvOf, download, sheetOf } from '../support/export-reading';

async function logWithThreeLines() {
  const admin = await createUser({ roles: ['admin'], locale: 'ru', name: 'Гүлзат Админова' });
  const lines = [1, 2, 3].map((n) =>
    writeTransaction((tx) =>
      appendAudit(
        tx,
        {
          actorUserId: admin.id,
          action: n === 2 ? 'user.signed-in' : 'setting.changed',
          entityType: 'setting',
          entityId: `s-${n}`,
          after: { value: `значение ${n}` },
        },
        { now: new Date('2026-03-02T06:00:00Z') },
      ),
    ),
  );
  return { admin, lines };
}

describe('exports of the audit log', () => {
  test('the CSV has the BOM, ";", Russian headers and only the filtered lines, newest first', async () => {
    const { admin, lines } = await logWithThreeLines();
    const response = await download(
      csvLoader,
      `/admin/audit.csv?actor=${admin.id}&action=setting.changed`,
      admin,
    );
    expect(response.headers.get('content-type')).toContain('text/csv');
    const { csv, lines: rows } = await csvOf(response);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(rows[0]).toBe('#;Когда;Кто;Действие;Запись;До;После');
    expect(rows).toHaveLength(3);
    expect(rows[1]!.startsWith(`${lines[2]!.id};`)).toBe(true);
    expect(rows[1]).toContain('Гүлзат Админова');
    expect(rows[1]).toContain('значение 3');
    expect(rows[2]!.startsWith(`${lines[0]!.id};`)).toBe(true);
  });

  test('the XLSX has typed ids and times; batches of one read every line; others get 403', async () => {
    const { admin, lines } = await logWithThreeLines();
    const response = await download(xlsxLoader, `/admin/audit.xlsx?actor=${admin.id}`, admin);
    const sheet = await sheetOf(response);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(2).getCell(1).value).toBe(lines[2]!.id);
    // 06:00 UTC is 12:00 in Bishkek.
    expect(sheet.getRow(2).getCell(2).value).toEqual(new Date('2026-03-02T12:00:00Z'));

    const ids = (size: number) =>
      [...auditLines({ actorUserId: admin.id }, size)].map((line) => line.id);
    expect(ids(1)).toEqual(lines.map((l) => l.id).reverse());
    expect(ids(1000)).toEqual(ids(1));

    const staff = await createUser({ roles: ['staff'] });
    expect((await download(csvLoader, `/admin/audit.csv`, staff)).status).toBe(403);
    expect((await download(xlsxLoader, `/admin/audit.xlsx`, staff)).status).toBe(403);
  });
});
