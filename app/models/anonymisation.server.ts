// The rows anonymisation reads and rewrites (issue 16). Every query names its households (a batch
// of ids), so a run over 10,000 households reads and writes one batch at a time.
//
// What goes, column by column — the same ground as the data download (household-data.server.ts)
// plus what staff, jurors and consultants wrote about her:
//   users (her account)            name, email, phone, password; disabled; sessions, reset links,
//                                  kept forms and failed sign-ins under her contacts deleted
//   households                     address, phone, benefit register number
//   household_members              first and last name (sex, birth year, relation stay: figures)
//   household_consents             who gave it, note
//   household_imports              the lines of an uploaded register that name her number
//   applications                   title, description, market, experience, feedback, screening,
//                                  decision and withdrawal reasons (sector, amounts, status stay)
//   application_status_history     reason
//   application_attachments        rows and files (originalName names her)
//   consultation_bookings          help asked for, advice, cancel reason
//   scores / score_items           jurors' comments on her applications (points stay)
//   assignments                    recusal reason (may say why a juror knows her)
//   grants                         identity document number, signer and witness names, wallet
//                                  phone, bank account, the signed scan (file too)
//   money_requests                 note, rejection reason (reference stays: a payment's voucher)
//   grant_receipt_lines / _events  reasons
//   grant_receipt_files            rows and files
//   monitoring_visits              notes, status reason, coordinates (figures stay)
//   safeguarding_flags             note, resolution
//   family_reports                 question
//   outcome_photos                 rows and files
//   mail_outbox (to her account)   address, name, subject, bodies, attachments; pending dropped
//   mail_outbox (naming her to     subject, bodies, attachments of every notice that names her
//     others)                      household (household_id: a consultant's booking notices, a
//                                  facilitator's visit reminders, staff's "a report came");
//                                  pending dropped, the address of staff kept
//   audit_log                      personal fields of the lines about her, redacted (audit.server)
// Kept on purpose: ledger_entries (append-only money record: amounts, dates, method, voucher
// reference and the staff's reversal reason, which is about the payment, not the family), budget
// item names (what a grant bought, for donor reports), every number, date, status and enum.
import { sql, type SQL } from 'drizzle-orm';
import type { db, Tx } from '~db/client';

type Reader = typeof db | Tx;

/** Households not yet anonymised that applied somewhere, and whose every competition closed
 * before `cutoff`; in id order after `afterId`. */
export function householdIdsPastRetention(
  reader: Reader,
  cutoff: Date,
  afterId: number,
  limit: number,
): number[] {
  return reader
    .all<{ id: number }>(
      sql`select h.id from households h
        where h.anonymised_at is null and h.id > ${afterId}
          and exists (select 1 from applications a where a.household_id = h.id)
          and not exists (
            select 1 from applications a join competitions c on c.id = a.competition_id
            where a.household_id = h.id
              and (c.status <> 'closed' or c.closed_at is null or c.closed_at >= ${cutoff.getTime()}))
        order by h.id limit ${limit}`,
    )
    .map((r) => r.id);
}

export type HouseholdFootprint = {
  householdIds: number[];
  userIds: number[];
  memberIds: number[];
  applicationIds: number[];
  grantIds: number[];
  bookingIds: number[];
  visitIds: number[];
  scoreIds: number[];
  registerNumbers: string[];
  contacts: string[];
  /** Storage keys of every file of theirs under UPLOADS_PATH. */
  files: string[];
  photos: string[];
};

function ids(reader: Reader, query: ReturnType<typeof sql>): number[] {
  return reader.all<{ id: number }>(query).map((r) => r.id);
}

