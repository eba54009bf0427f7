// The two tables of a round's staff page (/staff/rounds/:id) as CSV and XLSX: its assigned
// applications with their jurors, and its jurors with their load. The columns are the page's:
// the page names no family (an application is its reference, idea and village, blind round or
// not), so neither does a download. The assignment table (30,000 assignments at 10,000
// applications) is read in keyset batches of applications. Each download names jurors, so it
// writes an audit line ('round.assignments-exported' / 'round.jurors-exported').
import { writeTransaction } from '~db/client';
import type { Locale } from '~/i18n/config';
import { fixedT } from '~/i18n/i18n.server';
import { localityName } from '~/i18n/locality';
import { appendAudit } from '~/models/audit.server';
import { findCompetition } from '~/models/competition.server';
import { findRound } from '~/models/jury.server';
import {
  assignedApplicationsAfter,
  assignmentsOfApplications,
  countAssignedApplications,
  countRoundJurors,
  jurorPage,
  roundJurorLoads,
} from '~/models/round-overview.server';
import { listLocalities } from '~/models/user.server';
import { clientIp } from '~/utils/request.server';
import type { SessionUser } from '~/utils/session.server';
import { utcToZonedLocal } from '~/utils/timezone';
import type { ExportTable } from './ledger-export.server';

export type RoundTable = 'assignments' | 'jurors';

const ASSIGNMENT_COLUMNS = [
  'application',
  'idea',
  'village',
  'jurors',
  'recused',
  'submitted',
] as const;
type AssignmentColumn = (typeof ASSIGNMENT_COLUMNS)[number];

const JUROR_COLUMNS = [
  'juror',
  'village',
  'declaredAt',
  'conflicts',
  'assigned',
  'submitted',
] as const;
type JurorColumn = (typeof JUROR_COLUMNS)[number];

/** The round and its competition, or null (404) if either is missing. */
function roundOf(roundId: number) {
  const round = Number.isInteger(roundId) && roundId > 0 ? findRound(roundId) : undefined;
  const competition = round ? findCompetition(round.competitionId) : undefined;
  return round && competition ? { round, competition } : null;
}

/**
 * One of the round's tables as an export, in the reader's language, after its audit line; null
 * if there is no such round.
 */
export function exportRoundTable(
  request: Request,
  actor: SessionUser,
  roundId: number,
  table: RoundTable,
  format: 'csv' | 'xlsx',
  batchSize = 500,
): ExportTable<string> | null {
  const found = roundOf(roundId);
  if (!found) return null;
  const rows =
    table === 'assignments' ? countAssignedApplications(roundId) : countRoundJurors(roundId);
  writeTransaction((tx) =>
    appendAudit(tx, {
      actorUserId: actor.user.id,
      action: table === 'assignments' ? 'round.assignments-exported' : 'round.jurors-exported',
      entityType: 'round',
      entityId: roundId,
      after: { format, rows },
      ipAddress: clientIp(request),
    }),
  );
  const locale = actor.user.locale;
  return table === 'assignments'
    ? assignmentsTable(roundId, locale, batchSize)
    : jurorsTable(found.round.id, found.competition, locale, batchSize);
}

/** The assigned applications, by reference, each with its jurors and who stepped back. */
function assignmentsTable(
  roundId: number,
  locale: Locale,
  batchSize: number,
): ExportTable<AssignmentColumn> {
  const t = fixedT(locale);
  function* rows() {
    let after: { reference: string; id: number } | null = null;
    for (;;) {
      const batch = assignedApplicationsAfter(roundId, after, batchSize);
      const theirs = assignmentsOfApplications(
        roundId,
        batch.map((row) => row.id),
      );
      for (const row of batch) {
        const mine = theirs.filter((a) => a.applicationId === row.id);
        const active = mine.filter((a) => a.status === 'active');
        const jurors = active.map((a) => {
          const reopened = a.scoreStatus === 'draft' && a.reopenReason;
          const score = t(
            `rounds:assignment.score.${reopened ? 'reopened' : (a.scoreStatus ?? 'none')}`,
          );
          const moved = a.assignedById !== null ? `, ${t('rounds:assignment.movedByStaff')}` : '';
          return `${a.name} (${score}${moved})`;
        });
        const submitted = active.filter((a) => a.scoreStatus === 'submitted').length;
        const text: Record<AssignmentColumn, string> = {
          application: row.reference ?? `#${row.id}`,
          idea: row.title ?? '',
          village: localityName(
            { nameKy: row.localityKy, nameRu: row.localityRu, nameEn: row.localityEn },
            locale,
          ),
          jurors: jurors.join(', '),
          recused: mine
            .filter((a) => a.status === 'recused')
            .map((a) => a.name)
            .join(', '),
          submitted: String(submitted),
        };
        yield { text, cells: { ...text, submitted } };
      }
      if (batch.length < batchSize) return;
      const last = batch[batch.length - 1]!;
      after = { reference: last.reference ?? '', id: last.id };
    }
  }
  return {
    columns: ASSIGNMENT_COLUMNS,
    numberColumns: ['submitted'],
    headers: [
      t('rounds:assignment.columns.application'),
      t('rounds:export.columns.title'),
      t('rounds:assignment.columns.village'),
      t('rounds:assignment.columns.jurors'),
      t('rounds:export.recused'),
      t('rounds:assignment.columns.submitted'),
    ],
    sheet: t('rounds:export.assignmentsSheet'),
    rows: rows(),
  };
}

/** The round's jurors by name with their declaration, conflicts and load. */
function jurorsTable(
  roundId: number,
  competition: { id: number; timezone: string },
  locale: Locale,
  batchSize: number,
): ExportTable<JurorColumn> {
  const t = fixedT(locale);
  const villages = new Map(listLocalities().map((l) => [l.id, localityName(l, locale)]));
  const loads = roundJurorLoads(roundId);
  function* rows() {
    for (let page = 1; ; page += 1) {
      const batch = jurorPage(roundId, competition.id, page, batchSize);
      for (const juror of batch) {
        const load = loads.get(juror.id) ?? { assigned: 0, submitted: 0 };
        const declared = juror.conflictsDeclaredAt
          ? utcToZonedLocal(juror.conflictsDeclaredAt, competition.timezone)
          : null;
        const text: Record<JurorColumn, string> = {
          juror: juror.name,
          village: juror.localityId ? (villages.get(juror.localityId) ?? '') : '',
          declaredAt: declared ? declared.replace('T', ' ') : '',
          conflicts: String(juror.conflicts),
          assigned: String(load.assigned),
          submitted: String(load.submitted),
        };
        yield {
          text,
          cells: {
            ...text,
            declaredAt: declared ? new Date(`${declared}:00Z`) : null,
            conflicts: juror.conflicts,
            assigned: load.assigned,
            submitted: load.submitted,
          },
        };
      }
      if (batch.length < batchSize) return;
    }
  }
  return {
    columns: JUROR_COLUMNS,
    numberColumns: ['conflicts', 'assigned', 'submitted'],
    dateColumns: ['declaredAt'],
    headers: [
      t('rounds:jurors.columns.juror'),
      t('rounds:jurors.columns.village'),
      t('rounds:jurors.columns.declaration'),
      t('rounds:export.conflicts'),
      t('rounds:jurors.columns.assigned'),
      t('rounds:jurors.columns.submitted'),
    ],
    sheet: t('rounds:export.jurorsSheet'),
    rows: rows(),
  };
}
