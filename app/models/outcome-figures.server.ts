// What the outcome views read: a competition's figures as aggregate queries (each a fixed number of
// rows, however many grants), one grant's timeline, and the visits export. Cancelled grants never
// count. Visits are reached through the competition's grants (grants_competition_idx, then
// monitoring_visits_grant_month_idx); "+v.status" keeps SQLite from reading every visit of the
// programme through the status index instead. Latitude, longitude and safeguarding flags are read only by the functions that say so.
import { sql } from 'drizzle-orm';
import { db, type Tx } from '~db/client';
import { AGENCY_SAY_ANSWERS, type AgencyDecider, type VisitMonth } from '~/schemas/outcome-enums';
import type { AssetState, BusinessStatus } from '~/schemas/outcome-enums';
import type { MoneyRequestKind } from '~/schemas/grant-enums';

type Reader = typeof db | Tx;

const sayAnswers = sql.join(
  AGENCY_SAY_ANSWERS.map((answer) => sql`${answer}`),
  sql`, `,
);

/** Live grants of the competition, as a subquery's rows. */
const liveGrants = (competitionId: number) =>
  sql`select id from grants where competition_id = ${competitionId} and status <> 'cancelled'`;

/** Counts of the competition's live grants and their visits; overdue = due before `today`. */
export function outcomeCounts(competitionId: number, today: string, reader: Reader = db) {
  return (
    reader.get<{ grants: number; done: number; due: number; overdue: number }>(sql`
      select (select count(*) from grants g where g.competition_id = ${competitionId}
          and g.status <> 'cancelled') as grants,
        coalesce(sum(case when v.status = 'done' then 1 else 0 end), 0) as done,
        coalesce(sum(case when v.status = 'due' and v.due_on >= ${today} then 1 else 0 end), 0) as due,
        coalesce(sum(case when v.status = 'due' and v.due_on < ${today} then 1 else 0 end), 0) as overdue
      from monitoring_visits v
      where v.grant_id in (${liveGrants(competitionId)})`) ?? {
      grants: 0,
      done: 0,
      due: 0,
      overdue: 0,
    }
  );
}

/**
 * Per visit month, the recorded visits: how many, by business status, and how many of those
 * asked answered "who decides on her own earnings" with herself or jointly.
 */
export function visitTalliesByMonth(competitionId: number, reader: Reader = db) {
  return reader.all<{
    month: VisitMonth;
    recorded: number;
    operating: number;
    paused: number;
    closed: number;
    agencyAnswered: number;
    agencySay: number;
  }>(sql`
    select v.month as month, count(*) as recorded,
      sum(case when v.business_status = 'operating' then 1 else 0 end) as operating,
      sum(case when v.business_status = 'paused' then 1 else 0 end) as paused,
      sum(case when v.business_status = 'closed' then 1 else 0 end) as closed,
      sum(case when v.decides_own_earnings is not null then 1 else 0 end) as agencyAnswered,
      sum(case when v.decides_own_earnings in (${sayAnswers}) then 1 else 0 end) as agencySay
    from monitoring_visits v
    where +v.status = 'done' and v.grant_id in (${liveGrants(competitionId)})
    group by v.month
    order by v.month`);
}

/** The baselines of the competition's live grants: how many, and the same agency tally. */
export function baselineTally(competitionId: number, reader: Reader = db) {
  return (
    reader.get<{ recorded: number; agencyAnswered: number; agencySay: number }>(sql`
      select count(*) as recorded,
        coalesce(sum(case when b.decides_own_earnings is not null then 1 else 0 end), 0) as agencyAnswered,
        coalesce(sum(case when b.decides_own_earnings in (${sayAnswers}) then 1 else 0 end), 0) as agencySay
      from grant_baselines b
      where b.grant_id in (${liveGrants(competitionId)})`) ?? {
      recorded: 0,
      agencyAnswered: 0,
      agencySay: 0,
    }
  );
}

/**
 * Medians, computed in SQL: monthly revenue per visit month, and monthly household income at the
 * baseline (month 0) and per visit month. Each series is ranked with a window function and only
 * its middle one or two rows leave the database, so the cost is a sort, not a read into JS.
 * An even count gives the mean of the two middle values (may be half a minor unit).
 */
