// Results as families, their facilitators and the public see them (DESIGN.md, "Decisions and
// announcement"). The rules that change state live in decisions.server.ts; this file decides
// what each of them may read, and shapes it for the page.
import { collatorFor } from '~/i18n/intl-cache';
import type { Application } from '~db/schema/applications';
import type { Competition } from '~db/schema/competitions';
import type { Locale } from '~/i18n/config';
import { formatMoney, formattedInstant, type FormattedInstant } from '~/i18n/format';
import { localityName } from '~/i18n/locality';
import { type LocalizedText, pickLocalized, titleTexts } from '~/i18n/localized-text';
import { historyOf } from '~/models/application.server';
import { countApplicationsByStatus, findCompetition } from '~/models/competition.server';
import { membersOf } from '~/models/household.server';
import { facilitatorsOfLocality, lastStatusChangeBy } from '~/models/result-view.server';
import { findUserById, listLocalities } from '~/models/user.server';
import type { ApplicationStatus, Sector } from '~/schemas/enums';
import type { SessionUser } from '~/utils/session.server';
import { zonedCalendarDay } from './visit-schedule.server';
import {
  DECIDED,
  publicResults,
  resultsToTellInPerson,
  setPublishConsent,
} from './decisions.server';
import type { ApplicationContext } from './applications.server';

// ---------------------------------------------------------------------------------------------
// Before the announcement a decision is the programme's alone

/**
 * Until the competition is announced, an application that staff awarded, waitlisted or passed
 * over is shown to its family and her facilitator as it was before the decision: a family must
 * hear her result once, in her language, together with everyone else — never from a page early.
 */
export function isDecisionHidden(
  status: ApplicationStatus,
  competition: Pick<Competition, 'announcedAt'>,
): boolean {
  return competition.announcedAt === null && DECIDED.includes(status);
}

/** The status before staff's first decision (from the history); "being scored" if none. */
function statusBeforeDecision(applicationId: number): ApplicationStatus {
  const before = [...historyOf(applicationId)]
    .reverse()
    .find((entry) => !DECIDED.includes(entry.toStatus));
  return before?.toStatus ?? 'in-review';
}

/** The status a family (or her facilitator) may see. */
export function familyStatus(
  application: Pick<Application, 'id' | 'status'>,
  competition: Pick<Competition, 'announcedAt'>,
): ApplicationStatus {
  return isDecisionHidden(application.status, competition)
    ? statusBeforeDecision(application.id)
    : application.status;
}

/** List rows with the status a family or facilitator may see. */
export function withFamilyStatuses<
  T extends { id: number; status: ApplicationStatus; competitionId: number },
>(rows: T[]): T[] {
  const announced = new Map<number, Pick<Competition, 'announcedAt'>>();
  return rows.map((row) => {
    if (!DECIDED.includes(row.status)) return row;
    if (!announced.has(row.competitionId)) {
      announced.set(row.competitionId, {
        announcedAt: findCompetition(row.competitionId)?.announcedAt ?? null,
      });
    }
    return { ...row, status: familyStatus(row, announced.get(row.competitionId)!) };
  });
}

/** The application's history without the decisions the family has not been told yet. */
export function familyHistory<T extends { toStatus: ApplicationStatus }>(
  history: T[],
  competition: Pick<Competition, 'announcedAt'>,
): T[] {
  return competition.announcedAt === null
    ? history.filter((entry) => !DECIDED.includes(entry.toStatus))
    : history;
}

/**
 * Staff are deciding (a decision is taken, none announced): a family withdraws through her
 * facilitator then. Offering the button to some families of the competition and not to others
 * would tell them their decision before the announcement.
 */
export function decisionsUnderway(competition: Pick<Competition, 'id' | 'announcedAt'>): boolean {
  if (competition.announcedAt !== null) return false;
  return countApplicationsByStatus(competition.id).some(
    (row) => DECIDED.includes(row.status) && row.n > 0,
  );
}

// ---------------------------------------------------------------------------------------------
// The family's result, on her application's page

export type HelpContact = { name: string; phone: string | null };

