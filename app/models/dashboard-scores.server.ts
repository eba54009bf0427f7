// The jury figures of the programme dashboard, computed in SQL: each submitted score's weighted
// total out of 100 (Σ weight × points / max over Σ weight, as ranking.server.ts defines it; a
// criterion left blank counts 0), binned for a round's histogram, and summarised per juror (count,
// lowest, quartiles, median, highest) so a harsh or lenient juror stands out. Kept until a write.
import { sql } from 'drizzle-orm';
import { db, untilWritten } from '~db/client';

/** The submitted totals of a competition's rounds, one row per score, as a common table. */
const totalsCte = (competitionId: number) => sql`
  with weights as (
    select c.round_id as round_id, sum(c.weight) as weight
    from round_criteria c
    join rounds r on r.id = c.round_id
    where r.competition_id = ${competitionId}
    group by c.round_id
  ),
  totals as (
    select a.round_id as round_id, a.juror_id as juror_id,
      case when w.weight > 0 then 100.0 * coalesce(sum(c.weight * coalesce(i.points, 0) * 1.0
        / c.max_points), 0) / w.weight else 0 end as total
    from rounds r
    join assignments a on a.round_id = r.id
    join scores s on s.assignment_id = a.id and s.status = 'submitted'
    join weights w on w.round_id = r.id
    left join score_items i on i.score_id = s.id
    left join round_criteria c on c.id = i.criterion_id
    where r.competition_id = ${competitionId}
    group by s.id
  )`;

/** Width of a histogram bin, in points out of 100. */
export const SCORE_BIN = 10;

/**
 * Per round, how many submitted totals fall in each bin of ten points (0–<10, …, 90–100; a total
 * of exactly 100 joins the last bin). Only non-empty bins come back.
 */
export const scoreHistogram = untilWritten('dashboard-score-histogram', (competitionId: number) =>
  db.all<{ roundId: number; bin: number; count: number }>(sql`
    ${totalsCte(competitionId)}
    select round_id as roundId,
      min(cast(total / ${SCORE_BIN} as integer), ${100 / SCORE_BIN - 1}) as bin,
      count(*) as count
    from totals
    group by round_id, bin
    order by round_id, bin`),
);

export type ScoreSpread = {
  count: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
};

// The median averages the middle two of an even count; the quartiles are the nearest-rank ones
// (the value at rank ⌈n/4⌉ and ⌈3n/4⌉), which need no interpolation and are always a real score.
const spreadColumns = sql`
  count(*) as count,
  min(total) as min,
  max(total) as max,
  avg(case when rn in ((n + 1) / 2, (n + 2) / 2) then total end) as median,
  max(case when rn = (n + 3) / 4 then total end) as q1,
  max(case when rn = (3 * n + 3) / 4 then total end) as q3`;

/** Per round, each juror's spread of submitted totals, with her name as staff see it. */
export const jurorSpreads = untilWritten('dashboard-juror-spreads', (competitionId: number) =>
  db.all<ScoreSpread & { roundId: number; jurorId: number; name: string }>(sql`
    ${totalsCte(competitionId)},
    ranked as (
      select round_id, juror_id, total,
        row_number() over (partition by round_id, juror_id order by total) as rn,
        count(*) over (partition by round_id, juror_id) as n
      from totals
    )
    select k.round_id as roundId, k.juror_id as jurorId, u.name as name, ${spreadColumns}
    from ranked k
    join users u on u.id = k.juror_id
    group by k.round_id, k.juror_id
    order by k.round_id, u.name, k.juror_id`),
);

/** Per round, the spread of all its submitted totals: the reference the jurors are read against. */
export const roundSpreads = untilWritten('dashboard-round-spreads', (competitionId: number) =>
  db.all<ScoreSpread & { roundId: number }>(sql`
    ${totalsCte(competitionId)},
    ranked as (
      select round_id, total,
        row_number() over (partition by round_id order by total) as rn,
        count(*) over (partition by round_id) as n
      from totals
    )
    select round_id as roundId, ${spreadColumns}
    from ranked
    group by round_id
    order by round_id`),
);

/** The competition's rounds, in their order, with their names in each language. */
export function dashboardRounds(competitionId: number) {
  return db.all<{
    id: number;
    number: number;
    name: string;
    nameKy: string | null;
    nameRu: string | null;
    nameEn: string | null;
  }>(sql`
    select id, number, name, name_ky as nameKy, name_ru as nameRu, name_en as nameEn
    from rounds where competition_id = ${competitionId} and status <> 'draft'
    order by number`);
}
