import { and, asc, eq, inArray, isNull, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Locale } from '~/i18n/config';
import { db, preparedOnce, type Tx } from '~db/client';
import { applications } from '~db/schema/applications';
import {
  householdConsents,
  householdMembers,
  households,
  type Household,
  type HouseholdMember,
} from '~db/schema/households';
import { facilitatorLocalities, localities, users } from '~db/schema/people';
import { inFacilitatorLocalities } from './user.server';

type Reader = typeof db | Tx;

const householdWhere = (reader: Reader, where: SQL) =>
  reader.select().from(households).where(where);
// Every family page reads the household: compiled once, not per request.
const preparedHousehold = preparedOnce((c) =>
  householdWhere(c, eq(households.id, sql.placeholder('id'))).prepare(),
);
const preparedHouseholdOfUser = preparedOnce((c) =>
  householdWhere(c, eq(households.userId, sql.placeholder('userId'))).prepare(),
);

export function findHousehold(householdId: number, reader: Reader = db): Household | undefined {
  return reader === db
    ? preparedHousehold().get({ id: householdId })
    : householdWhere(reader, eq(households.id, householdId)).get();
}

export function findHouseholdOfUser(userId: number, reader: Reader = db): Household | undefined {
  return reader === db
    ? preparedHouseholdOfUser().get({ userId })
    : householdWhere(reader, eq(households.userId, userId)).get();
}

export function findHouseholdByRegisterNumber(registerNumber: string, reader: Reader = db) {
  return reader
    .select()
    .from(households)
    .where(eq(households.benefitRegisterNumber, registerNumber))
    .get();
}

const membersQuery = (reader: Reader, householdId: number | Placeholder) =>
  reader
    .select()
    .from(householdMembers)
    .where(eq(householdMembers.householdId, householdId))
    .orderBy(asc(householdMembers.position), asc(householdMembers.id));
const preparedMembers = preparedOnce((c) =>
  membersQuery(c, sql.placeholder('householdId')).prepare(),
);

export function membersOf(householdId: number, reader: Reader = db): HouseholdMember[] {
  return reader === db
    ? preparedMembers().all({ householdId })
    : membersQuery(reader, householdId).all();
}

export function latestConsent(householdId: number, reader: Reader = db) {
  return reader
    .select({
      id: householdConsents.id,
      givenBy: householdConsents.givenBy,
      method: householdConsents.method,
      givenAt: householdConsents.givenAt,
      note: householdConsents.note,
      recordedById: householdConsents.recordedById,
      recordedByName: users.name,
    })
    .from(householdConsents)
    .innerJoin(users, eq(users.id, householdConsents.recordedById))
    .where(eq(householdConsents.householdId, householdId))
    .orderBy(sql`${householdConsents.givenAt} desc`, sql`${householdConsents.id} desc`)
    .get();
}

export function insertHousehold(tx: Tx, values: typeof households.$inferInsert): Household {
  return tx.insert(households).values(values).returning().get();
}

export function updateHouseholdRow(
  tx: Tx,
  householdId: number,
  values: Partial<typeof households.$inferInsert>,
) {
  return tx.update(households).set(values).where(eq(households.id, householdId)).returning().get();
}

export type MemberInput = {
  id?: number | null;
  firstName: string;
  lastName: string;
  sex: HouseholdMember['sex'];
  birthYear: number;
  relation: HouseholdMember['relation'];
};

/**
 * Makes the household's members exactly `members`: rows with an id are updated in place (so an
 * application's beneficiary stays the same person), new ones inserted, missing ones deleted.
 */
export function replaceMembers(tx: Tx, householdId: number, members: MemberInput[]) {
  const existing = membersOf(householdId, tx);
  const keepIds = new Set(members.map((m) => m.id).filter((id): id is number => Boolean(id)));
  const removed = existing.filter((m) => !keepIds.has(m.id)).map((m) => m.id);
  if (removed.length > 0) {
    // A member removed from the household can no longer hold a draft's grant.
    tx.update(applications)
      .set({ beneficiaryMemberId: null })
      .where(
        and(inArray(applications.beneficiaryMemberId, removed), eq(applications.status, 'draft')),
      )
      .run();
    tx.delete(householdMembers).where(inArray(householdMembers.id, removed)).run();
  }
  members.forEach((member, position) => {
    const values = {
      firstName: member.firstName,
      lastName: member.lastName,
      sex: member.sex,
      birthYear: member.birthYear,
      relation: member.relation,
      position,
    };
    if (member.id && existing.some((m) => m.id === member.id)) {
      tx.update(householdMembers).set(values).where(eq(householdMembers.id, member.id)).run();
    } else {
      tx.insert(householdMembers)
        .values({ ...values, householdId })
        .run();
    }
  });
}

