// Lists at programme scale: the staff applications list is filtered, sorted in the reader's
// language and paged inside SQLite; the ranking page shows 50 rows with search and a flag
// filter; the exports stream every row, batch by batch, with the same content as before.
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Competition } from '~db/schema/competitions';
import type { User } from '~db/schema/people';
import { loader as screeningCsvLoader } from '~/routes/staff.applications.export[.]csv/route';
import { loader as screeningXlsxLoader } from '~/routes/staff.applications.export[.]xlsx/route';
import { loader as rankingCsvLoader } from '~/routes/staff.rounds.$roundId.ranking[.]csv/route';
import { screeningQueryFrom } from '~/schemas/screening';
import { assignRound, createRound, openRound, setRoundJurors } from '~/services/jury.server';
import { rankingPage, rankingTable } from '~/services/round-ranking.server';
import { screeningPage, screeningRows } from '~/services/screening.server';
import { collationKey } from '~/utils/collation-key';
import { browserRequest, createLocality, createUser } from '../support/factories';
import { sessionCookieFor } from '../support/jury-factories';
import {
  createApplication,
  createCompetition,
  createHousehold,
} from '../support/programme-factories';
import {
  EXPECTED,
  declareForcingConflicts,
  roundInput,
  roundWorld,
  submitScores,
  type RoundWorld,
} from '../support/round-scenario';
import { sessionUserOf } from '../support/session-user';

const BASE = 'http://localhost:3999';
// Surnames a Kyrgyz reader sorts Н, Ң, О, Ө, У, Ү — code points would put Ң, Ө, Ү after Я.
const SURNAMES = ['Үсөнова', 'Ңаатова', 'Орозова', 'Өмүрова', 'Уулжанова', 'Нурова', 'Яхьяева'];
const KYRGYZ_ORDER = ['Нурова', 'Ңаатова', 'Орозова', 'Өмүрова', 'Уулжанова', 'Үсөнова', 'Яхьяева'];
const PER_SURNAME = 18; // 7 × 18 = 126 applications: three pages of 50
const TOTAL = SURNAMES.length * PER_SURNAME;

let competition: Competition;
let staff: User;

beforeAll(async () => {
  staff = await createUser({ roles: ['staff'] });
  const village = createLocality().id;
  competition = createCompetition({ localityIds: [village], referencePrefix: 'PG' });
  let n = 0;
  for (const surname of SURNAMES) {
    for (let i = 0; i < PER_SURNAME; i += 1) {
      n += 1;
      const household = createHousehold({
        localityId: village,
        members: [
          { firstName: 'Бакыт', lastName: surname, sex: 'male', birthYear: 1968, relation: 'head' },
          {
            firstName: `Айгүл${String.fromCharCode(0x430 + i)}`,
            lastName: surname,
            sex: 'female',
            birthYear: 1996,
            relation: 'daughter-in-law',
          },
        ],
      });
      createApplication({
        competition,
        ...household,
        enteredBy: staff,
        status: 'submitted',
        // 1 … 126 without padding to three digits: the key must sort PG-2024-99 before PG-2024-100.
        reference: `PG-2024-${n}`,
        submittedAt: new Date(Date.UTC(2024, 0, 1) + n * 60_000),
      });
    }
  }
});

const query = (params: Record<string, string> = {}) =>
  screeningQueryFrom(new URLSearchParams({ competition: String(competition.id), ...params }));

const surnameOf = (name: string) => name.split(' ')[0]!;

describe('collation keys', () => {
  test('sort as the reader’s collator does: Ң after Н, Ө after О, Ү after У; case and ё ignored', () => {
    const byKey = (locale: string) => (a: string, b: string) =>
      collationKey(a, locale)! < collationKey(b, locale)! ? -1 : 1;
    expect([...SURNAMES].sort(byKey('ky'))).toEqual(KYRGYZ_ORDER);
    expect([...SURNAMES].sort(byKey('ru'))).toEqual(KYRGYZ_ORDER);
    expect(collationKey('АЙГҮЛ', 'ky')).toBe(collationKey('айгүл', 'ky'));
    expect(collationKey('Ёлкина', 'ru')).toBe(collationKey('Елкина', 'ru'));
    expect(['PG-2024-100', 'PG-2024-99', 'PG-2024-0010'].sort(byKey('ru'))).toEqual([
      'PG-2024-0010',
      'PG-2024-99',
      'PG-2024-100',
    ]);
  });
});