/** Where a batch of households' personal data lives. */
export function householdFootprint(reader: Reader, householdIds: number[]): HouseholdFootprint {
  const none = sql`(null)`;
  const inList = (list: number[]) => (list.length ? sql`${list}` : none);
  const hh = inList(householdIds);
  const people = reader.all<{
    userId: number | null;
    register: string | null;
    phone: string | null;
  }>(
    sql`select user_id as userId, benefit_register_number as register, phone from households where id in ${hh}`,
  );
  const userIds = people.flatMap((p) => (p.userId ? [p.userId] : []));
  const accounts = reader.all<{ email: string | null; phone: string | null }>(
    sql`select email, phone from users where id in ${inList(userIds)}`,
  );
  const applicationIds = ids(reader, sql`select id from applications where household_id in ${hh}`);
  const apps = inList(applicationIds);
  const grantIds = ids(reader, sql`select id from grants where application_id in ${apps}`);
  const grantList = inList(grantIds);
  const keys = (query: ReturnType<typeof sql>) =>
    reader.all<{ key: string }>(query).map((r) => r.key);
  return {
    householdIds,
    userIds,
    memberIds: ids(reader, sql`select id from household_members where household_id in ${hh}`),
    applicationIds,
    grantIds,
    bookingIds: ids(reader, sql`select id from consultation_bookings where household_id in ${hh}`),
    visitIds: ids(reader, sql`select id from monitoring_visits where grant_id in ${grantList}`),
    scoreIds: ids(
      reader,
      sql`select s.id from scores s join assignments a on a.id = s.assignment_id
        where a.application_id in ${apps}`,
    ),
    registerNumbers: people.flatMap((p) => (p.register ? [p.register] : [])),
    contacts: [
      ...people.flatMap((p) => (p.phone ? [p.phone] : [])),
      ...accounts.flatMap((a) => [a.email, a.phone].filter((c): c is string => Boolean(c))),
    ],
    files: [
      ...keys(
        sql`select storage_key as key from application_attachments where application_id in ${apps}`,
      ),
      ...keys(
        sql`select f.storage_key as key from grant_receipt_files f
          join grant_receipt_lines l on l.id = f.receipt_line_id where l.grant_id in ${grantList}`,
      ),
      ...keys(
        sql`select scan_path as key from grants where id in ${grantList} and scan_path is not null`,
      ),
    ],
    photos: keys(
      sql`select storage_path as key from outcome_photos where grant_id in ${grantList}`,
    ),
  };
}

/** How many non-empty free texts the batch holds (the columns the scrub below empties). */
export function freeTextCount(reader: Reader, f: HouseholdFootprint): number {
  const list = (l: number[]) => (l.length ? sql`${l}` : sql`(null)`);
  const filled = (column: string) => sql.raw(`(coalesce(${column}, '') <> '')`);
  const count = (query: ReturnType<typeof sql>) => reader.get<{ n: number | null }>(query)?.n ?? 0;
  return (
    count(
      sql`select sum(${filled('title')} + ${filled('description')} + ${filled('market')}
        + ${filled('experience')} + ${filled('feedback')} + ${filled('ineligible_reason')}
        + ${filled('decision_reason')} + ${filled('award_withdrawn_reason')}) as n
        from applications where id in ${list(f.applicationIds)}`,
    ) +
    count(
      sql`select sum(${filled('help_with')} + ${filled('advice')} + ${filled('cancel_reason')}) as n
        from consultation_bookings where id in ${list(f.bookingIds)}`,
    ) +
    count(
      sql`select sum(${filled('notes')} + ${filled('status_reason')}) as n
        from monitoring_visits where id in ${list(f.visitIds)}`,
    ) +
    count(
      sql`select sum(${filled('question')}) as n from family_reports where grant_id in ${list(f.grantIds)}`,
    ) +
    count(
      sql`select sum(${filled('overall_comment')}) as n from scores where id in ${list(f.scoreIds)}`,
    ) +
    count(
      sql`select sum(${filled('comment')}) as n from score_items where score_id in ${list(f.scoreIds)}`,
    ) +
    count(
      sql`select sum(${filled('note')}) as n from household_consents where household_id in ${list(f.householdIds)}`,
    )
  );
}