/** Members that hold the grant of an application past the draft stage; they cannot be removed. */
export function lockedBeneficiaryIds(householdId: number, reader: Reader = db): number[] {
  return reader
    .select({ id: applications.beneficiaryMemberId })
    .from(applications)
    .where(and(eq(applications.householdId, householdId), sql`${applications.status} != 'draft'`))
    .all()
    .map((r) => r.id)
    .filter((id): id is number => id != null);
}

export function insertConsent(tx: Tx, values: typeof householdConsents.$inferInsert) {
  return tx.insert(householdConsents).values(values).returning().get();
}

/** Households a facilitator may see: those in her localities. Staff pass seesAll. */
export function listHouseholdsFor(viewer: { userId: number; seesAll: boolean }) {
  const scope = viewer.seesAll
    ? undefined
    : inFacilitatorLocalities(households.localityId, viewer.userId);
  const rows = db
    .select({
      id: households.id,
      localityId: households.localityId,
      localityKy: localities.nameKy,
      localityRu: localities.nameRu,
      localityEn: localities.nameEn,
      address: households.address,
      phone: households.phone,
      receivesSocialBenefits: households.receivesSocialBenefits,
      benefitRegisterNumber: households.benefitRegisterNumber,
      hasAccount: sql<number>`${households.userId} is not null`,
      source: households.source,
    })
    .from(households)
    .innerJoin(localities, eq(localities.id, households.localityId))
    .where(and(scope, isNull(households.anonymisedAt)))
    .all();
  const members = rows.length
    ? db
        .select()
        .from(householdMembers)
        .where(
          inArray(
            householdMembers.householdId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(householdMembers.position))
        .all()
    : [];
  // Grouped once: filtering all members for each household took 1.2 s at 10,000 households.
  const membersByHousehold = new Map<number, HouseholdMember[]>();
  for (const member of members) {
    const list = membersByHousehold.get(member.householdId);
    if (list) list.push(member);
    else membersByHousehold.set(member.householdId, [member]);
  }
  return rows.map((row) => ({
    ...row,
    hasAccount: Boolean(row.hasAccount),
    members: membersByHousehold.get(row.id) ?? [],
  }));
}

export type HouseholdListViewer = { userId: number; seesAll: boolean };
export type HouseholdListFilter = { localityId?: number; search?: string };

/**
 * The stored sort key of the name the households list shows first, in the reader's language
 * (kept by triggers and indexed with the households not anonymised, migration 0021).
 */
function householdNameKey(locale: Locale) {
  if (locale === 'ky') return households.nameKeyKy;
  if (locale === 'ru') return households.nameKeyRu;
  if (locale === 'kk') return households.nameKeyKk;
  if (locale === 'uz') return households.nameKeyUz;
  return households.nameKeyEn;
}

/** LIKE's own characters typed in a search are matched as themselves. */
function likePattern(search: string): string {
  return `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The households whose search text holds what was typed. Three letters or more are looked up in
 * the trigram index (migration 0023) as one quoted phrase, so quotes, stars or NEAR typed in a
 * search are matched as themselves; one or two letters, too few for a trigram, scan the stored
 * text with a LIKE.
 */
function searchCondition(search: string) {
  if ([...search].length < 3) {
    return sql`${households.searchText} like ${likePattern(search)} escape '\\'`;
  }
  const phrase = `"${search.toLowerCase().replaceAll('"', '""')}"`;
  return sql`${households.id} in (select rowid from households_search where households_search match ${phrase})`;
}

/**
 * The list's households as SQL conditions: not anonymised, a facilitator's villages only, one
 * village, and a search matching any member's name (as the list shows it, "#id" for a member
 * without one) or the register number, in any case: the stored search text is lower-cased
 * Cyrillic too (migration 0022), and so is what was typed.
 */
function householdListConditions(viewer: HouseholdListViewer, filter: HouseholdListFilter) {
  const search = filter.search?.trim();
  return and(
    isNull(households.anonymisedAt),
    viewer.seesAll ? undefined : inFacilitatorLocalities(households.localityId, viewer.userId),
    filter.localityId ? eq(households.localityId, filter.localityId) : undefined,
    search ? searchCondition(search) : undefined,
  );
}

/** How many households the list shows for this viewer and filter (for its pager and exports). */
export function countHouseholdList(viewer: HouseholdListViewer, filter: HouseholdListFilter) {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(households)
      .where(householdListConditions(viewer, filter))
      .get()?.n ?? 0
  );
}