describe('the applications list, paged in SQL', () => {
  test('three pages of 50, 50 and 26 that together are the whole list in Kyrgyz order', () => {
    const pages = [1, 2, 3].map((page) => screeningPage(query(), 'ky', page, 50));
    expect(pages.map((p) => p.total)).toEqual([TOTAL, TOTAL, TOTAL]);
    expect(pages.map((p) => p.rows.length)).toEqual([50, 50, 26]);
    const names = pages.flatMap((p) => p.rows.map((r) => r.beneficiaryName));
    expect(new Set(pages.flatMap((p) => p.rows.map((r) => r.id))).size).toBe(TOTAL);
    expect([...new Set(names.map(surnameOf))]).toEqual(KYRGYZ_ORDER);
    expect(names).toEqual(screeningRows(query(), 'ky').map((r) => r.beneficiaryName));
    // Within one surname, the given names in order too (Айгүла, Айгүлб, …).
    expect(names.slice(0, PER_SURNAME)).toEqual(
      Array.from(
        { length: PER_SURNAME },
        (_, i) => `Нурова Айгүл${String.fromCharCode(0x430 + i)}`,
      ),
    );
  });

  test('descending in Russian starts where ascending ends; a page past the end shows the last', () => {
    const first = screeningPage(query({ dir: 'desc' }), 'ru', 1, 50);
    expect(surnameOf(first.rows[0]!.beneficiaryName)).toBe('Яхьяева');
    expect([...new Set(first.rows.map((r) => surnameOf(r.beneficiaryName)))]).toEqual([
      'Яхьяева',
      'Үсөнова',
      'Уулжанова',
    ]);
    const past = screeningPage(query(), 'ru', 99, 50);
    expect(past.page).toBe(3);
    expect(past.rows).toHaveLength(26);
  });

  test('by reference, by its number; by submission, newest first; the search narrows the count', () => {
    const byReference = screeningPage(query({ sort: 'reference' }), 'ru', 2, 50);
    expect(byReference.rows.map((r) => r.reference)).toEqual(
      Array.from({ length: 50 }, (_, i) => `PG-2024-${51 + i}`),
    );
    const newest = screeningPage(query({ sort: 'submitted', dir: 'desc' }), 'ru', 1, 50);
    expect(newest.rows[0]!.reference).toBe(`PG-2024-${TOTAL}`);
    const found = screeningPage(query({ q: 'ӨМҮРОВА' }), 'ky', 1, 50);
    expect(found.total).toBe(PER_SURNAME);
    expect(found.rows.every((r) => r.beneficiaryName.startsWith('Өмүрова'))).toBe(true);
  });
});

