import { and, asc, desc, eq, inArray, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { db, preparedOnce, type Tx } from '~db/client';
import {
  applicationAttachments,
  applicationBudgetItems,
  applications,
  applicationStatusHistory,
  type Application,
  type Attachment,
  type BudgetItem,
} from '~db/schema/applications';
import { competitions } from '~db/schema/competitions';
import { householdMembers, households } from '~db/schema/households';
import { localities, users } from '~db/schema/people';
import type { ApplicationStatus, Sector } from '~/schemas/enums';

type Reader = typeof db | Tx;

const applicationById = (reader: Reader, applicationId: number | Placeholder) =>
  reader.select().from(applications).where(eq(applications.id, applicationId));
// Every family page reads its application: compiled once, not per request.
const preparedApplication = preparedOnce((c) =>
  applicationById(c, sql.placeholder('applicationId')).prepare(),
);

export function findApplication(
  applicationId: number,
  reader: Reader = db,
): Application | undefined {
  return reader === db
    ? preparedApplication().get({ applicationId })
    : applicationById(reader, applicationId).get();
}

export function findApplicationOfHousehold(
  competitionId: number,
  householdId: number,
  reader: Reader = db,
) {
  return reader
    .select()
    .from(applications)
    .where(
      and(eq(applications.competitionId, competitionId), eq(applications.householdId, householdId)),
    )
    .get();
}

export function insertApplication(tx: Tx, values: typeof applications.$inferInsert): Application {
  return tx.insert(applications).values(values).returning().get();
}

export function updateApplicationRow(
  tx: Tx,
  applicationId: number,
  values: Partial<typeof applications.$inferInsert>,
) {
  const row = tx
    .update(applications)
    .set(values)
    .where(eq(applications.id, applicationId))
    .returning()
    .get();
  if (!row) throw new Error(`application ${applicationId} not found`);
  return row;
}

const budgetItemsQuery = (reader: Reader, applicationId: number | Placeholder) =>
  reader
    .select()
    .from(applicationBudgetItems)
    .where(eq(applicationBudgetItems.applicationId, applicationId))
    .orderBy(asc(applicationBudgetItems.position));
const preparedBudgetItems = preparedOnce((c) =>
  budgetItemsQuery(c, sql.placeholder('applicationId')).prepare(),
);

export function budgetItemsOf(applicationId: number, reader: Reader = db): BudgetItem[] {
  return reader === db
    ? preparedBudgetItems().all({ applicationId })
    : budgetItemsQuery(reader, applicationId).all();
}

export function replaceBudgetItems(
  tx: Tx,
  applicationId: number,
  items: { name: string; quantity: number; unitPrice: number }[],
) {
  tx.delete(applicationBudgetItems)
    .where(eq(applicationBudgetItems.applicationId, applicationId))
    .run();
  if (items.length > 0) {
    tx.insert(applicationBudgetItems)
      .values(items.map((item, position) => ({ ...item, applicationId, position })))
      .run();
  }
}

export function insertStatusHistory(tx: Tx, values: typeof applicationStatusHistory.$inferInsert) {
  tx.insert(applicationStatusHistory).values(values).run();
}

/** The application's history as its family sees it: statuses, when, and why. */
export function historyOf(applicationId: number) {
  return preparedHistory().all({ applicationId });
}
const preparedHistory = preparedOnce((c) =>
  c
    .select({
      id: applicationStatusHistory.id,
      fromStatus: applicationStatusHistory.fromStatus,
      toStatus: applicationStatusHistory.toStatus,
      reason: applicationStatusHistory.reason,
      createdAt: applicationStatusHistory.createdAt,
      changedByName: users.name,
    })
    .from(applicationStatusHistory)
    .leftJoin(users, eq(users.id, applicationStatusHistory.changedById))
    .where(eq(applicationStatusHistory.applicationId, sql.placeholder('applicationId')))
    .orderBy(asc(applicationStatusHistory.id))
    .prepare(),
);

const attachmentsQuery = (reader: Reader, applicationId: number | Placeholder) =>
  reader
    .select()
    .from(applicationAttachments)
    .where(eq(applicationAttachments.applicationId, applicationId))
    .orderBy(asc(applicationAttachments.id));
const preparedAttachments = preparedOnce((c) =>
  attachmentsQuery(c, sql.placeholder('applicationId')).prepare(),
);

export function attachmentsOf(applicationId: number, reader: Reader = db): Attachment[] {
  return reader === db
    ? preparedAttachments().all({ applicationId })
    : attachmentsQuery(reader, applicationId).all();
}

export function findAttachment(attachmentId: number, reader: Reader = db): Attachment | undefined {
  return reader
    .select()
    .from(applicationAttachments)
    .where(eq(applicationAttachments.id, attachmentId))
    .get();
}

export function insertAttachment(
  tx: Tx,
  values: typeof applicationAttachments.$inferInsert,
): Attachment {
  return tx.insert(applicationAttachments).values(values).returning().get();
}

export function deleteAttachmentRow(tx: Tx, attachmentId: number) {
  tx.delete(applicationAttachments).where(eq(applicationAttachments.id, attachmentId)).run();
}

/** A household's applications, newest first, with their competition. */
export function applicationsOfHousehold(householdId: number) {
  return db
    .select({ application: applications, competition: competitions })
    .from(applications)
    .innerJoin(competitions, eq(competitions.id, applications.competitionId))
    .where(eq(applications.householdId, householdId))
    .orderBy(desc(applications.id))
    .all();
}

const beneficiary = alias(householdMembers, 'beneficiary');

export type ScreeningFilter = {
  competitionId?: number;
  localityId?: number;
  status?: ApplicationStatus;
  sector?: Sector;
  /** Matched against the beneficiary's and the account holder's names and the reference. */
  search?: string;
  /** Drafts are the family's own until submitted; screening lists leave them out by default. */
  includeDrafts?: boolean;
  ids?: number[];
};

/** The filter as SQL conditions, for the list, its count and its page. */
export function screeningConditions(filter: ScreeningFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filter.competitionId) conditions.push(eq(applications.competitionId, filter.competitionId));
  if (filter.localityId) conditions.push(eq(households.localityId, filter.localityId));
  if (filter.status) conditions.push(eq(applications.status, filter.status));
  else if (!filter.includeDrafts) conditions.push(sql`${applications.status} != 'draft'`);
  if (filter.sector) conditions.push(eq(applications.sector, filter.sector));
  if (filter.ids) conditions.push(inArray(applications.id, filter.ids.length ? filter.ids : [-1]));
  if (filter.search?.trim()) {
    const pattern = `%${filter.search.trim().toLowerCase()}%`;
    conditions.push(
      or(
        sql`fold(${beneficiary.firstName} || ' ' || ${beneficiary.lastName}) like ${pattern}`,
        sql`fold(${beneficiary.lastName} || ' ' || ${beneficiary.firstName}) like ${pattern}`,
        sql`fold(${users.name}) like ${pattern}`,
        sql`fold(${applications.reference}) like ${pattern}`,
        sql`fold(${applications.title}) like ${pattern}`,
      ),
    );
  }
  return and(...conditions);
}

