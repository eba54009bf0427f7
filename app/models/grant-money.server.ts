// What the money pages read: aggregates by village and lists, each one SQL query.
import { sql } from 'drizzle-orm';
import { db } from '~db/client';
import type { GrantStatus, MoneyRequestKind } from '~/schemas/grant-enums';

/** Awarded, committed (signed) and paid per village of a competition; cancelled grants left out. */
export function moneyByVillage(competitionId: number) {
  return db.all<{
    localityId: number;
    nameKy: string;
    nameRu: string;
    nameEn: string;
    grants: number;
    awarded: number;
    committed: number;
    paid: number;
  }>(sql`
    select l.id as localityId, l.name_ky as nameKy, l.name_ru as nameRu, l.name_en as nameEn,
      count(g.id) as grants,
      coalesce(sum(g.amount), 0) as awarded,
      coalesce(sum(case when g.status in ('signed', 'completed') then g.amount else 0 end), 0) as committed,
      coalesce(sum((select coalesce(sum(e.amount), 0) from ledger_entries e
        where e.grant_id = g.id)), 0) as paid
    from grants g
    join applications a on a.id = g.application_id
    join households h on h.id = a.household_id
    join localities l on l.id = h.locality_id
    where g.competition_id = ${competitionId} and g.status <> 'cancelled'
    group by l.id
    order by l.code`);
}

/** Requests that wait for a second person, oldest first, at most `limit` of them. */
export function waitingRequestsOfCompetition(competitionId: number, limit: number) {
  return db.all<{
    requestId: number;
    grantId: number;
    kind: MoneyRequestKind;
    amount: number;
    recordedById: number;
    recordedBy: string;
    createdAt: number;
    reference: string | null;
    firstName: string | null;
    lastName: string | null;
  }>(sql`
    select r.id as requestId, r.grant_id as grantId, r.kind as kind, r.amount as amount,
      r.recorded_by_id as recordedById, u.name as recordedBy, r.created_at as createdAt,
      a.reference as reference, m.first_name as firstName, m.last_name as lastName
    from money_requests r
    join grants g on g.id = r.grant_id
    join applications a on a.id = g.application_id
    join users u on u.id = r.recorded_by_id
    left join household_members m on m.id = g.beneficiary_member_id
    where g.competition_id = ${competitionId} and r.status = 'requested'
    order by r.id
    limit ${limit}`);
}

/** How many requests of the competition wait for a second person. */
export function countWaitingRequestsOfCompetition(competitionId: number): number {
  return (
    db.get<{ n: number }>(sql`
      select count(*) as n from money_requests r join grants g on g.id = r.grant_id
      where g.competition_id = ${competitionId} and r.status = 'requested'`)?.n ?? 0
  );
}

/**
 * One page of the competition's grants with what was paid on each: grants with a request waiting
 * for a second person first, then by application reference. The inner query sorts only the keys
 * (the waiting test uses money_requests' (grant_id, status) index) and cuts the page with
 * LIMIT/OFFSET; names, villages and the paid sums are read for that page's rows alone.
 */
export function grantsOfCompetition(
  competitionId: number,
  { limit, offset }: { limit: number; offset: number },
) {
  return db.all<{
    grantId: number;
    status: GrantStatus;
    amount: number;
    paid: number;
    waiting: number;
    reference: string | null;
    firstName: string | null;
    lastName: string | null;
    nameKy: string;
    nameRu: string;
    nameEn: string;
  }>(sql`
    with page as (
      select g.id as id, a.reference as reference,
        exists(select 1 from money_requests r
          where r.grant_id = g.id and r.status = 'requested') as waiting
      from grants g
      join applications a on a.id = g.application_id
      where g.competition_id = ${competitionId}
      order by waiting desc, a.reference, g.id
      limit ${limit} offset ${offset}
    )
    select g.id as grantId, g.status as status, g.amount as amount,
      (select coalesce(sum(e.amount), 0) from ledger_entries e where e.grant_id = g.id) as paid,
      page.waiting as waiting, page.reference as reference,
      m.first_name as firstName, m.last_name as lastName,
      l.name_ky as nameKy, l.name_ru as nameRu, l.name_en as nameEn
    from page
    join grants g on g.id = page.id
    join applications a on a.id = g.application_id
    join households h on h.id = a.household_id
    join localities l on l.id = h.locality_id
    left join household_members m on m.id = g.beneficiary_member_id
    order by page.waiting desc, page.reference, g.id`);
}