/**
 * The ids of the list's households in its order — by the first member's name as the reader's
 * language sorts it, then by id — one page of them, or all for the exports. Read from the name
 * key's index in order: a page at any depth neither reads nor sorts the other households' rows.
 */
export function householdListIds(
  viewer: HouseholdListViewer,
  filter: HouseholdListFilter,
  locale: Locale,
  page?: { limit: number; offset: number },
): number[] {
  const query = db
    .select({ id: households.id })
    .from(households)
    .where(householdListConditions(viewer, filter))
    .orderBy(asc(householdNameKey(locale)), asc(households.id));
  return (page ? query.limit(page.limit).offset(page.offset).all() : query.all()).map((r) => r.id);
}

/**
 * The list's households with their village and members (in their order), by ids: compiled once,
 * the ids as one JSON parameter; one row per member (or one without members).
 */
const preparedHouseholdListRows = preparedOnce((c) =>
  c
    .select({
      id: households.id,
      localityKy: localities.nameKy,
      localityRu: localities.nameRu,
      localityEn: localities.nameEn,
      phone: households.phone,
      receivesSocialBenefits: households.receivesSocialBenefits,
      benefitRegisterNumber: households.benefitRegisterNumber,
      hasAccount: sql<number>`${households.userId} is not null`,
      firstName: householdMembers.firstName,
      lastName: householdMembers.lastName,
    })
    .from(households)
    .innerJoin(localities, eq(localities.id, households.localityId))
    .leftJoin(householdMembers, eq(householdMembers.householdId, households.id))
    .where(sql`${households.id} in (select value from json_each(${sql.placeholder('ids')}))`)
    .orderBy(asc(householdMembers.position), asc(householdMembers.id))
    .prepare(),
);

export type HouseholdListEntry = Omit<
  ReturnType<ReturnType<typeof preparedHouseholdListRows>['all']>[number],
  'firstName' | 'lastName' | 'hasAccount'
> & { hasAccount: boolean; members: { firstName: string; lastName: string }[] };

/** These households for the list, in the order of `ids`. */
export function householdListEntries(ids: readonly number[]): HouseholdListEntry[] {
  if (ids.length === 0) return [];
  const byId = new Map<number, HouseholdListEntry>();
  for (const { firstName, lastName, hasAccount, ...row } of preparedHouseholdListRows().all({
    ids: JSON.stringify(ids),
  })) {
    let entry = byId.get(row.id);
    if (!entry) {
      entry = { ...row, hasAccount: Boolean(hasAccount), members: [] };
      byId.set(row.id, entry);
    }
    if (firstName !== null && lastName !== null) entry.members.push({ firstName, lastName });
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export function facilitatorWorksIn(
  facilitatorId: number,
  localityId: number,
  reader: Reader = db,
): boolean {
  return Boolean(
    reader
      .select({ one: sql`1` })
      .from(facilitatorLocalities)
      .where(
        and(
          eq(facilitatorLocalities.userId, facilitatorId),
          eq(facilitatorLocalities.localityId, localityId),
        ),
      )
      .get(),
  );
}

export function existingRegisterNumbers(numbers: string[], reader: Reader = db): Set<string> {
  if (numbers.length === 0) return new Set();
  return new Set(
    reader
      .select({ n: households.benefitRegisterNumber })
      .from(households)
      .where(inArray(households.benefitRegisterNumber, numbers))
      .all()
      .map((r) => r.n!),
  );
}