/** Empties the personal fields of a batch (see the list at the top), in the caller's transaction. */
export function scrubHouseholdRows(tx: Tx, f: HouseholdFootprint, now: Date) {
  const list = (l: number[]) => (l.length ? sql`${l}` : sql`(null)`);
  const at = now.getTime();
  const hh = list(f.householdIds);
  const apps = list(f.applicationIds);
  const grantList = list(f.grantIds);
  const users = list(f.userIds);
  const statements = [
    sql`update households set address = '', phone = null, benefit_register_number = null,
      anonymised_at = ${at}, updated_at = ${at} where id in ${hh}`,
    sql`update household_members set first_name = '', last_name = '', updated_at = ${at}
      where household_id in ${hh}`,
    sql`update household_consents set given_by = '', note = null where household_id in ${hh}`,
    sql`update applications set title = '', description = '', market = '', experience = '',
      feedback = null, ineligible_reason = null, decision_reason = null,
      award_withdrawn_reason = null, updated_at = ${at} where id in ${apps}`,
    sql`update application_status_history set reason = null where application_id in ${apps}`,
    sql`delete from application_attachments where application_id in ${apps}`,
    sql`update consultation_bookings set help_with = null, advice = null, cancel_reason = null,
      updated_at = ${at} where household_id in ${hh}`,
    sql`update scores set overall_comment = '', reopen_reason = null where id in ${list(f.scoreIds)}`,
    sql`update score_items set comment = '' where score_id in ${list(f.scoreIds)}`,
    sql`update assignments set recusal_reason = null where application_id in ${apps}`,
    sql`update grants set identity_document_number = null, signed_by_name = null,
      witness_name = null, scan_path = null, wallet_phone = null, bank_account = null,
      updated_at = ${at} where id in ${grantList}`,
    sql`update money_requests set note = null, rejection_reason = null where grant_id in ${grantList}`,
    sql`update grant_receipt_lines set reason = null where grant_id in ${grantList}`,
    sql`update grant_receipt_events set reason = null
      where tranche_id in (select id from grant_tranches where grant_id in ${grantList})`,
    sql`delete from grant_receipt_files where receipt_line_id in
      (select id from grant_receipt_lines where grant_id in ${grantList})`,
    sql`update monitoring_visits set notes = null, status_reason = null, latitude = null,
      longitude = null where grant_id in ${grantList}`,
    sql`update safeguarding_flags set note = '', resolution = null where grant_id in ${grantList}`,
    sql`update family_reports set question = null where grant_id in ${grantList}`,
    sql`delete from outcome_photos where grant_id in ${grantList}`,
    sql`update mail_outbox set status = 'dropped', updated_at = ${at}
      where recipient_user_id in ${users} and status in ('pending', 'failed')`,
    sql`update mail_outbox set to_address = null, to_name = '', subject = '', html = '',
      text = '', attachments = null, last_error = null where recipient_user_id in ${users}`,
    scrubMailNamingHouseholds(hh),
    sql`delete from sessions where user_id in ${users}`,
    sql`delete from password_tokens where user_id in ${users}`,
    sql`delete from kept_forms where user_id in ${users}`,
    sql`update users set name = '#' || id, email = null, phone = null, password_hash = null,
      disabled_at = coalesce(disabled_at, ${at}), updated_at = ${at} where id in ${users}`,
  ];
  for (const statement of statements) tx.run(statement);
  if (f.contacts.length) {
    tx.run(sql`delete from sign_in_failures where identifier in ${f.contacts}`);
  }
  for (const register of f.registerNumbers) scrubImportedLines(tx, register);
}

/**
 * Notices to others that name her household (the one rule: the row's household_id, which every
 * template that `namesFamily` must give): their address stays, what names her goes, and what
 * was still to be sent is dropped.
 */
function scrubMailNamingHouseholds(householdIds: SQL) {
  return sql`update mail_outbox set subject = '', html = '', text = '', attachments = null,
    last_error = null,
    status = case when status in ('pending', 'failed') then 'dropped' else status end
    where household_id in ${householdIds}`;
}

/** An uploaded register keeps the other families' lines; the lines naming her number go. */
function scrubImportedLines(tx: Tx, register: string) {
  const pattern = `%${register.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const imports = tx.all<{ id: number; content: string }>(
    sql`select id, content from household_imports where content like ${pattern} escape '\\'`,
  );
  for (const row of imports) {
    const kept = row.content
      .split('\n')
      .filter((line) => !line.includes(register))
      .join('\n');
    tx.run(sql`update household_imports set content = ${kept} where id = ${row.id}`);
  }
}
