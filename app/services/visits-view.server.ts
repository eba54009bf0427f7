// The DTOs of the visit pages (/visits and /visits/:visitId), already in the reader's language.
// A facilitator's DTOs never carry a safeguarding flag nor the place of the visit: only staff's do.
import { pageFromUrl } from '~/components/pagination';
import type { Locale } from '~/i18n/config';
import { formatDate, formatMoney, formatNumber } from '~/i18n/format';
import { fixedT } from '~/i18n/i18n.server';
import { localityName } from '~/i18n/locality';
import { facilitatorLocalityIds, listLocalities } from '~/models/user.server';
import { listVisits, photosOfVisit, type VisitListState } from '~/models/visit.server';
import { membersOf } from '~/models/household.server';
import type { SessionUser } from '~/utils/session.server';
import { programmeTimeZone } from './programme-clock.server';
import { visitState, zonedCalendarDay } from './visit-schedule.server';
import {
  firstPaymentOf,
  safeguardingOfVisit,
  visitDraft,
  type VisitContext,
} from './visits.server';

export const VISITS_PAGE_SIZE = 50;
const LIST_STATES: VisitListState[] = ['overdue', 'due', 'done'];

/** Staff (and admins) see every village; anyone else with the permission, her own villages. */
function seesEveryVillage(actor: SessionUser): boolean {
  return actor.roles.includes('staff') || actor.roles.includes('admin');
}

/** A calendar day "YYYY-MM-DD" as the reader writes it (no time zone: it is a day). */
export function formatDay(day: string, locale: Locale): string {
  return formatDate(new Date(`${day}T12:00:00Z`), locale, 'UTC');
}

/** The list's filters read from its query string (page and downloads), and its villages. */
export function visitsListFilter(actor: SessionUser, params: URLSearchParams) {
  const locale = actor.user.locale;
  const everyVillage = seesEveryVillage(actor);
  const own = everyVillage ? null : new Set(facilitatorLocalityIds(actor.user.id));
  const villages = listLocalities()
    .filter((l) => !own || own.has(l.id))
    .map((l) => ({ id: l.id, name: localityName(l, locale) }));
  const villageParam = Number(params.get('village') ?? '');
  const localityId = villages.some((v) => v.id === villageParam) ? villageParam : null;
  const stateParam = params.get('state') ?? '';
  const state = (LIST_STATES as string[]).includes(stateParam)
    ? (stateParam as VisitListState)
    : null;
  const today = zonedCalendarDay(new Date(), programmeTimeZone());
  return {
    everyVillage,
    villages,
    filter: { facilitatorId: everyVillage ? null : actor.user.id, localityId, state, today },
  };
}

/** The /visits page: one page of visits for the filter, and the villages to filter by. */
export function visitsListPage(actor: SessionUser, url: URL) {
  const locale = actor.user.locale;
  const t = fixedT(locale);
  const { everyVillage, villages, filter } = visitsListFilter(actor, url.searchParams);
  const { localityId, state, today } = filter;
  const page = pageFromUrl(url);
  const { rows, total } = listVisits({ ...filter, page, pageSize: VISITS_PAGE_SIZE });
  return {
    pageTitle: t('visits:title'),
    everyVillage,
    villages,
    filter: { village: localityId ? String(localityId) : '', state: state ?? '' },
    states: LIST_STATES,
    page,
    pageSize: VISITS_PAGE_SIZE,
    total,
    rows: rows.map((row) => ({
      id: row.id,
      grantId: row.grantId,
      family: row.lastName ? `${row.lastName} ${row.firstName}` : '—',
      village: localityName(
        { nameKy: row.localityKy, nameRu: row.localityRu, nameEn: row.localityEn },
        locale,
      ),
      reference: row.reference ?? '',
      visit: t(`outcomes:visitMonths.${row.month}`),
      dueOn: formatDay(row.dueOn, locale),
      state: visitState(row, today),
    })),
  };
}

