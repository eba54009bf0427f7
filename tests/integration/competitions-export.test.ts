// The staff's list of competitions (/staff/competitions) as CSV and XLSX: headers in the reader's
// language, the applications counted by status as numbers, the dates as dates on the
// competition's clock, and a juror gets no file.
import { describe, expect, test } from 'vitest';
import type { ApplicationStatus } from '~/schemas/enums';
import { loader as csvLoader } from '~/routes/staff.competitions[.]csv/route';
import { loader as xlsxLoader } from '~/routes/staff.competitions[.]xlsx/route';
import { createLocality, createUser, uniqueSuffix } from '../support/factories';
import { csvOf, download, sheetOf } from '../support/export-reading';
import {
  createApplication,
  createCompetition,
  createHousehold,
} from '../support/programme-factories';

/** An open competition (09:00 2 March – 18:00 1 April, Bishkek) with two submitted and one awarded application. */
async function competitionWithApplications() {
  const locality = createLocality();
  const suffix = uniqueSuffix();
  const competition = createCompetition({
    localityIds: [locality.id],
    titleRu: `Теплицы; Ош ${suffix}`,
    titleKy: `Жылыканалар ${suffix}`,
    opensAt: new Date('2026-03-02T03:00:00Z'),
    closesAt: new Date('2026-04-01T12:00:00Z'),
  });
  const family = await createUser({ roles: ['applicant'], localityId: locality.id });
  for (const status of ['submitted', 'submitted', 'awarded'] as ApplicationStatus[]) {
    const { household, members } = createHousehold({ localityId: locality.id });
    createApplication({ competition, household, members, enteredBy: family, status });
  }
  return { competition, suffix };
}

describe('exports of the competitions list', () => {
  test('the CSV has the BOM, ";", Russian headers, the title quoted and the counts by status', async () => {
    const { suffix } = await competitionWithApplications();
    const staff = await createUser({ roles: ['staff'], locale: 'ru' });
    const response = await download(csvLoader, '/staff/competitions.csv', staff);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const { csv, lines } = await csvOf(response);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe(
      'Конкурс;Статус;Начало приёма заявок;Крайний срок;Часовой пояс;Черновик;Подана;Соответствует условиям;Не соответствует условиям;У жюри;В коротком списке;Грант присуждён;В листе ожидания;Не выбрана;Отозвана',
    );
    const line = lines.find((l) => l.includes(suffix))!;
    expect(line.startsWith(`"Теплицы; Ош ${suffix}";Открыт;`)).toBe(true);
    expect(line.endsWith(';0;2;0;0;0;0;1;0;0;0')).toBe(true);
  });

  test('the XLSX has Kyrgyz headers, dates on the competition clock and counts as numbers; a juror is refused', async () => {
    const { suffix } = await competitionWithApplications();
    const staff = await createUser({ roles: ['staff'], locale: 'ky' });
    const sheet = await sheetOf(await download(xlsxLoader, '/staff/competitions.xlsx', staff));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).value).toBe('Сынак');
    let found = 0;
    sheet.eachRow((row, index) => {
      if (index === 1 || row.getCell(1).value !== `Жылыканалар ${suffix}`) return;
      found = index;
    });
    const row = sheet.getRow(found);
    expect(row.getCell(3).value).toEqual(new Date('2026-03-02T09:00:00Z'));
    expect(row.getCell(4).value).toEqual(new Date('2026-04-01T18:00:00Z'));
    expect(row.getCell(7).value).toBe(2);
    expect(row.getCell(12).value).toBe(1);
    expect(row.getCell(6).value).toBe(0);

    const juror = await createUser({ roles: ['juror'] });
    expect((await download(csvLoader, '/staff/competitions.csv', juror)).status).toBe(403);
    expect((await download(xlsxLoader, '/staff/competitions.xlsx', juror)).status).toBe(403);
  });
});