/** How many grants the competition has (every status): the money page's pager. */
export function countGrantsOfCompetition(competitionId: number): number {
  return (
    db.get<{ n: number }>(
      sql`select count(*) as n from grants where competition_id = ${competitionId}`,
    )?.n ?? 0
  );
}

/** Names of people, by id, for the requests and entries of a page. */
export function userNames(ids: number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  const rows = db.all<{ id: number; name: string }>(
    sql`select id, name from users where id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The beneficiary's name and the application's reference and household of a grant. */
export function grantParties(grantId: number) {
  return db.get<{
    reference: string | null;
    applicationId: number;
    firstName: string | null;
    lastName: string | null;
  }>(sql`
    select a.reference as reference, a.id as applicationId, m.first_name as firstName,
      m.last_name as lastName
    from grants g
    join applications a on a.id = g.application_id
    left join household_members m on m.id = g.beneficiary_member_id
    where g.id = ${grantId}`);
}

/** Every ledger entry of a competition, oldest first, with who and for whom (the ledger export). */
export function ledgerRowsOfCompetition(competitionId: number) {
  return db.all<{
    id: number;
    kind: MoneyRequestKind;
    amount: number;
    currency: string;
    method: string;
    reference: string;
    paidAt: number;
    position: number | null;
    reversesEntryId: number | null;
    reason: string | null;
    recordedBy: string;
    approvedBy: string;
    applicationReference: string | null;
    firstName: string | null;
    lastName: string | null;
  }>(sql`
    select e.id as id, e.kind as kind, e.amount as amount, e.currency as currency,
      e.method as method, e.reference as reference, e.paid_at as paidAt,
      t.position as position, e.reverses_entry_id as reversesEntryId, e.reason as reason,
      ru.name as recordedBy, au.name as approvedBy, a.reference as applicationReference,
      m.first_name as firstName, m.last_name as lastName
    from ledger_entries e
    join grants g on g.id = e.grant_id
    join applications a on a.id = g.application_id
    join users ru on ru.id = e.recorded_by_id
    join users au on au.id = e.approved_by_id
    left join grant_tranches t on t.id = e.tranche_id
    left join household_members m on m.id = g.beneficiary_member_id
    where g.competition_id = ${competitionId}
    order by e.id`);
}

/** One line per grant of a competition, with what its ledger says was paid (net), in id order. */
export function grantRowsOfCompetition(competitionId: number) {
  return db.all<{
    id: number;
    applicationReference: string | null;
    firstName: string | null;
    lastName: string | null;
    localityKy: string;
    localityRu: string;
    localityEn: string;
    amount: number;
    currency: string;
    status: GrantStatus;
    signedOn: number | null;
    paymentMethod: string | null;
    paid: number;
  }>(sql`
    select g.id as id, a.reference as applicationReference,
      m.first_name as firstName, m.last_name as lastName,
      l.name_ky as localityKy, l.name_ru as localityRu, l.name_en as localityEn,
      g.amount as amount, g.currency as currency, g.status as status,
      g.signed_on as signedOn, g.payment_method as paymentMethod,
      coalesce((select sum(e.amount) from ledger_entries e where e.grant_id = g.id), 0) as paid
    from grants g
    join applications a on a.id = g.application_id
    join households h on h.id = a.household_id
    join localities l on l.id = h.locality_id
    left join household_members m on m.id = g.beneficiary_member_id
    where g.competition_id = ${competitionId}
    order by g.id`);
}