/** The visit page: the facts of the visit, the form's defaults, or what it recorded. */
export function visitPageData(actor: SessionUser, context: VisitContext) {
  const locale = actor.user.locale;
  const t = fixedT(locale);
  const { visit, grant, household, application } = context;
  const timeZone = context.competition.timezone;
  const today = zonedCalendarDay(new Date(), timeZone);
  const member = membersOf(household.id).find((m) => m.id === grant.beneficiaryMemberId);
  const familyName = member ? `${member.lastName} ${member.firstName}` : '';
  const village = listLocalities().find((l) => l.id === household.localityId);
  const firstPaidAt = firstPaymentOf(grant.id);
  const money = (minor: number | null) =>
    minor === null ? t('visits:page.notGiven') : formatMoney(minor, grant.currency, locale);
  const fte = (hundredths: number | null) =>
    hundredths === null ? t('visits:page.notGiven') : formatNumber(hundredths / 100, locale);
  const recorded =
    visit.status === 'done'
      ? {
          visitedOn: visit.visitedOn ? formatDay(visit.visitedOn, locale) : '',
          rows: [
            [
              t('visits:form.businessStatus'),
              t(`outcomes:businessStatuses.${visit.businessStatus!}`),
            ],
            ...(visit.statusReason ? [[t('visits:form.statusReason'), visit.statusReason]] : []),
            [t('visits:form.monthlyRevenue'), money(visit.monthlyRevenue)],
            [t('visits:form.monthlyCosts'), money(visit.monthlyCosts)],
            [
              `${t('visits:form.jobs')}: ${t('visits:form.jobsWomen')}`,
              fte(visit.jobsWomenHundredths),
            ],
            [`${t('visits:form.jobs')}: ${t('visits:form.jobsMen')}`, fte(visit.jobsMenHundredths)],
            [t('visits:form.monthlyHouseholdIncome'), money(visit.monthlyHouseholdIncome)],
            [t('visits:form.assetState'), t(`outcomes:assetStates.${visit.assetState!}`)],
            [
              t('outcomes:agency.questions.ownEarnings'),
              t(`outcomes:agency.answers.${visit.decidesOwnEarnings!}`),
            ],
            [
              t('outcomes:agency.questions.largePurchases'),
              t(`outcomes:agency.answers.${visit.decidesLargePurchases!}`),
            ],
            [
              t('outcomes:agency.questions.businessMoney'),
              t(`outcomes:agency.answers.${visit.decidesBusinessMoney!}`),
            ],
            [
              t('outcomes:agency.say'),
              `${visit.sayInMoney} — ${t(`outcomes:agency.sayScale.${String(visit.sayInMoney) as '1'}`)}`,
            ],
            ...(visit.notes ? [[t('visits:form.notes'), visit.notes]] : []),
          ] as [string, string][],
          photoIds: photosOfVisit(visit.id).map((p) => p.id),
        }
      : null;
  // Staff only: a facilitator's DTO has no such key at all.
  const flag = safeguardingOfVisit(context);
  const staff =
    context.access === 'staff'
      ? {
          safeguardingNote: flag?.note ?? null,
          place: visit.latitude ? `${visit.latitude}, ${visit.longitude}` : null,
        }
      : null;
  const draft = visit.status === 'due' ? visitDraft(actor, visit.id) : null;
  return {
    pageTitle: `${t(`outcomes:visitMonths.${visit.month}`)} — ${familyName}`,
    visitId: visit.id,
    grantId: grant.id,
    month: visit.month,
    familyName,
    village: village ? localityName(village, locale) : '',
    reference: application.reference ?? '',
    currency: grant.currency,
    dueOn: formatDay(visit.dueOn, locale),
    state: visitState(visit, today),
    firstPaidOn: firstPaidAt ? formatDate(firstPaidAt, locale, timeZone) : '',
    recorded,
    staff,
    hasDraft: Boolean(draft),
    defaults: {
      visitedOn: today,
      ...(draft ?? {}),
    } as Record<string, string>,
  };
}
