// The households list (/households) as CSV and XLSX: the page's filters and the facilitator's
// villages apply, headers are in the reader's language, the XLSX has typed cells, each download
// writes an audit line, and a family gets no file.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { sqlite } from '~db/client';
import { loader as csvLoader } from '~/routes/households[.]csv/route';
import { loader as xlsxLoader } from '~/routes/households[.]xlsx/route';
import { browserRequest, createLocality, createUser, uniqueSuffix } from '../support/factories';
import { sessionCookieFor } from '../support/jury-factories';
import { createHousehold } from '../support/programme-factories';

async function call(
  loader: typeof csvLoader,
  query: string,
  user: { id: number },
  file = 'households.csv',
): Promise<Response> {
  try {
    return await loader({
      request: browserRequest(`http://localhost:3999/${file}${query}`, {
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

async function text(response: Response): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
}

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
    const response = await call(csvLoader, `?q=${encodeURIComponent(surname)}`, staff);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const csv = await text(response);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Семья;Ещё людей;Село или город;Пособия;Вход');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`Айгүл ${surname}`);
    expect(lines[1]).toContain(';1;');
    expect(lines[2]).toContain(`Жылдыз ${surname}`);
    expect(lines[2]).toContain(';0;');

    const filtered = await text(
      await call(csvLoader, `?q=${encodeURIComponent(surname)}&locality=${villageB.id}`, staff),
    );
    expect(filtered).not.toContain('Айгүл');
    expect(filtered).toContain('Жылдыз');
    const audit = sqlite
      .prepare(
        "select count(*) as n from audit_log where action = 'household.list-exported' and actor_user_id = ?",
      )
      .get(staff.id) as { n: number };
    expect(audit.n).toBe(2);
  });

  test('a facilitator gets only her villages; English uses ","', async () => {
    const { surname, villageA } = world();
    const facilitator = await createUser({
      roles: ['facilitator'],
      locale: 'en',
      worksIn: [villageA.id],
    });
    const csv = await text(await call(csvLoader, `?q=${encodeURIComponent(surname)}`, facilitator));
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Family,Other people,Village or town,Social benefits,Sign-in');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Айгүл');
  });

  test('the XLSX has the Kyrgyz headers, a frozen header and numbers as numbers; a family is refused', async () => {
    const { surname } = world();
    const staff = await createUser({ roles: ['staff'], locale: 'ky' });
    const response = await call(
      xlsxLoader,
      `?q=${encodeURIComponent(surname)}`,
      staff,
      'households.xlsx',
    );
    const chunks: Buffer[] = [];
    for await (const chunk of Readable.fromWeb(response.body! as never))
      chunks.push(chunk as Buffer);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).value).toBe('Үй-бүлө');
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(2).value).toBe(1);
    expect(typeof sheet.getRow(3).getCell(2).value).toBe('number');

    const family = await createUser({ roles: ['applicant'] });
    expect((await call(csvLoader, '', family)).status).toBe(403);
    expect((await call(xlsxLoader, '', family, 'households.xlsx')).status).toBe(403);
  });
});