export function outcomeMedians(competitionId: number, reader: Reader = db) {
  return reader.all<{
    series: 'revenue' | 'income';
    month: 0 | VisitMonth;
    median: number;
    n: number;
  }>(
    sql`
    with vals as (
      select 'revenue' as series, v.month as month, v.monthly_revenue as x
        from monitoring_visits v
        where +v.status = 'done' and v.monthly_revenue is not null
          and v.grant_id in (${liveGrants(competitionId)})
      union all
      select 'income', v.month, v.monthly_household_income
        from monitoring_visits v
        where +v.status = 'done' and v.monthly_household_income is not null
          and v.grant_id in (${liveGrants(competitionId)})
      union all
      select 'income', 0, b.monthly_household_income
        from grant_baselines b
        where b.grant_id in (${liveGrants(competitionId)})
    ),
    ranked as (
      select series, month, x,
        row_number() over (partition by series, month order by x) as rn,
        count(*) over (partition by series, month) as n
      from vals
    )
    select series, month, avg(x) as median, max(n) as n
    from ranked
    where rn in ((n + 1) / 2, (n + 2) / 2)
    group by series, month
    order by series, month`,
  );
}

/**
 * Jobs at the latest recorded visit of each live grant (hundredths of a full-time equivalent),
 * summed: the jobs the businesses created (IRIS+ PI3687), as last seen.
 */
export function jobsAtLatestVisit(competitionId: number, reader: Reader = db) {
  return (
    reader.get<{ women: number; men: number; grants: number }>(sql`
      select coalesce(sum(v.jobs_women_hundredths), 0) as women,
        coalesce(sum(v.jobs_men_hundredths), 0) as men, count(*) as grants
      from monitoring_visits v
      where +v.status = 'done' and v.grant_id in (${liveGrants(competitionId)})
        and v.month = (select max(v2.month) from monitoring_visits v2
          where v2.grant_id = v.grant_id and +v2.status = 'done')`) ?? {
      women: 0,
      men: 0,
      grants: 0,
    }
  );
}

// ---- One grant's timeline (staff) ----

export function baselineOfGrant(grantId: number, reader: Reader = db) {
  return reader.get<{
    recordedOn: number;
    monthlyHouseholdIncome: number;
    hasSavings: number;
    decidesOwnEarnings: AgencyDecider | null;
    sayInMoney: number | null;
  }>(sql`
    select recorded_on as recordedOn, monthly_household_income as monthlyHouseholdIncome,
      has_savings as hasSavings, decides_own_earnings as decidesOwnEarnings,
      say_in_money as sayInMoney
    from grant_baselines where grant_id = ${grantId}`);
}

/** The grant's visits, due and done, in month order (no place: the timeline does not show it). */
export function visitsOfGrant(grantId: number, reader: Reader = db) {
  return reader.all<{
    id: number;
    month: VisitMonth;
    dueOn: string;
    status: 'due' | 'done';
    visitedOn: string | null;
    businessStatus: BusinessStatus | null;
    monthlyRevenue: number | null;
    monthlyCosts: number | null;
    jobsWomenHundredths: number | null;
    jobsMenHundredths: number | null;
    monthlyHouseholdIncome: number | null;
    assetState: AssetState | null;
    decidesOwnEarnings: AgencyDecider | null;
  }>(sql`
    select id, month, due_on as dueOn, status, visited_on as visitedOn,
      business_status as businessStatus, monthly_revenue as monthlyRevenue,
      monthly_costs as monthlyCosts, jobs_women_hundredths as jobsWomenHundredths,
      jobs_men_hundredths as jobsMenHundredths, monthly_household_income as monthlyHouseholdIncome,
      asset_state as assetState, decides_own_earnings as decidesOwnEarnings
    from monitoring_visits where grant_id = ${grantId} order by month`);
}

export function ledgerEntriesOfGrant(grantId: number, reader: Reader = db) {
  return reader.all<{ id: number; kind: MoneyRequestKind; amount: number; paidAt: number }>(sql`
    select id, kind, amount, paid_at as paidAt from ledger_entries
    where grant_id = ${grantId} order by paid_at, id`);
}

export function familyReportsOfGrant(grantId: number, reader: Reader = db) {
  return reader.all<{
    id: number;
    createdAt: number;
    businessStatus: BusinessStatus;
    monthlyRevenue: number | null;
    question: string | null;
  }>(sql`
    select id, created_at as createdAt, business_status as businessStatus,
      monthly_revenue as monthlyRevenue, question
    from family_reports where grant_id = ${grantId} order by created_at, id`);
}

