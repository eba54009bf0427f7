// The training sessions list as CSV and XLSX (issue 15): BOM, ";" in ky/ru, headers in the
// reader's language, the village filter and the facilitator's scope applied, the date and the
// count present as typed Excel cells, and a family refused — on a real SQLite file.
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { loader as csvLoader } from '~/routes/training[.]csv/route';
import { loader as xlsxLoader } from '~/routes/training[.]xlsx/route';
import { createTrainingSession } from '~/services/training.server';
import { browserRequest, createLocality, createUser, uniqueSuffix } from '../support/factories';
import { bodyBytes, loadAs } from '../support/download';
import { sessionUserOf } from '../support/session-user';

async function twoVillages() {
  const here = createLocality();
  const there = createLocality();
  const staffUser = await createUser({ roles: ['staff'], locale: 'ru' });
  const place = (name: string) => `${name} ${uniqueSuffix()}`;
  const places = { here: place('Школа'), there: place('Клуб') };
  for (const [locality, where] of [
    [here, places.here],
    [there, places.there],
  ] as const) {
    const made = createTrainingSession(browserRequest(), sessionUserOf(staffUser), {
      topic: 'household-budget',
      startsAt: '2030-03-01T10:00',
      minutes: 120,
      place: where,
      localityId: locality.id,
      trainerName: 'Гүлнара Осмонова',
    });
    if (!made.ok) throw new Error(JSON.stringify(made));
  }
  return { here, there, staffUser, places };
}

describe('the training sessions exports', () => {
  test('the CSV has a BOM, ";" and Russian headers, and only the filtered village', async () => {
    const { here, staffUser, places } = await twoVillages();
    const raw = await bodyBytes(
      await loadAs(csvLoader, `/training.csv?locality=${here.id}`, staffUser),
    );
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(raw);
    const [header, ...lines] = text.trim().split('\r\n');
    expect(header).toBe('Дата и время;Тема;Село;Место;Присутствовали;Статус');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('2030-03-01 10:00');
    expect(lines[0]).toContain(places.here);
    expect(text).not.toContain(places.there);
  });

  test('a facilitator gets her village only, as a typed workbook; a family is refused', async () => {
    const { here, places } = await twoVillages();
    const facilitator = await createUser({
      roles: ['facilitator'],
      worksIn: [here.id],
      locale: 'ky',
    });
    const response = await loadAs(xlsxLoader, '/training.xlsx', facilitator);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await bodyBytes(response)) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).value).toBe('Күнү жана убактысы');
    expect(sheet.rowCount).toBe(2);
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toEqual(new Date('2030-03-01T10:00:00Z'));
    expect(row.getCell(4).value).toBe(places.here);
    expect(row.getCell(5).value).toBe(0);
    const family = await createUser({ roles: ['applicant'] });
    expect((await loadAs(csvLoader, '/training.csv', family)).status).toBeGreaterThanOrEqual(300);
    expect((await loadAs(xlsxLoader, '/training.xlsx', family)).status).toBeGreaterThanOrEqual(300);
  });
});