async function bodyOf(response: Response): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of Readable.fromWeb(response.body! as never)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('the screening exports, streamed', () => {
  test('CSV: every matching row, in the list’s order, headers in Russian', async () => {
    const staffRu = await createUser({ roles: ['staff'], locale: 'ru' });
    const response = await screeningCsvLoader({
      request: browserRequest(
        `${BASE}/staff/applications/export.csv?competition=${competition.id}`,
        {
          cookie: await sessionCookieFor(staffRu),
        },
      ),
      params: {},
      context: {},
    });
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    const records = parse((await bodyOf(response)).toString('utf8'), {
      bom: true,
      delimiter: ';',
    }) as string[][];
    expect(records[0]![0]).toBe('Номер заявки');
    expect(records).toHaveLength(TOTAL + 1);
    expect(records.slice(1).map((r) => r[2])).toEqual(
      screeningRows(query(), 'ru').map((r) => r.beneficiaryName),
    );
  });

  test('XLSX: every matching row read back with exceljs, amounts as numbers', async () => {
    const response = await screeningXlsxLoader({
      request: browserRequest(
        `${BASE}/staff/applications/export.xlsx?competition=${competition.id}&sort=reference`,
        { cookie: await sessionCookieFor(staff) },
      ),
      params: {},
      context: {},
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bodyOf(response)) as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(TOTAL + 1);
    expect(sheet.getRow(2).getCell(1).value).toBe('PG-2024-1');
    expect(sheet.getRow(TOTAL + 1).getCell(1).value).toBe(`PG-2024-${TOTAL}`);
    expect(typeof sheet.getRow(2).getCell(7).value).toBe('number');
  });
});

describe('the ranking page and its export', () => {
  let world: RoundWorld;
  let roundId: number;

  beforeAll(async () => {
    world = await roundWorld();
    const staffUser = sessionUserOf(world.staff);
    const created = createRound(browserRequest(), staffUser, world.competition.id, roundInput());
    if (!created.ok) throw new Error('round not created');
    roundId = created.roundId;
    setRoundJurors(
      browserRequest(),
      staffUser,
      roundId,
      Object.values(world.jurors).map((j) => j.id),
    );
    declareForcingConflicts(world, roundId);
    assignRound(browserRequest(), staffUser, roundId);
    openRound(browserRequest(), staffUser, roundId);
    for (const role of ['harsh', 'lenient', 'middle'] as const) submitScores(world, roundId, role);
  });

  const keyOf = (applicationId: number) =>
    Object.entries(world.applications).find(([, a]) => a.id === applicationId)![0];

  test('a page holds the ranking’s rows in its order, with the counts of the whole round', () => {
    const page = rankingPage(roundId, 'ru', { page: 1, q: '', show: 'all' })!;
    expect(page.rows.map((r) => keyOf(r.applicationId))).toEqual(EXPECTED.meanOrder);
    expect(page.rows).toEqual(rankingTable(roundId, 'ru')!.rows);
    expect(page.count).toBe(4);
    expect(page.scored).toBe(4);
    expect(page.flagged).toBe(Object.values(EXPECTED.flagged).filter(Boolean).length);
    expect(page.matching).toBe(4);
  });

  test('the flag filter keeps the flagged rows with their ranks; the search finds by reference', () => {
    const flagged = rankingPage(roundId, 'en', { page: 1, q: '', show: 'flagged' })!;
    expect(flagged.rows.map((r) => keyOf(r.applicationId))).toEqual(
      EXPECTED.meanOrder.filter((key) => EXPECTED.flagged[key]),
    );
    expect(flagged.rows.map((r) => r.rank)).toEqual([1, 3, 4]);
    const reference = world.applications.A3.reference!;
    const found = rankingPage(roundId, 'en', { page: 1, q: reference.toLowerCase(), show: 'all' })!;
    expect(found.rows.map((r) => keyOf(r.applicationId))).toEqual(['A3']);
    expect(found.rows[0]!.rank).toBe(3);
    const none = rankingPage(roundId, 'en', { page: 1, q: '', show: 'unscored' })!;
    expect(none.rows).toEqual([]);
    expect(none.matching).toBe(0);
  });

  test('the CSV streams every row of the ranking, headers in Kyrgyz', async () => {
    const staffKy = await createUser({ roles: ['staff'], locale: 'ky' });
    const response = await rankingCsvLoader({
      request: browserRequest(`${BASE}/staff/rounds/${roundId}/ranking.csv`, {
        cookie: await sessionCookieFor(staffKy),
      }),
      params: { roundId: String(roundId) },
      context: {},
    });
    const records = parse((await bodyOf(response)).toString('utf8'), {
      bom: true,
      delimiter: ';',
    }) as string[][];
    expect(records).toHaveLength(5);
    expect(records[0]![0]).toBe('Орун');
    expect(records.slice(1).map((r) => r[1])).toEqual(
      EXPECTED.meanOrder.map((key) => world.applications[key].reference),
    );
  });
});
