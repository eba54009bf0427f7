// The consultant's agenda (/consultant): whose agenda a reader may open and which days it shows,
// and the same agenda as a download (CSV and XLSX). A consultant reads only her own; staff who
// oversee consultations open any consultant's (?consultant=). The download has the page's
// columns: each time with its village, mode and places, and each family at it, booked (name,
// village, phone, application, amount, what she wants help with) or waiting (her name only, as
// the page lists her). An agenda is one consultant's day or week, so it is read as the page
// reads it. A download names families, so it writes an audit line
// ('consultation-slot.agenda-exported').
import { writeTransaction } from '~db/client';
import { fixedT } from '~/i18n/i18n.server';
import { appendAudit } from '~/models/audit.server';
import { clientIp } from '~/utils/request.server';
import type { SessionUser } from '~/utils/session.server';
import { utcToZonedLocal } from '~/utils/timezone';
import {
  actsForAnyConsultant,
  listConsultants,
  programmeTimeZone,
} from './consultation-slots.server';
import {
  agendaRange,
  consultantAgenda,
  todayIn,
  type FamilyAtBooking,
  type SlotView,
} from './consultation-view.server';
import { csvAmount, type ExportTable } from './ledger-export.server';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export type AgendaScope = {
  consultantId: number;
  view: 'day' | 'week';
  date: string;
  timeZone: string;
  range: ReturnType<typeof agendaRange>;
};

/**
 * Whose agenda and which days the query asks for, as the reader may see them: her own, or (staff)
 * the consultant named by ?consultant=. Null for staff who name no consultant (they choose one
 * on the consultations page).
 */
export function agendaScope(actor: SessionUser, params: URLSearchParams): AgendaScope | null {
  const asked = Number(params.get('consultant'));
  let consultantId = actor.user.id;
  if (actsForAnyConsultant(actor)) {
    if (Number.isInteger(asked) && listConsultants().some((c) => c.id === asked))
      consultantId = asked;
    else if (!actor.roles.includes('consultant')) return null;
  }
  const timeZone = programmeTimeZone();
  const view = params.get('view') === 'week' ? 'week' : 'day';
  const askedDate = params.get('date') ?? '';
  const date =
    DATE.test(askedDate) && !Number.isNaN(Date.parse(askedDate)) ? askedDate : todayIn(timeZone);
  return { consultantId, view, date, timeZone, range: agendaRange(view, date, timeZone) };
}

const COLUMNS = [
  'starts',
  'ends',
  'village',
  'mode',
  'status',
  'taken',
  'capacity',
  'family',
  'list',
  'familyVillage',
  'phone',
  'application',
  'amount',
  'currency',
  'helpWith',
] as const;
type Column = (typeof COLUMNS)[number];

/** A wall-clock "YYYY-MM-DDTHH:mm" as the Date a spreadsheet shows as that time. */
const wallClockCell = (local: string) => new Date(`${local}:00Z`);

/**
 * The agenda the query asks for as a table in the reader's language, after its audit line; null
 * if the reader names no consultant she may open.
 */
export function exportAgenda(
  request: Request,
  actor: SessionUser,
  format: 'csv' | 'xlsx',
): { table: ExportTable<Column>; scope: AgendaScope } | null {
  const scope = agendaScope(actor, new URL(request.url).searchParams);
  if (!scope) return null;
  const locale = actor.user.locale;
  const { consultantId, range, timeZone } = scope;
  const slots = consultantAgenda(consultantId, range, locale, timeZone);
  const lines = slots.reduce((n, s) => n + Math.max(1, s.booked.length + s.waiting.length), 0);
  writeTransaction((tx) =>
    appendAudit(tx, {
      actorUserId: actor.user.id,
      action: 'consultation-slot.agenda-exported',
      entityType: 'user',
      entityId: consultantId,
      after: {
        format,
        view: scope.view,
        from: range.firstDay,
        to: range.lastDay,
        families: slots.reduce((n, s) => n + s.booked.length + s.waiting.length, 0),
        rows: lines,
      },
      ipAddress: clientIp(request),
    }),
  );
  const t = fixedT(locale);
  function row(slot: SlotView, family: FamilyAtBooking | null) {
    const starts = utcToZonedLocal(new Date(slot.startsAt), timeZone);
    const ends = utcToZonedLocal(
      new Date(new Date(slot.startsAt).getTime() + slot.minutes * 60_000),
      timeZone,
    );
    const booked = family?.status === 'booked' ? family : null;
    const text: Record<Column, string> = {
      starts: starts.replace('T', ' '),
      ends: ends.slice(11, 16),
      village: slot.village,
      mode: t(`consultant:modes.${slot.mode}`),
      status: t(slot.status === 'cancelled' ? 'consultant:slot.cancelled' : 'consultant:slot.open'),
      taken: String(slot.booked.length),
      capacity: String(slot.capacity),
      family: family?.family ?? '',
      list: family ? t(booked ? 'consultant:export.booked' : 'consultant:slot.waiting') : '',
      familyVillage: booked?.village ?? '',
      phone: booked?.phone ?? '',
      application: booked?.title ?? '',
      amount: booked ? csvAmount(locale, booked.requestedMinor) : '',
      currency: booked?.currency ?? '',
      helpWith: booked?.helpWith ?? '',
    };
    return {
      text,
      cells: {
        ...text,
        starts: wallClockCell(starts),
        ends: wallClockCell(ends),
        taken: slot.booked.length,
        capacity: slot.capacity,
        amount: booked ? booked.requestedMinor / 100 : null,
      },
    };
  }
  function* rows() {
    for (const slot of slots) {
      const families = [...slot.booked, ...slot.waiting];
      if (families.length === 0) yield row(slot, null);
      for (const family of families) yield row(slot, family);
    }
  }
  return {
    scope,
    table: {
      columns: COLUMNS,
      numberColumns: ['taken', 'capacity', 'amount'],
      dateColumns: ['starts'],
      numFmts: { ends: 'hh:mm', amount: '#,##0.00' },
      headers: [
        t('consultant:export.starts'),
        t('consultant:export.ends'),
        t('consultant:slot.village'),
        t('consultant:slot.mode'),
        t('consultant:slot.status'),
        t('consultant:export.taken'),
        t('consultant:slot.capacity'),
        t('consultant:slot.family'),
        t('consultant:export.list'),
        t('consultant:export.familyVillage'),
        t('consultant:slot.phone'),
        t('consultant:slot.application'),
        t('consultant:slot.amount'),
        t('grants:export.currency'),
        t('consultant:slot.helpWith'),
      ],
      sheet: t('consultant:export.sheet'),
      rows: rows(),
    },
  };
}

/** The file's name: the agenda's first day (and last, for a week). */
export function agendaFileName(scope: AgendaScope, format: 'csv' | 'xlsx'): string {
  const { firstDay, lastDay } = scope.range;
  return `agenda-${firstDay}${lastDay === firstDay ? '' : `-${lastDay}`}.${format}`;
}
