// What the staff's decision board and announcement preview show: the board of
// decisions.server.ts turned into a page's DTO (money, points and dates formatted on the server,
// in the reader's language; no household facts beyond what deciding needs), and the preview of
// the result e-mails and the public page before anything is sent.
import type { Competition } from '~db/schema/competitions';
import { renderEmail } from '~emails/layout';
import { resultEmail } from '~emails/result';
import type { Locale } from '~/i18n/config';
import { formatMoney, formattedInstant, type FormattedInstant } from '~/i18n/format';
import { fixedT } from '~/i18n/i18n.server';
import { localityName } from '~/i18n/locality';
import { pickLocalized, type LocalizedText } from '~/i18n/localized-text';
import { findApplication } from '~/models/application.server';
import { findRound, roundsOfCompetition } from '~/models/jury.server';
import type { ApplicationStatus, Sector } from '~/schemas/enums';
import { moneyInputValue } from '~/utils/money';
import {
  firstInRoundWithStatus,
  firstWaitlistedIds,
  notAwardedAbove,
  undecidedInRound,
  type BoardFilter,
} from '~/models/decision.server';
import {
  announcementPlan,
  decisionBoard,
  jurorCommentsOf,
  publicResults,
  type Decision,
} from './decisions.server';
import { feedbackLanguagesOf, type FeedbackLanguage } from './feedback-language.server';
import { appLink } from './notices.server';
import { formatPoints } from './round-ranking.server';

export type BoardState = 'no-closed-round' | 'round-open' | 'ready' | 'announced';

export type BoardRowView = {
  applicationId: number;
  rank: number;
  score: string | null;
  reference: string;
  title: string;
  sector: Sector | null;
  village: string;
  requested: string;
  requestedInput: string;
  status: ApplicationStatus;
  awarded: string | null;
  amountInput: string;
  reason: string | null;
  waitlistPosition: number | null;
  /** References ranked higher and not awarded: awarding this one needs a written reason. */
  passesOver: string[];
  feedback: string | null;
  /** The language she reads and the one her feedback is in (marked when they differ). */
  feedbackLanguage: FeedbackLanguage;
  /** The jurors' comments, without who wrote them, and the feedback they suggest. */
  comments: string[];
  suggestion: string;
  /** After the announcement: the next family on the waiting list of her village. */
  nextOnWaitlist: boolean;
};

export type BoardView = {
  competition: {
    id: number;
    title: LocalizedText | null;
    minGrant: number;
    maxGrant: number;
    minGrantText: string;
    maxGrantText: string;
    announcedAt: FormattedInstant | null;
  };
  state: BoardState;
  openRoundName: string | null;
  finalRound: { number: number; name: string } | null;
  budget: { total: string; awarded: string; remaining: string; percent: number };
  quotas: { localityId: number; name: string; quota: number | null; awarded: number }[];
  /** The villages to filter by. */
  villages: { id: number; name: string }[];
  filter: BoardFilter;
  page: { number: number; size: number; total: number };
  rows: BoardRowView[];
};

function titleOf(competition: Competition, locale: Locale) {
  return pickLocalized(
    { ky: competition.titleKy, ru: competition.titleRu, en: competition.titleEn },
    locale,
  );
}

/** What the board's URL asks for: a filter and a page. */
export type BoardQuery = { filter?: BoardFilter; page?: number };

/** How many references a row names when awarding it would pass others over. */
const PASSED_OVER_SHOWN = 5;

export function decisionBoardView(
  competitionId: number,
  locale: Locale,
  query: BoardQuery = {},
): BoardView | null {
  const board = decisionBoard(competitionId, query);
  if (!board) return null;
  const { competition } = board;
  const money = (minor: number) => formatMoney(minor, competition.currency, locale);
  const villages = new Map(board.quotas.map((q) => [q.localityId, localityName(q, locale)]));
  const openRound = roundsOfCompetition(competitionId).find((r) => r.status !== 'closed');
  const finalRound = board.finalRoundId ? findRound(board.finalRoundId) : undefined;
  const state: BoardState = board.announced
    ? 'announced'
    : !board.finalRoundId
      ? 'no-closed-round'
      : board.roundStillOpen
        ? 'round-open'
        : 'ready';
  // Offers follow each village's waiting list, first place first (offerPlace checks it again).
  const nextWaitlisted = new Set(board.announced ? firstWaitlistedIds(competitionId) : []);
  const comments = jurorCommentsOf(board.rows.map((row) => row.applicationId));
  // The best-ranked applications not awarded, read once: those ranked above a row are the ones
  // awarding it passes over (a row never needs more of them than the page shows).
  const notAwarded = board.finalRoundId
    ? notAwardedAbove(board.finalRoundId, Number.MAX_SAFE_INTEGER, PASSED_OVER_SHOWN + 1)
    : [];
  const passesOver = (rank: number) => {
    const above = notAwarded.filter((r) => r.rank < rank).map((r) => r.reference);
    return above.length > PASSED_OVER_SHOWN ? [...above.slice(0, PASSED_OVER_SHOWN), '…'] : above;
  };
  const languages = feedbackLanguagesOf(board.rows.map((row) => row.applicationId));
  return {
    competition: {
      id: competition.id,
      title: titleOf(competition, locale),
      minGrant: competition.minGrant,
      maxGrant: competition.maxGrant,
      minGrantText: money(competition.minGrant),
      maxGrantText: money(competition.maxGrant),
      announcedAt: competition.announcedAt
        ? formattedInstant(competition.announcedAt, locale)
        : null,
    },
    state,
    openRoundName: openRound?.name ?? null,
    finalRound: finalRound ? { number: finalRound.number, name: finalRound.name } : null,
    budget: {
      total: money(board.budget.total),
      awarded: money(board.budget.awarded),
      remaining: money(board.budget.remaining),
      percent:
        board.budget.total > 0
          ? Math.min(100, Math.round((board.budget.awarded / board.budget.total) * 100))
          : 0,
    },
    quotas: board.quotas.map((q) => ({
      localityId: q.localityId,
      name: localityName(q, locale),
      quota: q.quota,
      awarded: q.awarded,
    })),
    villages: board.quotas.map((q) => ({ id: q.localityId, name: localityName(q, locale) })),
    filter: board.filter,
    page: board.page,
    rows: board.rows.map((row) => {
      const language = languages.get(row.applicationId)!;
      const rowComments = comments.get(row.applicationId) ?? [];
      return {
        applicationId: row.applicationId,
        rank: row.rank,
        score: row.score === null ? null : formatPoints(row.score, locale),
        reference: row.reference ?? '',
        title: row.title,
        sector: row.sector,
        village: villages.get(row.localityId) ?? '',
        requested: money(row.requestedAmount),
        requestedInput: moneyInputValue(row.requestedAmount),
        status: row.status,
        awarded:
          row.status === 'awarded' && row.awardedAmount !== null ? money(row.awardedAmount) : null,
        amountInput: moneyInputValue(row.awardedAmount ?? row.requestedAmount),
        reason: row.decisionReason,
        waitlistPosition: row.status === 'waitlisted' ? row.waitlistPosition : null,
        passesOver: passesOver(row.rank),
        feedback: row.feedback,
        feedbackLanguage: language,
        comments: rowComments,
        suggestion: rowComments.join('\n'),
        nextOnWaitlist: nextWaitlisted.has(row.applicationId),
      };
    }),
  };
}

