// The households list (/households) filtered, sorted and paged in SQL (issue 9): its order is the
// reader's collator's order (stored name keys kept by triggers, migration 0021), a name typed in
// any case is found, a facilitator sees her villages only, pages follow one another, and the
// order follows a member renamed, added or removed. The exports read the same order in batches.
import { eq, sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { db, writeTransaction } from '~db/client';
import { households } from '~db/schema/households';
import { collatorFor } from '~/i18n/intl-cache';
import { membersOf, replaceMembers, type MemberInput } from '~/models/household.server';
import { anonymiseOnRequest } from '~/services/anonymisation.server';
import {
  householdListFilter,
  householdListRows,
  householdListRowsInOrder,
} from '~/services/household-list.server';
import type { Locale } from '~/i18n/config';
import { collationKey } from '~/utils/collation-key';
import { loader as homeLoader } from '~/routes/_index/route';
import { loader as listLoader } from '~/routes/households._index/route';
import { loadAs } from '../support/download';
import { createLocality, createUser } from '../support/factories';
import { createHousehold } from '../support/programme-factories';
import { sessionUserOf } from '../support/session-user';

const person = (firstName: string, lastName = 'Беков'): MemberInput => ({
  firstName,
  lastName,
  sex: 'female',
  birthYear: 1980,
  relation: 'head',
});

async function staffReading(locale: Locale) {
  return sessionUserOf(await createUser({ roles: ['staff'], locale }));
}

type Actor = Awaited<ReturnType<typeof staffReading>>;

function listed(actor: Actor, query: string, page = 1, pageSize = 50) {
  const filter = householdListFilter(actor, new URLSearchParams(query));
  return householdListRows(actor, filter, page, pageSize);
}

const firstNames = (actor: Actor, query: string) =>
  listed(actor, query).rows.map((r) => r.names[0] ?? '');

// Kyrgyz letters a code-point sort would put after Я: Ң after Н, Ө after О, Ү after У.
const NAMES = ['Үмүт', 'Уланбек', 'Өмүр', 'Орозбек', 'Ңурбү', 'Нурлан', 'Яна', 'Асель', 'Элнура'];

describe('the households list, sorted and paged in SQL', () => {
  test.each(['ky', 'ru'] as const)(
    "is in the %s reader's collator's order of the first members' names",
    async (locale) => {
      const village = createLocality();
      for (const name of NAMES)
        createHousehold({ localityId: village.id, members: [person(name), person('Аа')] });
      createHousehold({ localityId: village.id, members: [] });
      const actor = await staffReading(locale);
      const expected = NAMES.map((n) => `${n} Беков`).sort(collatorFor(locale, undefined).compare);
      // A household without members has no name to show; it comes first, as '' did.
      expect(firstNames(actor, `locality=${village.id}`)).toEqual(['', ...expected]);
    },
  );

  test('finds a name typed in any case, Cyrillic too, among all members, or the register number', async () => {
    const village = createLocality();
    const { household } = createHousehold({
      localityId: village.id,
      members: [person('Бакыт', 'Осмонов'), person('Айгүл', 'Осмонова')],
    });
    createHousehold({ localityId: village.id, members: [person('Жылдыз', 'Осмонова')] });
    const actor = await staffReading('ru');
    for (const typed of ['Айгүл', 'айгүл', 'АЙГҮЛ', 'гүл осмон']) {
      const rows = listed(actor, `locality=${village.id}&q=${encodeURIComponent(typed)}`).rows;
      expect(rows.map((r) => r.id)).toEqual([household.id]);
      expect(rows[0]!.names).toEqual(['Бакыт Осмонов', 'Айгүл Осмонова']);
    }
    const number = household.benefitRegisterNumber!;
    expect(
      listed(actor, `locality=${village.id}&q=${number.toLowerCase()}`).rows.map((r) => r.id),
    ).toEqual([household.id]);
    // LIKE's own characters are matched as themselves.
    expect(listed(actor, `locality=${village.id}&q=%25`).total).toBe(0);
    expect(listed(actor, `locality=${village.id}&q=_`).total).toBe(0);
  });

  test('a facilitator sees the households of her villages only, whatever village is asked', async () => {
    const own = createLocality();
    const other = createLocality();
    const mine = createHousehold({ localityId: own.id, members: [person('Назира')] }).household;
    createHousehold({ localityId: other.id, members: [person('Назира')] });
    const facilitator = sessionUserOf(
      await createUser({ roles: ['facilitator'], locale: 'ky', worksIn: [own.id] }),
    );
    expect(listed(facilitator, 'q=назира').rows.map((r) => r.id)).toEqual([mine.id]);
    expect(listed(facilitator, `q=назира&locality=${other.id}`).rows.map((r) => r.id)).toEqual([
      mine.id,
    ]);
    const staff = await staffReading('ky');
    expect(listed(staff, `q=назира&locality=${other.id}`).total).toBe(1);
  });

  test("the page shows a facilitator her villages' households, and her home counts as many", async () => {
    const own = createLocality();
    createHousehold({ localityId: own.id, members: [person('Зарина'), person('Бакыт')] });
    createHousehold({ localityId: createLocality().id, members: [person('Зарина')] });
    const facilitator = await createUser({
      roles: ['facilitator'],
      locale: 'ky',
      worksIn: [own.id],
    });
    const page = (await (await loadAs(listLoader, '/households', facilitator)).json()) as {
      total: number;
      households: { names: string[]; locality: string }[];
    };
    expect(page.total).toBe(1);
    expect(page.households).toEqual([
      expect.objectContaining({ names: ['Зарина Беков', 'Бакыт Беков'], locality: own.nameKy }),
    ]);
    const home = (await (await loadAs(homeLoader, '/', facilitator)).json()) as {
      person: { familiesCount: number | null };
    };
    expect(home.person.familiesCount).toBe(1);
  });

  test('page 2 starts where page 1 ended; a page past the end shows the last', async () => {
    const village = createLocality();
    for (const name of NAMES) createHousehold({ localityId: village.id, members: [person(name)] });
    const actor = await staffReading('ky');
    const query = `locality=${village.id}`;
    const all = listed(actor, query).rows.map((r) => r.id);
    const pages = [1, 2, 3, 4].map((page) => listed(actor, query, page, 3));
    expect(pages.map((p) => p.total)).toEqual([9, 9, 9, 9]);
    expect(pages.map((p) => p.page)).toEqual([1, 2, 3, 3]);
    expect(pages.slice(0, 3).flatMap((p) => p.rows.map((r) => r.id))).toEqual(all);
    expect(pages[3]!.rows).toEqual(pages[2]!.rows);
    // A search pages the same way.
    const searched = [2, 9].map((page) => listed(actor, `${query}&q=беков`, page, 3));
    expect(searched.map((p) => [p.total, p.page])).toEqual([
      [9, 2],
      [9, 3],
    ]);
    expect(searched[0]!.rows.map((r) => r.id)).toEqual(all.slice(3, 6));
    expect(searched[1]!.rows.map((r) => r.id)).toEqual(all.slice(6));
    // The exports read the same order, a batch at a time.
    const filter = householdListFilter(actor, new URLSearchParams(query));
    expect([...householdListRowsInOrder(actor, filter, 2)].map((r) => r.id)).toEqual(all);
  });

  test('the order follows a member renamed, added before the first, or removed', async () => {
    const village = createLocality();
    const actor = await staffReading('ky');
    const query = `locality=${village.id}`;
    const a = createHousehold({ localityId: village.id, members: [person('Бакыт')] }).household;
    const b = createHousehold({ localityId: village.id, members: [person('Гүлнара')] }).household;
    const ids = () => listed(actor, query).rows.map((r) => r.id);
    const members = (householdId: number): MemberInput[] =>
      membersOf(householdId).map((m) => ({ ...m, id: m.id }));
    const setMembers = (householdId: number, list: MemberInput[]) =>
      writeTransaction((tx) => replaceMembers(tx, householdId, list));
    expect(ids()).toEqual([a.id, b.id]);

    setMembers(a.id, [{ ...members(a.id)[0]!, firstName: 'Өмүр' }]);
    expect(ids()).toEqual([b.id, a.id]);

    setMembers(b.id, [person('Үмүт'), ...members(b.id)]);
    expect(ids()).toEqual([a.id, b.id]);
    expect(listed(actor, query).rows[1]!.names).toEqual(['Үмүт Беков', 'Гүлнара Беков']);

    setMembers(b.id, members(b.id).slice(1));
    expect(ids()).toEqual([b.id, a.id]);
    const stored = db.select().from(households).where(eq(households.id, b.id)).get()!;
    expect(stored.nameKeyKy).toBe(collationKey('Гүлнара Беков', 'ky'));
    expect(stored.nameKeyRu).toBe(collationKey('Гүлнара Беков', 'ru'));
    expect(stored.nameKeyKk).toBe(collationKey('Гүлнара Беков', 'kk'));

    setMembers(b.id, []);
    expect(ids()).toEqual([b.id, a.id]);
    expect(listed(actor, query).rows[0]!.names).toEqual([]);
  });

  test('an anonymised household leaves the list, its key and search text hold only "#id"', async () => {
    const village = createLocality();
    const { household } = createHousehold({
      localityId: village.id,
      members: [person('Айпери', 'Токтогулова')],
    });
    const actor = await staffReading('ky');
    expect(listed(actor, `locality=${village.id}`).total).toBe(1);
    const done = anonymiseOnRequest(
      { userId: actor.user.id, ipAddress: null },
      household.id,
      'R-1',
    );
    expect(done.ok).toBe(true);
    expect(listed(actor, `locality=${village.id}`).total).toBe(0);
    const stored = db.select().from(households).where(eq(households.id, household.id)).get()!;
    expect(stored.nameKeyKy).toBe(collationKey(`#${household.id}`, 'ky'));
    expect(stored.searchText).not.toContain('айпери');
    expect(stored.searchText).not.toContain('sr-');
    // Nor does the search's trigram index still find her by name (migration 0023).
    expect(indexedHouseholds('айпери токтогулова')).not.toContain(household.id);
  });

  test('the search index follows a member renamed and a register number changed', async () => {
    const village = createLocality();
    const actor = await staffReading('ky');
    const { household } = createHousehold({
      localityId: village.id,
      members: [person('Бермет', 'Садыкова')],
    });
    const found = (typed: string) =>
      listed(actor, `locality=${village.id}&q=${encodeURIComponent(typed)}`).rows.map((r) => r.id);
    expect(found('бермет')).toEqual([household.id]);
    expect(indexedHouseholds('бермет садыкова')).toEqual([household.id]);

    const [member] = membersOf(household.id);
    writeTransaction((tx) =>
      replaceMembers(tx, household.id, [{ ...member!, id: member!.id, firstName: 'Чолпон' }]),
    );
    expect(found('бермет')).toEqual([]);
    expect(found('ЧОЛПОН сады')).toEqual([household.id]);
    expect(indexedHouseholds('бермет')).not.toContain(household.id);

    db.update(households)
      .set({ benefitRegisterNumber: 'ZX-90210' })
      .where(eq(households.id, household.id))
      .run();
    expect(found('zx-902')).toEqual([household.id]);
  });

  test('one or two letters, and what full-text search would read as syntax, are matched as typed', async () => {
    const village = createLocality();
    const actor = await staffReading('ru');
    const { household } = createHousehold({
      localityId: village.id,
      members: [person('Ая', 'Ок')],
    });
    const total = (typed: string) =>
      listed(actor, `locality=${village.id}&q=${encodeURIComponent(typed)}`).total;
    // Too short for a trigram: still found, by the stored text.
    expect(total('ая')).toBe(1);
    expect(total('Я')).toBe(1);
    for (const typed of [
      '"',
      '""ая',
      'ая OR ок',
      'NEAR(ая ок)',
      'ая*',
      '^ая',
      'а:я',
      '%_\\',
      "'; drop",
    ])
      expect(total(typed)).toBe(0);
    expect(total('ая ок')).toBe(1);
    // A search longer than any name reads only its first hundred characters.
    expect(total(`ая ок${'я'.repeat(5000)}`)).toBe(0);
    expect(
      listed(actor, `locality=${village.id}&q=${'ая ок'.padEnd(100, ' ')}x`).rows.map((r) => r.id),
    ).toEqual([household.id]);
  });
});

/** The households the trigram index itself finds for a phrase, whatever the list's filters. */
function indexedHouseholds(phrase: string): number[] {
  return db
    .all<{ id: number }>(
      sql`select rowid as id from households_search where households_search match ${`"${phrase}"`}`,
    )
    .map((r) => r.id);
}