/** The beneficiary's name as the list shows it, surname first; the account's name without one. */
const beneficiaryName = sql<string>`case when coalesce(${beneficiary.lastName}, '') != '' or coalesce(${beneficiary.firstName}, '') != '' then trim(coalesce(${beneficiary.lastName}, '') || ' ' || coalesce(${beneficiary.firstName}, '')) else coalesce(${users.name}, '') end`;

/**
 * The stored sort key of the beneficiary's name in the reader's language (kept by triggers,
 * migration 0009, and indexed); null for a language without one.
 */
function nameKeyColumn(locale: string) {
  if (locale === 'ky') return applications.nameKeyKy;
  if (locale === 'ru') return applications.nameKeyRu;
  if (locale === 'en') return applications.nameKeyEn;
  if (locale === 'kk') return applications.nameKeyKk;
  if (locale === 'uz') return applications.nameKeyUz;
  return null;
}

export type ScreeningOrder = { sort: 'name' | 'reference' | 'submitted'; dir: 'asc' | 'desc' };

/**
 * The ids of the matching applications in the list's order, one page of them (or all, for the
 * exports): sorted inside SQLite by the name's stored sort key in the reader's language (or its
 * collation key, utils/collation-key.ts, for a language without one). Rows without a reference or
 * a submission date go last whichever the direction.
 *
 * References (PREFIX-2024-0007, an ASCII prefix) sort the same in every language, so they are
 * compared by SQLite's own functions, the number as a number: a collation key computed in
 * JavaScript for each row the sorter passed was most of a deep page's time. Equal names fall back to the id, in the list's direction, which the
 * name key's index holds: a page at any depth is read from that index in order, without sorting.
 */