/** The application, if it belongs to this competition's final ranking (else the page's 404). */
export function boardApplication(competitionId: number, applicationId: number) {
  const application = findApplication(applicationId);
  return application?.competitionId === competitionId ? application : undefined;
}

// ---------------------------------------------------------------------------------------------
// The preview before announcing

export type EmailPreview = {
  kind: Decision;
  count: number;
  subject: string;
  text: string;
};

/** How many undecided applications the preview lists by reference. */
const UNDECIDED_SHOWN = 200;

export function announcementPreview(competitionId: number, locale: Locale) {
  const board = decisionBoard(competitionId);
  const plan = announcementPlan(competitionId);
  const results = publicResults(competitionId, { preview: true });
  if (!board || !plan || !results) return null;
  const { competition } = board;
  const t = fixedT(locale);
  const title = titleOf(competition, locale);
  const counts: Record<Decision, number> = {
    awarded: plan.awarded,
    waitlisted: plan.waitlisted,
    'not-selected': plan.notSelected,
  };
  // Each e-mail as the first family of that kind will read it, in the staff's language and with
  // a sample name; without such a family yet, with a sample reference and the requested amount.
  const emails: EmailPreview[] = (['awarded', 'waitlisted', 'not-selected'] as const).map(
    (kind) => {
      const row = board.finalRoundId ? firstInRoundWithStatus(board.finalRoundId, kind) : undefined;
      const amount = row?.awardedAmount ?? row?.requestedAmount ?? competition.minGrant;
      const rendered = renderEmail(
        resultEmail,
        {
          name: t('decisions:announce.sampleName'),
          competitionTitle: title?.text ?? '',
          reference: row?.reference ?? t('decisions:announce.sampleReference'),
          decision: kind,
          amount: kind === 'awarded' ? formatMoney(amount, competition.currency, locale) : '',
          waitlistPosition: row?.waitlistPosition ?? 1,
          feedback: row?.feedback ?? '',
          url: appLink(row ? `/applications/${row.applicationId}` : '/applications'),
        },
        t,
        locale,
      );
      return { kind, count: counts[kind], subject: rendered.subject, text: rendered.text };
    },
  );
  return {
    competition: {
      id: competition.id,
      title,
      announcedAt: competition.announcedAt
        ? formattedInstant(competition.announcedAt, locale)
        : null,
    },
    ready: Boolean(board.finalRoundId) && !board.roundStillOpen,
    plan: {
      awarded: plan.awarded,
      waitlisted: plan.waitlisted,
      notSelected: plan.notSelected,
      byEmail: plan.byEmail,
      inPerson: plan.inPerson,
      total: plan.byEmail + plan.inPerson,
    },
    undecided: (board.finalRoundId
      ? undecidedInRound(board.finalRoundId, UNDECIDED_SHOWN)
      : []
    ).map((r) => ({ applicationId: r.applicationId, rank: r.rank, reference: r.reference ?? '' })),
    emails,
    public: {
      applications: results.applications,
      winners: results.winners,
      totalAwarded: formatMoney(results.totalAwarded, competition.currency, locale),
      byVillage: results.byLocality.map((l) => ({
        name: localityName(l, locale),
        winners: l.winners,
      })),
      bySector: results.bySector,
      named: results.named.map((n) => ({
        name: `${n.firstName} ${n.initial}`.trim(),
        village: localityName(
          { nameKy: n.localityKy, nameRu: n.localityRu, nameEn: n.localityEn },
          locale,
        ),
        sector: n.sector,
      })),
    },
  };
}
