// The households list (/households) as CSV and XLSX: the page's filters and the facilitator's
// villages apply, headers are in the reader's language, the XLSX has typed cells, each download
// writes an audit line, and a family gets no file.
import { describe, expect, test } from 'vitest';
import { sqlite } from '~db/client';
import { loader as csvLoader } from '~/routes/households[.]csv/route';
import { loader as xlsxLoader } from '~/routes/households[.]xlsx/route';
import { createLocality, createUser, uniqueSuffix } from '../support/factories';
import { csvOf, download, sheetOf } from '../support/export-reading';
import { createHousehold } from '../support/programme-factories';

function world() {
  const surname = `Садыкова${uniqueSuffix()}`;
  const villageA = createLocality();
  const villageB = createLocality();
  const member = (firstName: string) => ({
    firstName,
    lastName: surname,
    sex: 'female' as const,
    birthYear: 1990,
    relation: 'head' as const,
  });
  createHousehold({
    localityId: villageA.id,
    members: [member('Айгүл'), { ...member('Нуржан'), relation: 'son' as const }],
  });
  createHousehold({
    localityId: villageB.id,
    members: [member('Жылдыз')],
    receivesSocialBenefits: false,
  });
  return { surname, villageA, villageB };
}

describe('exports of the households list', () => {
  test('the CSV has the BOM, ";" and Russian headers, and only the filtered households', async () => {
    const { surname, villageB } = world();
    const staff = await createUser({ roles: ['staff'], locale: 'ru' });
    const response = await download(
      csvLoader,
      `/households.csv?q=${encodeURIComponent(surname)}`,
      staff,
    );
    expect(response.headers.get('content-type')).toContain('text/csv');
    const { csv } = await csvOf(response);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Семья;Ещё людей;Село или город;Пособия;Вход');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`Айгүл ${surname}`);
    expect(lines[1]).toContain(';1;');
    expect(lines[2]).toContain(`Жылдыз ${surname}`);
    expect(lines[2]).toContain(';0;');

    const { csv: filtered } = await csvOf(
      await download(
        csvLoader,
        `/households.csv?q=${encodeURIComponent(surname)}&locality=${villageB.id}`,
        staff,
      ),
    );
    expect(filtered).not.toContain('Айгүл');
    expect(filtered).toContain('Жылдыз');
    const audit = sqlite
      .prepare(
        "select count(*) as n from audit_log where action = 'household.list-exported' and actor_user_id = ?",
      )
      .get(staff.id) as { n: number };
    expect(audit.n).toBe(2);
    // Each line says how many households the file holds (counted, not read whole).
    const counted = sqlite
      .prepare(
        "select json_extract(after, '$.rows') as rows from audit_log where action = 'household.list-exported' and actor_user_id = ? order by id",
      )
      .all(staff.id) as { rows: number }[];
    expect(counted.map((line) => line.rows)).toEqual([2, 1]);
  });

  test('a facilitator gets only her villages; English uses ","', async () => {
    const { surname, villageA } = world();
    const facilitator = await createUser({
      roles: ['facilitator'],
      locale: 'en',
      worksIn: [villageA.id],
    });
    const csv = (
      await csvOf(
        await download(csvLoader, `/households.csv?q=${encodeURIComponent(surname)}`, facilitator),
      )
    ).csv;
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Family,Other people,Village or town,Social benefits,Sign-in');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Айгүл');
  });

  test('the XLSX has the Kyrgyz headers, a frozen header and numbers as numbers; a family is refused', async () => {
    const { surname } = world();
    const staff = await createUser({ roles: ['staff'], locale: 'ky' });
    const response = await download(
      xlsxLoader,
      `/households.xlsx?q=${encodeURIComponent(surname)}`,
      staff,
    );
    const sheet = await sheetOf(response);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).value).toBe('Үй-бүлө');
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(2).value).toBe(1);
    expect(typeof sheet.getRow(3).getCell(2).value).toBe('number');

    const family = await createUser({ roles: ['applicant'] });
    expect((await download(csvLoader, `/households.csv`, family)).status).toBe(403);
    expect((await download(xlsxLoader, `/households.xlsx`, family)).status).toBe(403);
  });
});
