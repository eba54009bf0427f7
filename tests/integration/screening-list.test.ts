// The screening list: filters, a search that matches Kyrgyz and Russian whatever the case, and
// names sorted as a Kyrgyz or Russian reader expects (Ң after Н, Ө after О, Ү after У).
import { beforeAll, describe, expect, test } from 'vitest';
import type { Competition } from '~db/schema/competitions';
import type { Locale } from '~/i18n/config';
import { collatorFor } from '~/i18n/intl-cache';
import { sqlite, writeTransaction } from '~db/client';
import { updateApplicationRow } from '~/models/application.server';
import { membersOf, replaceMembers, type MemberInput } from '~/models/household.server';
import { updateUser } from '~/models/user.server';
import { screeningQueryFrom, screeningQuerySearch } from '~/schemas/screening';
import type { Sector } from '~/schemas/enums';
import { screeningRows } from '~/services/screening.server';
import { createLocality, createUser } from '../support/factories';
import {
  createApplication,
  createCompetition,
  createHousehold,
} from '../support/programme-factories';

let competition: Competition;
let other: Competition;
let ivanovka: number;
let osh: number;

function kelin(firstName: string, lastName: string): MemberInput[] {
  return [
    { firstName: 'Бакыт', lastName, sex: 'male', birthYear: 1968, relation: 'head' },
    { firstName, lastName, sex: 'female', birthYear: 1996, relation: 'daughter-in-law' },
  ];
}

beforeAll(async () => {
  const staff = await createUser({ roles: ['staff'] });
  ivanovka = createLocality().id;
  osh = createLocality().id;
  competition = createCompetition({ localityIds: [ivanovka, osh] });
  other = createCompetition({ localityIds: [ivanovka] });
  const people: [string, string, number, Sector, string, Date][] = [
    ['Айгүл', 'Үмүтова', ivanovka, 'sewing', 'LS-2024-0010', new Date('2024-01-12T05:00:00Z')],
    ['Нуржан', 'Өмүрова', osh, 'livestock', 'LS-2024-0002', new Date('2024-01-10T05:00:00Z')],
    ['Ольга', 'Орлова', ivanovka, 'baking-food', 'LS-2024-0003', new Date('2024-01-11T05:00:00Z')],
    ['Элмира', 'Уулжанова', osh, 'sewing', 'LS-2024-0001', new Date('2024-01-09T05:00:00Z')],
    ['Ёлка', 'Ёлкина', osh, 'trade', 'LS-2024-0004', new Date('2024-01-13T05:00:00Z')],
  ];
  for (const [first, last, localityId, sector, reference, submittedAt] of people) {
    const household = createHousehold({ localityId, members: kelin(first, last) });
    createApplication({
      competition,
      ...household,
      enteredBy: staff,
      status: 'submitted',
      sector,
      reference,
      submittedAt,
    });
  }
  // Another competition's application and a draft are not in this competition's list.
  const elsewhere = createHousehold({ localityId: ivanovka, members: kelin('Айгүл', 'Бекова') });
  createApplication({
    competition: other,
    ...elsewhere,
    enteredBy: staff,
    status: 'submitted',
    reference: 'OT-2024-0001',
  });
  const drafting = createHousehold({ localityId: ivanovka, members: kelin('Айгүл', 'Черновая') });
  createApplication({ competition, ...drafting, enteredBy: staff, status: 'draft' });
});

function names(params: Record<string, string>, locale: Locale = 'ky') {
  const query = screeningQueryFrom(
    new URLSearchParams({ competition: String(competition.id), ...params }),
  );
  return screeningRows(query, locale).map((row) => row.beneficiaryName);
}

describe('search', () => {
  test('"айгүл" finds Айгүл, and so do "АЙГҮЛ" and "Айгүл"; drafts are not listed', () => {
    expect(names({ q: 'айгүл' })).toEqual(['Үмүтова Айгүл']);
    expect(names({ q: 'АЙГҮЛ' })).toEqual(['Үмүтова Айгүл']);
    expect(names({ q: 'Айгүл' })).toEqual(['Үмүтова Айгүл']);
  });

  test('Kyrgyz letters in surnames match whatever the case: "өмүр", "ҮМҮТ", "ёлк"', () => {
    expect(names({ q: 'өмүр' })).toEqual(['Өмүрова Нуржан']);
    expect(names({ q: 'ҮМҮТ' })).toEqual(['Үмүтова Айгүл']);
    expect(names({ q: 'ЁЛК' })).toEqual(['Ёлкина Ёлка']);
  });

  test('a reference is found in any case, in part or whole', () => {
    expect(names({ q: 'ls-2024-0003' })).toEqual(['Орлова Ольга']);
    expect(names({ q: 'LS-2024-001' })).toEqual(['Үмүтова Айгүл']);
  });

  test('"first last" and "last first" both match', () => {
    expect(names({ q: 'ольга орлова' })).toEqual(['Орлова Ольга']);
    expect(names({ q: 'орлова ольга' })).toEqual(['Орлова Ольга']);
  });
});

