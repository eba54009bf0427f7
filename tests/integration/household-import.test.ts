import { sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { db } from '~db/client';
import { households } from '~db/schema/households';
import { findHouseholdByRegisterNumber, membersOf } from '~/models/household.server';
import { rolesOfUser } from '~/models/user.server';
import {
  analyseImport,
  commitImport,
  createImportPreview,
  decodeImportFile,
  discardImport,
  findImport,
} from '~/services/household-import.server';
import { browserRequest, createLocality, createUser, uniqueSuffix } from '../support/factories';

const HEADER =
  'register_number;locality;address;phone;first_name;last_name;sex;birth_year;relation';

async function staffSession() {
  const user = await createUser({ roles: ['staff'] });
  return { user, roles: rolesOfUser(user.id), sessionId: 'test' };
}

function countHouseholds(): number {
  return db
    .select({ n: sql<number>`count(*)` })
    .from(households)
    .get()!.n;
}

describe('analysing a register file', () => {
  test('reads semicolons, a BOM, localities by any name, and sex in three languages', () => {
    const village = createLocality();
    const [a, b, c] = [`R-${uniqueSuffix()}`, `R-${uniqueSuffix()}`, `R-${uniqueSuffix()}`];
    const csv =
      `\uFEFF${HEADER}\n` +
      `${a};${village.code};ул. Мира 1;0555 111 222;Айгүл;Бекова;ж;1990;head\n` +
      `${b};${village.nameRu.toUpperCase()};;;Ольга;Ким;female;1985;\n` +
      `${c};${village.nameKy};;;Азамат;Сыдыков;эркек;1979;head\n`;
    const analysis = analyseImport(csv);
    if (!analysis.ok) throw new Error(analysis.fileError);
    expect(analysis).toMatchObject({ newCount: 3, problemCount: 0, alreadyCount: 0 });
    expect(analysis.rows.map((r) => [r.line, r.sex, r.localityId, r.phone])).toEqual([
      [2, 'female', village.id, '+996555111222'],
      [3, 'female', village.id, null],
      [4, 'male', village.id, null],
    ]);
  });

  test("reports each row's problems and repeated register numbers", () => {
    const village = createLocality();
    const number = `R-${uniqueSuffix()}`;
    const csv = [
      HEADER,
      `${number};${village.code};;;Айгүл;Бекова;female;1990;head`,
      `${number};${village.code};;;Айжан;Бекова;female;1992;head`,
      `;nowhere-${uniqueSuffix()};;12;;Бекова;x;19;cousin`,
    ].join('\n');
    const analysis = analyseImport(csv);
    if (!analysis.ok) throw new Error(analysis.fileError);
    expect(analysis.problemCount).toBe(2);
    expect(analysis.rows[1]!.problems).toEqual(['register-number-repeated']);
    expect([...analysis.rows[2]!.problems].sort()).toEqual(
      [
        'birth-year-invalid',
        'locality-unknown',
        'name-missing',
        'phone-invalid',
        'register-number-missing',
        'relation-unknown',
        'sex-unknown',
      ].sort(),
    );
  });

  test('a file without the required columns is refused and says which', () => {
    expect(analyseImport('register_number,locality\nA,b\n')).toMatchObject({
      ok: false,
      fileError: 'missing-columns',
      missingColumns: ['first_name', 'last_name', 'sex', 'birth_year'],
    });
    expect(analyseImport(`${HEADER}\n`)).toMatchObject({ ok: false, fileError: 'empty' });
  });

  test('a Windows-1251 file from Excel is read as Cyrillic, a UTF-8 one with its BOM removed', () => {
    // "Ольга;Ким" in Windows-1251.
    const cp1251 = new Uint8Array([0xce, 0xeb, 0xfc, 0xe3, 0xe0, 0x3b, 0xca, 0xe8, 0xec]);
    expect(decodeImportFile(cp1251)).toBe('Ольга;Ким');
    expect(decodeImportFile(new TextEncoder().encode('\uFEFFАйгүл;Бекова'))).toBe('Айгүл;Бекова');
  });
});

describe('committing an import', () => {
  test('writes every new household with its head, and skips those already registered', async () => {
    const village = createLocality();
    const staff = await staffSession();
    const known = `R-${uniqueSuffix()}`;
    const fresh = `R-${uniqueSuffix()}`;
    const first = createImportPreview(browserRequest(), staff, {
      name: 'first.csv',
      content: `${HEADER}\n${known};${village.code};;;Айгүл;Бекова;female;1990;head\n`,
    });
    expect(commitImport(browserRequest(), staff, first)).toEqual({ ok: true, created: 1 });
    const second = createImportPreview(browserRequest(), staff, {
      name: 'second.csv',
      content:
        `${HEADER}\n${known};${village.code};;;Айгүл;Бекова;female;1990;head\n` +
        `${fresh};${village.code};ул. Мира 3;;Ольга;Ким;female;1985;head\n`,
    });
    expect(analyseImport(findImport(second)!.content)).toMatchObject({
      ok: true,
      newCount: 1,
      alreadyCount: 1,
    });
    expect(commitImport(browserRequest(), staff, second)).toEqual({ ok: true, created: 1 });
    const household = findHouseholdByRegisterNumber(fresh)!;
    expect(household).toMatchObject({
      source: 'import',
      receivesSocialBenefits: true,
      address: 'ул. Мира 3',
      userId: null,
    });
    expect(membersOf(household.id).map((m) => [m.firstName, m.lastName, m.relation])).toEqual([
      ['Ольга', 'Ким', 'head'],
    ]);
    expect(findImport(second)).toMatchObject({ status: 'committed', householdsCreated: 1 });
    // The same file cannot be committed twice.
    expect(commitImport(browserRequest(), staff, second)).toEqual({
      ok: false,
      error: 'not-previewed',
    });
  });

  test('writes nothing at all while any row has a problem', async () => {
    const village = createLocality();
    const staff = await staffSession();
    const before = countHouseholds();
    const id = createImportPreview(browserRequest(), staff, {
      name: 'bad.csv',
      content:
        `${HEADER}\nR-${uniqueSuffix()};${village.code};;;Айгүл;Бекова;female;1990;head\n` +
        `R-${uniqueSuffix()};${village.code};;;Ольга;;female;1985;head\n`,
    });
    expect(commitImport(browserRequest(), staff, id)).toEqual({ ok: false, error: 'has-problems' });
    expect(countHouseholds()).toBe(before);
    expect(findImport(id)!.status).toBe('previewed');
  });

  test('a discarded file cannot be committed', async () => {
    const village = createLocality();
    const staff = await staffSession();
    const id = createImportPreview(browserRequest(), staff, {
      name: 'x.csv',
      content: `${HEADER}\nR-${uniqueSuffix()};${village.code};;;Айгүл;Бекова;female;1990;head\n`,
    });
    expect(discardImport(browserRequest(), staff, id)).toBe(true);
    expect(commitImport(browserRequest(), staff, id)).toEqual({
      ok: false,
      error: 'not-previewed',
    });
  });
});