export type FamilyResult = {
  announcedOn: FormattedInstant;
  /** Staff's short text for the family, if they wrote one. */
  feedback: string | null;
  /** The feedback's language when it is known not to be hers (the page says so). */
  feedbackIn: Locale | null;
  /** Her village's facilitators, then the programme office: where to get help. */
  help: HelpContact[];
  publicResultsUrl: string;
} & (
  | {
      kind: 'awarded';
      amount: string;
      publishConsent: boolean;
      /** Exactly what the public page shows if she agrees: "Айпери Т." and the village. */
      publicName: string;
      village: string;
    }
  | { kind: 'waitlisted'; position: number | null }
  | { kind: 'not-selected' }
  | {
      kind: 'declined' | 'award-withdrawn';
      at: FormattedInstant;
      reason: string | null;
    }
);

function publicNameOf(application: Application): string {
  const member = membersOf(application.householdId).find(
    (m) => m.id === application.beneficiaryMemberId,
  );
  if (!member) return '';
  return [member.firstName, member.lastName ? `${member.lastName.slice(0, 1)}.` : '']
    .filter(Boolean)
    .join(' ');
}

/** Her result once the competition is announced; null before (or when she was not in it). */
export function familyResult(context: ApplicationContext, locale: Locale): FamilyResult | null {
  const { application, competition, household } = context;
  if (!competition.announcedAt) return null;
  const timeZone = competition.timezone;
  const help = facilitatorsOfLocality(household.localityId).map((f) => ({
    name: f.name,
    phone: f.phone,
  }));
  const village = listLocalities().find((l) => l.id === household.localityId);
  const common = {
    announcedOn: formattedInstant(competition.announcedAt, locale, { timeZone, dateOnly: true }),
    feedback: application.feedback?.trim() || null,
    feedbackIn:
      application.feedbackLocale && application.feedbackLocale !== locale
        ? application.feedbackLocale
        : null,
    help,
    publicResultsUrl: `/competitions/${competition.id}/results`,
  };
  switch (application.status) {
    case 'awarded':
      return {
        ...common,
        kind: 'awarded',
        amount: formatMoney(application.awardedAmount ?? 0, competition.currency, locale),
        publishConsent: application.publishNameConsent,
        publicName: publicNameOf(application),
        village: village ? localityName(village, locale) : '',
      };
    case 'waitlisted':
      return { ...common, kind: 'waitlisted', position: application.waitlistPosition };
    case 'not-selected':
      return { ...common, kind: 'not-selected' };
    case 'withdrawn': {
      // Only an award given up after the announcement is a result; an application withdrawn
      // before it is not.
      if (!application.awardWithdrawnAt) return null;
      // She (or her facilitator, for her) declined; otherwise staff withdrew it.
      const changer = lastStatusChangeBy(application.id, 'withdrawn');
      const byFamily =
        changer !== null &&
        (changer === household.userId ||
          facilitatorsOfLocality(household.localityId).some((f) => f.id === changer));
      return {
        ...common,
        kind: byFamily ? 'declined' : 'award-withdrawn',
        at: formattedInstant(application.awardWithdrawnAt, locale, { timeZone }),
        reason: application.awardWithdrawnReason,
      };
    }
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// The facilitator's list

export type ToTellRow = {
  applicationId: number;
  reference: string | null;
  competition: LocalizedText | null;
  family: string;
  village: string;
  phone: string | null;
  decision: 'awarded' | 'waitlisted' | 'not-selected';
  amount: string | null;
  waitlistPosition: number | null;
  feedback: string | null;
  toldAt: FormattedInstant | null;
};

/** A row of her list with the plain values the downloads write as typed cells. */
export type ToTellEntry = {
  row: ToTellRow;
  awardedAmount: number | null;
  /** The day she told it, "YYYY-MM-DD" in the competition's time zone. */
  toldOn: string | null;
};

/** The results she must tell in person: those still to tell first, then the ones done. */
export function resultsToTell(facilitator: SessionUser, locale: Locale): ToTellRow[] {
  return resultsToTellEntries(facilitator, locale).map((entry) => entry.row);
}

/** Her list as the page orders it, with each row's plain amount and day (for the downloads). */
export function resultsToTellEntries(facilitator: SessionUser, locale: Locale): ToTellEntry[] {
  const collator = collatorFor(locale, undefined);
  return resultsToTellInPerson(facilitator)
    .map(({ row, application, household }): ToTellEntry => {
      const competition = findCompetition(application.competitionId)!;
      const account = household.userId ? findUserById(household.userId) : undefined;
      const awardedAmount =
        row.status === 'awarded' && application.awardedAmount !== null
          ? application.awardedAmount
          : null;
      return {
        awardedAmount,
        toldOn: application.resultToldAt
          ? zonedCalendarDay(application.resultToldAt, competition.timezone)
          : null,
        row: {
          applicationId: application.id,
          reference: application.reference,
          competition: pickLocalized(titleTexts(competition), locale),
          family: [row.beneficiaryFirstName, row.beneficiaryLastName].filter(Boolean).join(' '),
          village: localityName(
            { nameKy: row.localityKy, nameRu: row.localityRu, nameEn: row.localityEn },
            locale,
          ),
          phone: household.phone ?? account?.phone ?? null,
          decision: row.status as ToTellRow['decision'],
          amount:
            awardedAmount === null
              ? null
              : formatMoney(awardedAmount, competition.currency, locale),
          waitlistPosition: row.status === 'waitlisted' ? application.waitlistPosition : null,
          feedback: application.feedback?.trim() || null,
          toldAt: application.resultToldAt
            ? formattedInstant(application.resultToldAt, locale, {
                timeZone: competition.timezone,
              })
            : null,
        },
      };
    })
    .sort(
      (a, b) =>
        Number(a.row.toldAt !== null) - Number(b.row.toldAt !== null) ||
        collator.compare(a.row.village, b.row.village) ||
        collator.compare(a.row.family, b.row.family),
    );
}

// ---------------------------------------------------------------------------------------------
// The public page

export type PublicResultsView = {
  competitionId: number;
  title: LocalizedText | null;
  announcedOn: FormattedInstant;
  applications: number;
  winners: number;
  totalAwarded: string;
  byLocality: { name: string; winners: number }[];
  bySector: { sector: Sector | null; winners: number }[];
  named: { name: string; village: string; sector: Sector | null }[];
};

/** What anyone may read once results are announced (null before): counts, money, names only
 *  of winners who agreed — first name and initial — and nothing about any household. */
export function publicResultsView(competitionId: number, locale: Locale): PublicResultsView | null {
  const results = publicResults(competitionId);
  if (!results) return null;
  const { competition } = results;
  const collator = collatorFor(locale, undefined);
  const named = results.named
    .map((w) => ({
      name: [w.firstName, w.initial].filter(Boolean).join(' '),
      village: localityName(
        { nameKy: w.localityKy, nameRu: w.localityRu, nameEn: w.localityEn },
        locale,
      ),
      sector: w.sector,
    }))
    .sort((a, b) => collator.compare(a.village, b.village) || collator.compare(a.name, b.name));
  return {
    competitionId: competition.id,
    title: pickLocalized(titleTexts(competition), locale),
    announcedOn: formattedInstant(competition.announcedAt!, locale, {
      timeZone: findCompetition(competitionId)!.timezone,
      dateOnly: true,
    }),
    applications: results.applications,
    winners: results.winners,
    totalAwarded: formatMoney(results.totalAwarded, competition.currency, locale),
    byLocality: results.byLocality.map((l) => ({
      name: localityName(l, locale),
      winners: l.winners,
    })),
    bySector: [...results.bySector].sort((a, b) => b.winners - a.winners),
    named,
  };
}

/**
 * A winner agrees (or not) to be named on the public results — only once she knows she won, on
 * her own application or her facilitator for her.
 */
export function setWinnerConsent(
  request: Request,
  actor: SessionUser,
  context: ApplicationContext,
  consent: boolean,
): { ok: true } | { ok: false; error: 'not-found' | 'not-a-winner' } {
  const { application, competition } = context;
  if (competition.announcedAt === null || application.status !== 'awarded')
    return { ok: false, error: 'not-a-winner' };
  return setPublishConsent(request, actor, application.id, consent);
}