describe('sorting', () => {
  test('by name with the Kyrgyz collation: Ё after Е, Ө after О, Ү after У', () => {
    expect(names({}, 'ky')).toEqual([
      'Ёлкина Ёлка',
      'Орлова Ольга',
      'Өмүрова Нуржан',
      'Уулжанова Элмира',
      'Үмүтова Айгүл',
    ]);
    expect(names({ dir: 'desc' }, 'ky')).toEqual([
      'Үмүтова Айгүл',
      'Уулжанова Элмира',
      'Өмүрова Нуржан',
      'Орлова Ольга',
      'Ёлкина Ёлка',
    ]);
  });

  test('Kazakh and Uzbek readers get the names in their own order, from the stored keys', () => {
    // A stored key per language (migration 0017) keeps the order the reader's collator gives
    // (Ө after О, Ү after У in Kazakh), in both directions.
    for (const locale of ['kk', 'uz'] as const) {
      const sorted = [...names({}, 'ky')].sort(collatorFor(locale, undefined).compare);
      expect(names({}, locale)).toEqual(sorted);
      expect(names({ dir: 'desc' }, locale)).toEqual([...sorted].reverse());
    }
    const unkeyed = sqlite
      .prepare(
        'select count(*) as n from applications where name_key_kk is null or name_key_uz is null',
      )
      .get() as { n: number };
    expect(unkeyed.n).toBe(0);
    expect(names({}, 'kk').indexOf('Өмүрова Нуржан')).toBeGreaterThan(
      names({}, 'kk').indexOf('Орлова Ольга'),
    );
  });

  test('by reference, by its number', () => {
    const query = screeningQueryFrom(
      new URLSearchParams({ competition: String(competition.id), sort: 'reference' }),
    );
    expect(screeningRows(query, 'ru').map((r) => r.reference)).toEqual([
      'LS-2024-0001',
      'LS-2024-0002',
      'LS-2024-0003',
      'LS-2024-0004',
      'LS-2024-0010',
    ]);
  });

  test('by submission date, newest first when descending', () => {
    expect(names({ sort: 'submitted', dir: 'desc' })).toEqual([
      'Ёлкина Ёлка',
      'Үмүтова Айгүл',
      'Орлова Ольга',
      'Өмүрова Нуржан',
      'Уулжанова Элмира',
    ]);
  });
});

describe('the stored name keys', () => {
  test('the order follows a renamed beneficiary, and the account’s name when there is none', async () => {
    const staff = await createUser({ roles: ['staff'] });
    const renamed = createCompetition({ localityIds: [ivanovka] });
    const listed = () =>
      screeningRows(
        screeningQueryFrom(new URLSearchParams({ competition: String(renamed.id) })),
        'ky',
      ).map((row) => row.beneficiaryName);
    const yakhyaeva = createHousehold({ localityId: ivanovka, members: kelin('Айгүл', 'Яхьяева') });
    createApplication({
      competition: renamed,
      ...yakhyaeva,
      enteredBy: staff,
      status: 'submitted',
    });
    const bekova = createHousehold({ localityId: ivanovka, members: kelin('Ольга', 'Бекова') });
    createApplication({ competition: renamed, ...bekova, enteredBy: staff, status: 'submitted' });
    const account = await createUser({ name: 'Өмүрбек Асанов' });
    const asanov = createHousehold({
      localityId: ivanovka,
      user: account,
      members: kelin('Нуржан', 'Садыкова'),
    });
    const withoutBeneficiary = createApplication({
      competition: renamed,
      ...asanov,
      enteredBy: staff,
      status: 'submitted',
    });
    writeTransaction((tx) =>
      updateApplicationRow(tx, withoutBeneficiary.id, { beneficiaryMemberId: null }),
    );
    expect(listed()).toEqual(['Бекова Ольга', 'Өмүрбек Асанов', 'Яхьяева Айгүл']);

    // The family corrects the daughter-in-law's surname; the account holder changes his name.
    writeTransaction((tx) => {
      const members = membersOf(yakhyaeva.household.id, tx).map((member) => ({
        ...member,
        lastName: member.firstName === 'Айгүл' ? 'Абдыкадырова' : member.lastName,
      }));
      replaceMembers(tx, yakhyaeva.household.id, members);
      updateUser(tx, account.id, { name: 'Абай Асанов' });
    });
    expect(listed()).toEqual(['Абай Асанов', 'Абдыкадырова Айгүл', 'Бекова Ольга']);
  });
});

describe('filters', () => {
  test('locality, sector and status narrow the list; competition keeps others out', () => {
    expect(names({ locality: String(osh) })).toEqual([
      'Ёлкина Ёлка',
      'Өмүрова Нуржан',
      'Уулжанова Элмира',
    ]);
    expect(names({ sector: 'sewing' })).toEqual(['Уулжанова Элмира', 'Үмүтова Айгүл']);
    expect(names({ status: 'eligible' })).toEqual([]);
    expect(names({ status: 'submitted' })).toHaveLength(5);
  });

  test('unknown values in the address are ignored, and the query survives a round trip', () => {
    const query = screeningQueryFrom(
      new URLSearchParams({ status: 'draft', sector: 'rockets', sort: 'x', locality: '-3' }),
    );
    expect(query).toEqual({
      competitionId: undefined,
      localityId: undefined,
      status: undefined,
      sector: undefined,
      q: '',
      sort: 'name',
      dir: 'asc',
    });
    const full = screeningQueryFrom(
      new URLSearchParams(
        'competition=4&locality=2&status=eligible&sector=trade&q=ай&sort=submitted&dir=desc',
      ),
    );
    expect(screeningQueryFrom(new URLSearchParams(screeningQuerySearch(full)))).toEqual(full);
  });
});
