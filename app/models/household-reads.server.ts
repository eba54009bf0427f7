// The read-access log's rows (db/schema/household-reads.ts): written one INSERT at a time from
// page loaders, read a page at a time (keyset on id, newest first) by the admin.
import type { Statement } from 'better-sqlite3';
import { and, asc, desc, eq, gt, lt, type SQL } from 'drizzle-orm';
import { db, sqlite } from '~db/client';
import { householdReads } from '~db/schema/household-reads';
import { users } from '~db/schema/people';
import type { HouseholdReadKind } from '~/schemas/household-reads';
import { keysetPage, readsBackwards } from '~/utils/keyset';

export type NewHouseholdRead = {
  householdId: number;
  viewerUserId: number;
  viewerRole: string;
  what: HouseholdReadKind;
  subjectId: number | null;
  ipAddress: string | null;
  at: Date;
};

// Prepared on first use and kept: a page view pays for one INSERT and nothing else.
let insertStatement: Statement<
  [number, number, string, string, number | null, string | null, number]
> | null = null;

export function insertHouseholdRead(read: NewHouseholdRead): void {
  insertStatement ??= sqlite.prepare(
    `insert into household_reads
       (household_id, viewer_user_id, viewer_role, what, subject_id, ip_address, created_at)
     values (?, ?, ?, ?, ?, ?, ?)`,
  );
  insertStatement.run(
    read.householdId,
    read.viewerUserId,
    read.viewerRole,
    read.what,
    read.subjectId,
    read.ipAddress,
    read.at.getTime(),
  );
}

export type HouseholdReadRow = {
  id: number;
  createdAt: Date;
  viewerUserId: number;
  viewerName: string;
  viewerRole: string;
  what: HouseholdReadKind;
  subjectId: number | null;
};

const ROW = {
  id: householdReads.id,
  createdAt: householdReads.createdAt,
  viewerUserId: householdReads.viewerUserId,
  viewerName: users.name,
  viewerRole: householdReads.viewerRole,
  what: householdReads.what,
  subjectId: householdReads.subjectId,
};

/**
 * One page of a household's reads, newest first: `before` an id for older rows, `after` an id for
 * newer ones (the page the admin came from). One row more than a page says whether more exist.
 */
export function listHouseholdReadsPage(filter: {
  householdId: number;
  before?: number;
  after?: number;
  pageSize: number;
}): { rows: HouseholdReadRow[]; hasOlder: boolean; hasNewer: boolean } {
  const conditions: SQL[] = [eq(householdReads.householdId, filter.householdId)];
  const backwards = readsBackwards(filter);
  if (filter.before !== undefined) conditions.push(lt(householdReads.id, filter.before));
  if (backwards) conditions.push(gt(householdReads.id, filter.after!));
  const rows = db
    .select(ROW)
    .from(householdReads)
    .innerJoin(users, eq(users.id, householdReads.viewerUserId))
    .where(and(...conditions))
    .orderBy(backwards ? asc(householdReads.id) : desc(householdReads.id))
    .limit(filter.pageSize + 1)
    .all();
  return keysetPage(rows, filter.pageSize, filter);
}

/** Every read of a household, newest first, fetched in keyset batches (for the exports). */
export function* allHouseholdReads(householdId: number, batch = 1000): Generator<HouseholdReadRow> {
  let before: number | undefined;
  for (;;) {
    const { rows, hasOlder } = listHouseholdReadsPage({ householdId, before, pageSize: batch });
    yield* rows;
    if (!hasOlder || rows.length === 0) return;
    before = rows[rows.length - 1]!.id;
  }
}
