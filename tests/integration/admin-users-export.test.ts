// The admin's list of accounts (/admin/users) as CSV and XLSX: the search and role filter apply,
// headers are in the reader's language, the last sign-in is a typed date, and a non-admin gets
// no file. The rows are read in keyset batches, which a batch of one proves keeps every row.
import { describe, expect, test } from 'vitest';
import { sqlite } from '~db/client';
import { allUsersForAdmin } from '~/models/user.server';
import { loader as csvLoader } from '~/routes/admin.users[.]csv/route';
import { loader as xlsxLoader } from '~/routes/admin.users[.]xlsx/route';
import { createUser, uniqueSuffix } from '../support/factories';
import { csvOf, download, sheetOf } from '../support/export-reading';

async function people() {
  const surname = `Осмонова${uniqueSuffix()}`;
  const juror = await createUser({ roles: ['juror'], name: `Айгүл ${surname}` });
  const staffer = await createUser({ roles: ['staff'], name: `Бермет ${surname}` });
  await createUser({ roles: ['juror'], name: `Чолпон ${surname}` });
  // 2026-03-02 06:00 UTC is 12:00 in Bishkek.
  sqlite
    .prepare('update users set last_sign_in_at = ? where id = ?')
    .run(Date.parse('2026-03-02T06:00:00Z'), juror.id);
  const admin = await createUser({ roles: ['admin'], locale: 'ru' });
  return { surname, juror, staffer, admin };
}

describe('exports of the admin list of accounts', () => {
  test('the CSV has the BOM, ";", Russian headers, and only the people the filters find', async () => {
    const { surname, admin } = await people();
    const response = await download(
      csvLoader,
      `/admin/users.csv?q=${encodeURIComponent(surname.toLowerCase())}&role=juror`,
      admin,
    );
    expect(response.headers.get('content-type')).toContain('text/csv');
    const { csv, lines } = await csvOf(response);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe('Имя;Контакт;Роли;Статус;Последний вход');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`Айгүл ${surname}`);
    expect(lines[1]).toContain('Член жюри');
    expect(lines[2]).toContain(`Чолпон ${surname}`);
    expect(csv).not.toContain('Бермет');
  });

  test('the XLSX has a frozen header and the last sign-in as a date; others get 403', async () => {
    const { surname, admin, staffer } = await people();
    const response = await download(
      xlsxLoader,
      `/admin/users.xlsx?q=${encodeURIComponent(surname)}`,
      admin,
    );
    const sheet = await sheetOf(response);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(5).value).toBe('Последний вход');
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(2).getCell(5).value).toEqual(new Date('2026-03-02T12:00:00Z'));
    expect(sheet.getRow(3).getCell(5).value).toBeNull();

    expect((await download(csvLoader, `/admin/users.csv`, staffer)).status).toBe(403);
    expect((await download(xlsxLoader, `/admin/users.xlsx`, staffer)).status).toBe(403);
  });

  test('batches of one read the same rows as one batch', async () => {
    const { surname } = await people();
    const names = (size: number) =>
      [...allUsersForAdmin({ search: surname }, size)].map((u) => u.name);
    expect(names(1)).toEqual(names(500));
    expect(names(1)).toHaveLength(3);
  });
});
