// What the programme dashboard reads: one aggregate query per figure (GROUP BY in SQL, never a
// loop over rows), each narrowed by the same filters: a competition (or all), a village, a sector.
import { sql, type SQL } from 'drizzle-orm';
import { db } from '~db/client';
import type { ApplicationStatus, Currency, Sector } from '~/schemas/enums';

export type DashboardFilters = {
  competitionId: number | null;
  localityId: number | null;
  sector: Sector | null;
  /** The period: from this instant (the first day's start on the programme's clock)… */
  from?: Date | null;
  /** …to this one, excluded (the day after the last day). */
  to?: Date | null;
  /** The period's days as the URL gives them (YYYY-MM-DD), to write the URL back. */
  period?: { from: string | null; to: string | null };
  /** Who reads narrows it: a facilitator's villages (null: every village). */
  localityIds?: readonly number[] | null;
  /** …or a consultant's own slots (null: every consultant's). */
  consultantId?: number | null;
};

/** `column` (milliseconds) within the filters' period; true without one. */
export function inPeriod(column: SQL, filters: DashboardFilters): SQL {
  const conditions: SQL[] = [sql`1 = 1`];
  if (filters.from) conditions.push(sql`${column} >= ${filters.from.getTime()}`);
  if (filters.to) conditions.push(sql`${column} < ${filters.to.getTime()}`);
  return sql.join(conditions, sql` and `);
}

/** `column` (a locality id) among the villages the filters and the reader allow. */
export function inVillages(column: SQL, filters: DashboardFilters): SQL {
  const conditions: SQL[] = [sql`1 = 1`];
  if (filters.localityId !== null) conditions.push(sql`${column} = ${filters.localityId}`);
  if (filters.localityIds)
    conditions.push(
      filters.localityIds.length === 0 ? sql`0` : sql`${column} in ${filters.localityIds}`,
    );
  return sql.join(conditions, sql` and `);
}

/** The filters as SQL conditions on applications `a` joined to households `h`. */
function applicationFilter(filters: DashboardFilters, dated = true): SQL {
  const conditions: SQL[] = [sql`1 = 1`];
  if (filters.competitionId !== null)
    conditions.push(sql`a.competition_id = ${filters.competitionId}`);
  if (narrowsVillages(filters)) conditions.push(inVillages(sql`h.locality_id`, filters));
  if (filters.sector !== null) conditions.push(sql`a.sector = ${filters.sector}`);
  if (dated && (filters.from || filters.to))
    conditions.push(inPeriod(sql`a.submitted_at`, filters));
  return sql.join(conditions, sql` and `);
}

const narrowsVillages = (filters: DashboardFilters) =>
  filters.localityId !== null || Boolean(filters.localityIds);

/** The households join, needed only when a village narrows the applications. */
function householdJoin(filters: DashboardFilters): SQL {
  return narrowsVillages(filters) ? sql`join households h on h.id = a.household_id` : sql``;
}

/** Submitted applications (drafts are not applications yet) per village. */
export function applicationsByVillage(filters: DashboardFilters) {
  return db.all<{
    localityId: number;
    code: string;
    nameKy: string;
    nameRu: string;
    nameEn: string;
    count: number;
  }>(sql`
    select l.id as localityId, l.code as code, l.name_ky as nameKy, l.name_ru as nameRu,
      l.name_en as nameEn, count(*) as count
    from applications a
    join households h on h.id = a.household_id
    join localities l on l.id = h.locality_id
    where a.submitted_at is not null and ${applicationFilter(filters)}
    group by l.id
    order by count(*) desc, l.code`);
}

/** Submitted applications per sector (null: no sector given). */
export function applicationsBySector(filters: DashboardFilters) {
  return db.all<{ sector: Sector | null; count: number }>(sql`
    select a.sector as sector, count(*) as count
    from applications a
    ${householdJoin(filters)}
    where a.submitted_at is not null and ${applicationFilter(filters)}
    group by a.sector`);
}

/** Applications per status, drafts included. */
export function applicationsByStatus(filters: DashboardFilters) {
  return db.all<{ status: ApplicationStatus; count: number }>(sql`
    select a.status as status, count(*) as count
    from applications a
    ${householdJoin(filters)}
    where ${applicationFilter(filters)}
    group by a.status`);
}

/**
 * The funnel's counts after registration, by the stage each application has reached (its current
 * status, as the programme's order runs: submitted → eligible → in review → shortlisted →
 * awarded | waitlisted | not selected); paid: awarded applications whose grant (not cancelled)
 * has had money paid out, net of reversals.
 */
