// One grant's outcomes on the staff grant page: its baseline, payments, visits (recorded and due)
// and the family's reports in date order, revenue and household income over time, and — for staff
// only — its safeguarding concerns, which staff resolve with a note.
import { writeTransaction } from '~db/client';
import type { Currency } from '~/i18n/format';
import { formatDate, formatMoney } from '~/i18n/format';
import type { Locale } from '~/i18n/config';
import { fixedT } from '~/i18n/i18n.server';
import { appendAudit } from '~/models/audit.server';
import { findCompetition } from '~/models/competition.server';
import { findGrant } from '~/models/grant.server';
import {
  baselineOfGrant,
  familyReportsOfGrant,
  findSafeguardingFlag,
  ledgerEntriesOfGrant,
  resolveSafeguardingFlagRow,
  safeguardingFlagsOfGrant,
  visitsOfGrant,
} from '~/models/outcome-figures.server';
import { VISIT_MONTHS } from '~/schemas/outcome-enums';
import { clientIp } from '~/utils/request.server';
import type { SessionUser } from '~/utils/session.server';
import { calendarDayIn, moneyChart, type ChartPoint } from './outcome-figures.server';

type EventKind = 'baseline' | 'payment' | 'visit' | 'report';
const KIND_ORDER: Record<EventKind, number> = { baseline: 0, payment: 1, visit: 2, report: 3 };

/** A calendar day "YYYY-MM-DD" as the reader writes it (the day is already the competition's). */
const dayText = (day: string, locale: Locale) =>
  formatDate(new Date(`${day}T12:00:00Z`), locale, 'UTC');

/**
 * The grant's timeline, or null if there is no such grant. `withFlags` only for people who may
 * read safeguarding concerns ('safeguarding:read').
 */
