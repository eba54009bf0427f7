// The dashboard's training figures, counted in SQL and narrowed by the same filters as the rest:
// the villages (one chosen, the competition's, the reader's own) and the period (the session's
// day). Consultations are counted by consultation-records.server.ts (totalsPerVillage / …).
import { sql, type SQL } from 'drizzle-orm';
import { db } from '~db/client';
import { inPeriod, inVillages, type DashboardFilters } from './dashboard.server';

/** Sessions in the filters' villages: the chosen one, the competition's, the reader's. */
function sessionVillages(filters: DashboardFilters): SQL {
  const conditions = [inVillages(sql`s.locality_id`, filters)];
  if (filters.competitionId !== null)
    conditions.push(
      sql`s.locality_id in (select cl.locality_id from competition_localities cl
        where cl.competition_id = ${filters.competitionId})`,
    );
  return sql.join(conditions, sql` and `);
}

/**
 * Sessions held (not cancelled, already started) in the filters' villages and period, and the
 * families with at least one member marked present at one of them.
 */
export function trainingAttendanceFigures(filters: DashboardFilters, now: Date) {
  return db.get<{ sessions: number; families: number }>(sql`
    select
      (select count(*) from training_sessions s
        where s.status <> 'cancelled' and s.starts_at <= ${now.getTime()}
          and ${sessionVillages(filters)} and ${inPeriod(sql`s.starts_at`, filters)}) as sessions,
      (select count(distinct ta.household_id) from training_attendance ta
        join training_sessions s on s.id = ta.session_id
        where ta.present = 1 and s.status <> 'cancelled' and s.starts_at <= ${now.getTime()}
          and ${sessionVillages(filters)} and ${inPeriod(sql`s.starts_at`, filters)}) as families`)!;
}

/**
 * Of the families registered in the filters' villages (as registeredHouseholds counts them), how
 * many have a member marked present at `required` sessions or more, not cancelled, anywhere and
 * at any time: the competition's requirement as eligibility counts it (countPresentSessions), for
 * whichever member will hold the grant.
 */
export function familiesMeetingTraining(
  filters: DashboardFilters,
  required: number,
  competitionId: number,
): number {
  return db.get<{ count: number }>(sql`
    select count(distinct per_member.household_id) as count from (
      select ta.household_id as household_id
      from training_attendance ta
      join training_sessions s on s.id = ta.session_id
      join households h on h.id = ta.household_id
      where ta.present = 1 and s.status <> 'cancelled'
        and ${inVillages(sql`h.locality_id`, filters)}
        and h.locality_id in (select cl.locality_id from competition_localities cl
          where cl.competition_id = ${competitionId})
      group by ta.household_id, ta.member_id
      having count(*) >= ${required}
    ) per_member`)!.count;
}