export function applicationFunnel(filters: DashboardFilters) {
  return db.get<{
    applied: number;
    eligible: number;
    shortlisted: number;
    awarded: number;
    paid: number;
  }>(sql`
    select
      coalesce(sum(a.submitted_at is not null), 0) as applied,
      coalesce(sum(a.status in ('eligible', 'in-review', 'shortlisted', 'awarded', 'waitlisted',
        'not-selected')), 0) as eligible,
      coalesce(sum(a.status in ('shortlisted', 'awarded', 'waitlisted', 'not-selected')), 0)
        as shortlisted,
      coalesce(sum(a.status = 'awarded'), 0) as awarded,
      coalesce(sum(a.status = 'awarded' and exists (
        select 1 from grants g where g.application_id = a.id and g.status <> 'cancelled'
          and (select coalesce(sum(e.amount), 0) from ledger_entries e where e.grant_id = g.id) > 0
      )), 0) as paid
    from applications a
    ${householdJoin(filters)}
    where ${applicationFilter(filters)}`)!;
}

/**
 * Registered families: households of the chosen village, or of the competition's villages (a
 * family registers for the programme, not for a sector, so the sector filter does not apply).
 */
export function registeredHouseholds(filters: DashboardFilters): number {
  const conditions: SQL[] = [inVillages(sql`h.locality_id`, filters)];
  if (filters.competitionId !== null)
    conditions.push(
      sql`h.locality_id in (select cl.locality_id from competition_localities cl
        where cl.competition_id = ${filters.competitionId})`,
    );
  return db.get<{ count: number }>(
    sql`select count(*) as count from households h where ${sql.join(conditions, sql` and `)}`,
  )!.count;
}

/**
 * Money per currency: the budgets of the chosen competitions (a competition's whole budget: it is
 * not split by village or sector), and, of the grants in the filters (cancelled ones left out),
 * awarded, committed (agreement signed) and paid (net of reversals). A period counts a grant's
 * money by its own dates (awarded when the grant opened, committed when signed, paid when paid),
 * not by when the application was submitted.
 */
export function moneyFigures(filters: DashboardFilters) {
  const budgets = db.all<{ currency: Currency; budgeted: number }>(sql`
    select c.currency as currency, coalesce(sum(c.budget_total), 0) as budgeted
    from competitions c
    where c.status <> 'draft'
      ${filters.competitionId === null ? sql`` : sql`and c.id = ${filters.competitionId}`}
    group by c.currency`);
  const grants = db.all<{ currency: Currency; awarded: number; committed: number; paid: number }>(
    sql`
    select g.currency as currency,
      coalesce(sum(case when ${inPeriod(sql`g.created_at`, filters)} then g.amount else 0 end), 0)
        as awarded,
      coalesce(sum(case when g.status in ('signed', 'completed')
        and ${inPeriod(sql`g.signed_on`, filters)} then g.amount else 0 end), 0) as committed,
      coalesce(sum((select coalesce(sum(e.amount), 0) from ledger_entries e
        where e.grant_id = g.id and ${inPeriod(sql`e.paid_at`, filters)})), 0) as paid
    from grants g
    join applications a on a.id = g.application_id
    ${householdJoin(filters)}
    where g.status <> 'cancelled' and ${applicationFilter(filters, false)}
    group by g.currency`,
  );
  return { budgets, grants };
}

/** The competitions and villages the filters offer. */
export function dashboardChoices() {
  const competitions = db.all<{
    id: number;
    titleKy: string | null;
    titleRu: string | null;
    titleEn: string | null;
    titleKk: string | null;
    titleUz: string | null;
  }>(sql`
    select id, title_ky as titleKy, title_ru as titleRu, title_en as titleEn,
      title_kk as titleKk, title_uz as titleUz
    from competitions where status <> 'draft' order by id desc`);
  const villages = db.all<{
    id: number;
    code: string;
    nameKy: string;
    nameRu: string;
    nameEn: string;
  }>(
    sql`select id, code, name_ky as nameKy, name_ru as nameRu, name_en as nameEn
      from localities order by code`,
  );
  return { competitions, villages };
}

/** Money paid (net of reversals) per calendar month of the programme's clock, per currency. */
export function moneyPaidByMonth(filters: DashboardFilters, offsetMinutes: number) {
  return db.all<{ currency: Currency; month: string; paid: number }>(sql`
    select e.currency as currency,
      strftime('%Y-%m', (e.paid_at / 1000) + ${offsetMinutes * 60}, 'unixepoch') as month,
      sum(e.amount) as paid
    from ledger_entries e
    join grants g on g.id = e.grant_id
    join applications a on a.id = g.application_id
    ${householdJoin(filters)}
    where g.status <> 'cancelled' and ${applicationFilter(filters, false)}
      and ${inPeriod(sql`e.paid_at`, filters)}
    group by e.currency, month
    order by e.currency, month`);
}