export function grantTimeline(
  grantId: number,
  locale: Locale,
  options: { withFlags: boolean; now?: Date },
) {
  const grant = findGrant(grantId);
  if (!grant) return null;
  const competition = findCompetition(grant.competitionId);
  if (!competition) return null;
  const t = fixedT(locale);
  const tz = competition.timezone;
  const currency = competition.currency as Currency;
  const money = (minor: number | null) =>
    minor === null ? t('outcomes:figures.noData') : formatMoney(minor, currency, locale);
  const today = calendarDayIn(options.now ?? new Date(), tz);
  const events: {
    key: string;
    kind: EventKind;
    day: string;
    date: string;
    title: string;
    details: string;
    overdue?: boolean;
  }[] = [];

  const baseline = baselineOfGrant(grantId);
  if (baseline) {
    const day = calendarDayIn(baseline.recordedOn, tz);
    events.push({
      key: 'baseline',
      kind: 'baseline',
      day,
      date: dayText(day, locale),
      title: t('outcomes:timeline.baseline'),
      details: t('outcomes:timeline.baselineDetails', {
        income: money(baseline.monthlyHouseholdIncome),
      }),
    });
  }
  for (const entry of ledgerEntriesOfGrant(grantId)) {
    const day = calendarDayIn(entry.paidAt, tz);
    events.push({
      key: `entry-${entry.id}`,
      kind: 'payment',
      day,
      date: dayText(day, locale),
      title: t(`grants:kinds.${entry.kind}`),
      details: money(entry.amount),
    });
  }
  const visits = visitsOfGrant(grantId);
  for (const visit of visits) {
    const day = visit.visitedOn ?? visit.dueOn;
    const overdue = visit.status === 'due' && visit.dueOn < today;
    const name = t(`outcomes:visitMonths.${visit.month}`);
    events.push({
      key: `visit-${visit.id}`,
      kind: 'visit',
      day,
      date: dayText(day, locale),
      title: t(
        visit.status === 'done'
          ? 'outcomes:timeline.visitDone'
          : overdue
            ? 'outcomes:timeline.visitOverdue'
            : 'outcomes:timeline.visitDue',
        { visit: name },
      ),
      details:
        visit.status === 'done' && visit.businessStatus
          ? t('outcomes:timeline.visitDetails', {
              status: t(`outcomes:businessStatuses.${visit.businessStatus}`),
              revenue: money(visit.monthlyRevenue),
              income: money(visit.monthlyHouseholdIncome),
            })
          : '',
      overdue,
    });
  }
  for (const report of familyReportsOfGrant(grantId)) {
    const day = calendarDayIn(report.createdAt, tz);
    const details = t('outcomes:timeline.reportDetails', {
      status: t(`outcomes:businessStatuses.${report.businessStatus}`),
      revenue: money(report.monthlyRevenue),
    });
    events.push({
      key: `report-${report.id}`,
      kind: 'report',
      day,
      date: dayText(day, locale),
      title: t('outcomes:timeline.report'),
      details: report.question
        ? `${details}. ${t('outcomes:timeline.question', { question: report.question })}`
        : details,
    });
  }
  events.sort((a, b) =>
    a.day === b.day ? KIND_ORDER[a.kind] - KIND_ORDER[b.kind] : a.day < b.day ? -1 : 1,
  );

  const byMonth = new Map(visits.filter((v) => v.status === 'done').map((v) => [v.month, v]));
  const point = (at: ChartPoint['at'], value: number | null | undefined): ChartPoint => ({
    at,
    value: value ?? null,
    text: value == null ? null : formatMoney(value, currency, locale),
  });
  const hasData = baseline !== undefined || byMonth.size > 0;
  const chart = hasData
    ? moneyChart(
        [
          {
            key: 'revenue',
            points: [
              point('baseline', null),
              ...VISIT_MONTHS.map((m) => point(m, byMonth.get(m)?.monthlyRevenue)),
            ],
          },
          {
            key: 'income',
            points: [
              point('baseline', baseline?.monthlyHouseholdIncome),
              ...VISIT_MONTHS.map((m) => point(m, byMonth.get(m)?.monthlyHouseholdIncome)),
            ],
          },
        ],
        currency,
        locale,
      )
    : null;

  const flags = options.withFlags
    ? safeguardingFlagsOfGrant(grantId).map((flag) => ({
        id: flag.id,
        note: flag.note,
        raised: t('outcomes:timeline.flagRaised', {
          name: flag.raisedBy,
          date: formatDate(flag.createdAt, locale, tz),
        }),
        resolved:
          flag.resolvedAt === null
            ? null
            : t('outcomes:timeline.flagResolved', {
                name: flag.resolvedBy ?? '',
                date: formatDate(flag.resolvedAt, locale, tz),
                resolution: flag.resolution ?? '',
              }),
      }))
    : null;
  return { events, chart, flags };
}

export type ResolveRefusal = 'not-found' | 'already-resolved';

/** Staff mark a grant's safeguarding concern as resolved, saying what was done. */
export function resolveSafeguardingFlag(
  request: Request,
  staff: SessionUser,
  grantId: number,
  flagId: number,
  note: string,
): { ok: true } | { ok: false; error: ResolveRefusal } {
  const resolution = note.trim();
  return writeTransaction((tx) => {
    const flag = findSafeguardingFlag(flagId, tx);
    if (!flag || flag.grantId !== grantId) return { ok: false, error: 'not-found' } as const;
    if (flag.resolvedAt !== null) return { ok: false, error: 'already-resolved' } as const;
    resolveSafeguardingFlagRow(tx, flagId, {
      resolvedAt: new Date(),
      resolvedById: staff.user.id,
      resolution,
    });
    // The audit line names the flag, not what it says: the log is read by admins for other ends.
    appendAudit(tx, {
      actorUserId: staff.user.id,
      action: 'safeguarding.resolved',
      entityType: 'grant',
      entityId: grantId,
      after: { flagId },
      ipAddress: clientIp(request),
    });
    return { ok: true } as const;
  });
}
