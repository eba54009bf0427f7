// What the training pages show: DTOs in the reader's language, times on the programme's clock.
import type { Locale } from '~/i18n/config';
import { formattedInstant } from '~/i18n/format';
import { fixedT } from '~/i18n/i18n.server';
import { localityName } from '~/i18n/locality';
import {
  attendedSessionsOfHousehold,
  listSessions,
  rollCallPage,
  upcomingSessionsIn,
  type SessionFilter,
} from '~/models/training.server';
import { facilitatorLocalityIds, listLocalities } from '~/models/user.server';
import { TRAINING_TOPICS, type TrainingTopic } from '~/schemas/enums';
import type { TrainingSession } from '~db/schema/training';
import type { SessionUser } from '~/utils/session.server';
import { utcToZonedLocal, zonedLocalToUtc } from '~/utils/timezone';
import { programmeTimeZone } from './programme-clock.server';
import { rollCallOpen, seesAllTraining } from './training.server';

export const SESSIONS_PAGE_SIZE = 20;
export const ROLL_CALL_HOUSEHOLDS_PER_PAGE = 25;

type LocalityNames = { localityKy: string; localityRu: string; localityEn: string };

const village = (row: LocalityNames, locale: Locale) =>
  localityName({ nameKy: row.localityKy, nameRu: row.localityRu, nameEn: row.localityEn }, locale);

/** The localities the actor may plan sessions in, as select options. */
export function trainingLocalityOptions(actor: SessionUser) {
  const mine = seesAllTraining(actor) ? null : new Set(facilitatorLocalityIds(actor.user.id));
  return listLocalities()
    .filter((l) => !mine || mine.has(l.id))
    .map((l) => ({ value: String(l.id), label: localityName(l, actor.user.locale) }));
}

const isTopic = (value: string | null): value is TrainingTopic =>
  (TRAINING_TOPICS as readonly string[]).includes(value ?? '');

const isDay = (value: string | null): value is string => /^\d{4}-\d{2}-\d{2}$/.test(value ?? '');

/** The list's filters read from the address (the page and its exports alike). */
export function trainingFilterFrom(actor: SessionUser, url: URL) {
  const localities = trainingLocalityOptions(actor);
  const params = url.searchParams;
  const localityParam = params.get('locality') ?? '';
  const localityId = localities.some((l) => l.value === localityParam)
    ? Number(localityParam)
    : undefined;
  const topicParam = params.get('topic');
  const fromParam = params.get('from');
  const toParam = params.get('to');
  const filter: SessionFilter = {
    localityId,
    topic: isTopic(topicParam) ? topicParam : undefined,
    from: isDay(fromParam)
      ? (zonedLocalToUtc(`${fromParam}T00:00`, programmeTimeZone()) ?? undefined)
      : undefined,
    // "To" a day includes that whole day.
    to: isDay(toParam)
      ? new Date(
          (zonedLocalToUtc(`${toParam}T00:00`, programmeTimeZone()) ?? new Date(0)).getTime() +
            24 * 60 * 60_000,
        )
      : undefined,
  };
  return {
    localities,
    filter,
    scope: { facilitatorId: seesAllTraining(actor) ? null : actor.user.id },
    filters: {
      locality: localityId ? String(localityId) : '',
      topic: filter.topic ?? '',
      from: isDay(fromParam) ? fromParam : '',
      to: isDay(toParam) ? toParam : '',
    },
  };
}

/** The list page: filters read from the address, one page of sessions from SQL. */
export function trainingListView(actor: SessionUser, url: URL, page: number) {
  const locale = actor.user.locale;
  const { localities, filter, scope, filters } = trainingFilterFrom(actor, url);
  const { total, rows } = listSessions(scope, filter, {
    limit: SESSIONS_PAGE_SIZE,
    offset: (page - 1) * SESSIONS_PAGE_SIZE,
  });
  return {
    localities,
    filters,
    search: url.search,
    total,
    page,
    pageSize: SESSIONS_PAGE_SIZE,
    sessions: rows.map((row) => ({
      id: row.id,
      topic: row.topic,
      startsAt: formattedInstant(row.startsAt, locale, { timeZone: programmeTimeZone() }),
      village: village(row, locale),
      place: row.place,
      status: row.status,
      present: Number(row.present),
    })),
  };
}

/** The session's own page: its details, its form values, and one page of the roll call. */
export function trainingSessionView(
  actor: SessionUser,
  session: TrainingSession,
  page: number,
  now: Date,
) {
  const locale = actor.user.locale;
  const t = fixedT(locale);
  const locality = listLocalities().find((l) => l.id === session.localityId)!;
  const open = rollCallOpen(session, now);
  const offset = (page - 1) * ROLL_CALL_HOUSEHOLDS_PER_PAGE;
  const rollCall = open
    ? rollCallPage(session, { limit: ROLL_CALL_HOUSEHOLDS_PER_PAGE, offset })
    : { total: 0, households: [] };
  return {
    session: {
      id: session.id,
      topic: session.topic,
      status: session.status,
      startsAt: formattedInstant(session.startsAt, locale, { timeZone: programmeTimeZone() }),
      minutes: session.minutes,
      place: session.place,
      village: localityName(locality, locale),
      trainerName: session.trainerName,
    },
    form: {
      topic: session.topic,
      startsAt: utcToZonedLocal(session.startsAt, programmeTimeZone()),
      minutes: String(session.minutes),
      place: session.place,
      localityId: String(session.localityId),
      trainerName: session.trainerName,
    },
    localities: trainingLocalityOptions(actor),
    rollCall: {
      open,
      total: rollCall.total,
      page,
      pageSize: ROLL_CALL_HOUSEHOLDS_PER_PAGE,
      from: offset + 1,
      households: rollCall.households.map((h, i) => ({
        id: h.id,
        number: offset + i + 1,
        address: h.address,
        members: h.members.map((m) => ({
          id: m.id,
          name: `${m.firstName} ${m.lastName}`,
          relation: t(`common:relations.${m.relation}`),
          birthYear: m.birthYear,
          present: m.present === true,
        })),
      })),
    },
  };
}

/** Upcoming sessions in a village, as the family reads them (her language, her clock). */
export function nextSessionsFor(
  localityId: number,
  locale: Locale,
  timeZone: string,
  now: Date,
  limit = 3,
) {
  return upcomingSessionsIn(localityId, now, limit).map((s) => ({
    id: s.id,
    topic: s.topic,
    startsAt: formattedInstant(s.startsAt, locale, { timeZone }),
    place: s.place,
    village: village(s, locale),
  }));
}

/** The family's training: sessions her people attended, and the next ones in her village. */
export function familyTrainingView(
  household: { id: number; localityId: number },
  locale: Locale,
  timeZone: string,
  now: Date,
) {
  return {
    attended: attendedSessionsOfHousehold(household.id, 20).map((s) => ({
      key: `${s.id}-${s.memberId}`,
      topic: s.topic,
      startsAt: formattedInstant(s.startsAt, locale, { timeZone, dateOnly: true }),
      name: `${s.firstName} ${s.lastName}`,
    })),
    upcoming: nextSessionsFor(household.localityId, locale, timeZone, now),
  };
}