/** Safeguarding flags of a grant: for staff pages only (DESIGN.md, "Privacy and safety"). */
export function safeguardingFlagsOfGrant(grantId: number, reader: Reader = db) {
  return reader.all<{
    id: number;
    visitId: number | null;
    note: string;
    createdAt: number;
    raisedBy: string;
    resolvedAt: number | null;
    resolvedBy: string | null;
    resolution: string | null;
  }>(sql`
    select f.id as id, f.visit_id as visitId, f.note as note, f.created_at as createdAt,
      ru.name as raisedBy, f.resolved_at as resolvedAt, su.name as resolvedBy,
      f.resolution as resolution
    from safeguarding_flags f
    join users ru on ru.id = f.raised_by_id
    left join users su on su.id = f.resolved_by_id
    where f.grant_id = ${grantId}
    order by f.created_at, f.id`);
}

export function findSafeguardingFlag(flagId: number, reader: Reader = db) {
  return reader.get<{ id: number; grantId: number; resolvedAt: number | null }>(sql`
    select id, grant_id as grantId, resolved_at as resolvedAt
    from safeguarding_flags where id = ${flagId}`);
}

export function resolveSafeguardingFlagRow(
  tx: Tx,
  flagId: number,
  values: { resolvedAt: Date; resolvedById: number; resolution: string },
) {
  tx.run(sql`
    update safeguarding_flags
    set resolved_at = ${values.resolvedAt.getTime()}, resolved_by_id = ${values.resolvedById},
      resolution = ${values.resolution}, updated_at = ${values.resolvedAt.getTime()}
    where id = ${flagId} and resolved_at is null`);
}

// ---- The visits export: one row per visit, no place and no safeguarding ----

/** Every visit of the competition's live grants, by reference and month, for the export. */
export function visitRowsOfCompetition(competitionId: number, reader: Reader = db) {
  return reader.all<{
    reference: string | null;
    firstName: string | null;
    lastName: string | null;
    localityKy: string;
    localityRu: string;
    localityEn: string;
    month: VisitMonth;
    dueOn: string;
    visitedOn: string | null;
    businessStatus: BusinessStatus | null;
    monthlyRevenue: number | null;
    monthlyCosts: number | null;
    jobsWomenHundredths: number | null;
    jobsMenHundredths: number | null;
    monthlyHouseholdIncome: number | null;
    assetState: AssetState | null;
    decidesOwnEarnings: AgencyDecider | null;
    decidesLargePurchases: AgencyDecider | null;
    decidesBusinessMoney: AgencyDecider | null;
    sayInMoney: number | null;
  }>(sql`
    select a.reference as reference, m.first_name as firstName, m.last_name as lastName,
      l.name_ky as localityKy, l.name_ru as localityRu, l.name_en as localityEn,
      v.month as month, v.due_on as dueOn, v.visited_on as visitedOn,
      v.business_status as businessStatus, v.monthly_revenue as monthlyRevenue,
      v.monthly_costs as monthlyCosts, v.jobs_women_hundredths as jobsWomenHundredths,
      v.jobs_men_hundredths as jobsMenHundredths,
      v.monthly_household_income as monthlyHouseholdIncome, v.asset_state as assetState,
      v.decides_own_earnings as decidesOwnEarnings,
      v.decides_large_purchases as decidesLargePurchases,
      v.decides_business_money as decidesBusinessMoney, v.say_in_money as sayInMoney
    from monitoring_visits v
    join grants g on g.id = v.grant_id
    join applications a on a.id = g.application_id
    join households h on h.id = a.household_id
    join localities l on l.id = h.locality_id
    left join household_members m on m.id = g.beneficiary_member_id
    where g.competition_id = ${competitionId} and g.status <> 'cancelled'
    order by a.reference, v.month`);
}

/** Each live grant's business status at its recorded 12-month visit, by application. */
export function twelveMonthStatusByApplication(competitionId: number, reader: Reader = db) {
  return reader.all<{ applicationId: number; businessStatus: BusinessStatus | null }>(sql`
    select g.application_id as applicationId, v.business_status as businessStatus
    from grants g
    join monitoring_visits v on v.grant_id = g.id and v.month = 12 and +v.status = 'done'
    where g.competition_id = ${competitionId} and g.status <> 'cancelled'`);
}