export function screeningIdsInOrder(
  filter: ScreeningFilter,
  order: ScreeningOrder,
  locale: string,
  page?: { limit: number; offset: number },
  reader: Reader = db,
): number[] {
  const dir = order.dir === 'desc' ? sql`desc` : sql`asc`;
  const byId = sql`${applications.id} ${dir}`;
  // PREFIX-2024-7 before PREFIX-2024-10: the prefix and year as text, then the number as one.
  const byReference = [
    sql`${applications.reference} is null`,
    sql`substr(${applications.reference}, 1, instr(${applications.reference}, '-') + 5) ${dir}`,
    sql`cast(substr(${applications.reference}, instr(${applications.reference}, '-') + 6) as integer) ${dir}`,
    byId,
  ];
  const orderBy =
    order.sort === 'reference'
      ? byReference
      : order.sort === 'submitted'
        ? [
            sql`${applications.submittedAt} is null`,
            sql`${applications.submittedAt} ${dir}`,
            ...byReference,
          ]
        : [
            sql`${nameKeyColumn(locale) ?? sql`collation_key(${beneficiaryName}, ${locale})`} ${dir}`,
            byId,
          ];
  // Every application has its household (a required key), so without a filter on the village
  // or the names, and with the name's stored key, the offset is walked on the applications
  // alone: a deep page no longer joins the three tables for every row it skips.
  const joined =
    Boolean(filter.localityId) ||
    Boolean(filter.search?.trim()) ||
    (order.sort === 'name' && !nameKeyColumn(locale));
  const query = joined
    ? reader
        .select({ id: applications.id })
        .from(applications)
        .innerJoin(households, eq(households.id, applications.householdId))
        .leftJoin(beneficiary, eq(beneficiary.id, applications.beneficiaryMemberId))
        .leftJoin(users, eq(users.id, households.userId))
        .where(screeningConditions(filter))
        .orderBy(...orderBy)
    : reader
        .select({ id: applications.id })
        .from(applications)
        .where(screeningConditions(filter))
        .orderBy(...orderBy);
  const rows = page ? query.limit(page.limit).offset(page.offset).all() : query.all();
  return rows.map((r) => r.id);
}

/** How many applications match the filter. */
export function countScreening(filter: ScreeningFilter, reader: Reader = db): number {
  // Every application has its household (a required key): without a filter on the village or
  // the names, the count reads only the applications' index, not 10,000 joined rows.
  if (!filter.localityId && !filter.search?.trim()) {
    return (
      reader
        .select({ count: sql<number>`count(*)` })
        .from(applications)
        .where(screeningConditions(filter))
        .get()?.count ?? 0
    );
  }
  return (
    reader
      .select({ count: sql<number>`count(*)` })
      .from(applications)
      .innerJoin(households, eq(households.id, applications.householdId))
      .leftJoin(beneficiary, eq(beneficiary.id, applications.beneficiaryMemberId))
      .leftJoin(users, eq(users.id, households.userId))
      .where(screeningConditions(filter))
      .get()?.count ?? 0
  );
}

/** What the screening list (and the ranking, the round page) shows of an application. */
function selectScreeningRows(reader: Reader) {
  return reader
    .select({
      id: applications.id,
      reference: applications.reference,
      status: applications.status,
      title: applications.title,
      sector: applications.sector,
      requestedAmount: applications.requestedAmount,
      awardedAmount: applications.awardedAmount,
      ownContribution: applications.ownContribution,
      jobsCreated: applications.jobsCreated,
      submittedAt: applications.submittedAt,
      ineligibleReason: applications.ineligibleReason,
      competitionId: applications.competitionId,
      currency: competitions.currency,
      householdId: households.id,
      localityId: households.localityId,
      localityKy: localities.nameKy,
      localityRu: localities.nameRu,
      localityEn: localities.nameEn,
      receivesSocialBenefits: households.receivesSocialBenefits,
      beneficiaryFirstName: beneficiary.firstName,
      beneficiaryLastName: beneficiary.lastName,
      accountName: users.name,
    })
    .from(applications)
    .innerJoin(competitions, eq(competitions.id, applications.competitionId))
    .innerJoin(households, eq(households.id, applications.householdId))
    .innerJoin(localities, eq(localities.id, households.localityId))
    .leftJoin(beneficiary, eq(beneficiary.id, applications.beneficiaryMemberId))
    .leftJoin(users, eq(users.id, households.userId));
}

/** Every application matching the filter, with what the screening list shows. */
export function listApplicationsForScreening(filter: ScreeningFilter, reader: Reader = db) {
  return selectScreeningRows(reader).where(screeningConditions(filter)).all();
}

/**
 * A page's applications by their ids (drafts too), within one competition when given. Built and
 * compiled once: the ids travel as one JSON parameter, since building this query afresh with
 * fifty bound ids cost more than SQLite's reading the fifty rows.
 */
const preparedScreeningRowsByIds = preparedOnce((connection) =>
  selectScreeningRows(connection)
    .where(
      and(
        sql`${applications.id} in (select value from json_each(${sql.placeholder('ids')}))`,
        sql`(${sql.placeholder('competitionId')} is null or ${applications.competitionId} = ${sql.placeholder('competitionId')})`,
      ),
    )
    .prepare(),
);

export function screeningRowsByIds(
  ids: readonly number[],
  competitionId: number | null = null,
): ScreeningRow[] {
  if (ids.length === 0) return [];
  return preparedScreeningRowsByIds().all({ ids: JSON.stringify(ids), competitionId });
}

export type ScreeningRow = ReturnType<typeof listApplicationsForScreening>[number];
