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
import { type LocalizedText, pickLocalized, titleTexts } from '~/i18n/localized-text';
import { findApplication } from '~/models/application.server';
import type { ApplicationStatus, Sector } from '~/schemas/enums';
import { moneyInputValue } from '~/utils/money';
import {
  boardRow,
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

/** A row of the board's ranking table: what staff scan to choose whom to decide. */
export type BoardTableRow = {
  applicationId: number;
  rank: number;
  score: string | null;
  reference: string;
  title: string;
  sector: Sector | null;
  village: string;
  requested: string;
  status: ApplicationStatus;
  awarded: string | null;
  waitlistPosition: number | null;
};

/** The one application whose forms are open (?decide=): its decision, feedback and offers. */
export type BoardRowView = BoardTableRow & {
  requestedInput: string;
  amountInput: string;
  reason: string | null;
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
  rows: BoardTableRow[];
  /** The application whose forms are open (?decide=), if it is in the final ranking. */
  open: BoardRowView | null;
};

function titleOf(competition: Competition, locale: Locale) {
  return pickLocalized(titleTexts(competition), locale);
}

/** What the board's URL asks for: a filter, a page, and the application to decide. */
export type BoardQuery = { filter?: BoardFilter; page?: number; decide?: number };

/** How many references the open card names when awarding it would pass others over. */
const PASSED_OVER_SHOWN = 5;

type BoardRowData = NonNullable<ReturnType<typeof boardRow>>;

/** Formats a row of the ranking for the table, in the reader's language. */
function tableRow(
  row: Omit<BoardRowData, 'beneficiaryFirstName' | 'beneficiaryLastName'>,
  money: (minor: number) => string,
  village: string,
  locale: Locale,
): BoardTableRow {
  return {
    applicationId: row.applicationId,
    rank: row.rank,
    score: row.score === null ? null : formatPoints(row.score, locale),
    reference: row.reference ?? '',
    title: row.title,
    sector: row.sector,
    village,
    requested: money(row.requestedAmount),
    status: row.status,
    awarded:
      row.status === 'awarded' && row.awardedAmount !== null ? money(row.awardedAmount) : null,
    waitlistPosition: row.status === 'waitlisted' ? row.waitlistPosition : null,
  };
}

/**
 * The open application's card: its forms and what they need (the jurors' comments, the
 * references it passes over, her language). Read for this one application only.
 */
function openRowView(
  board: { competitionId: number; finalRoundId: number; announced: boolean },
  applicationId: number,
  money: (minor: number) => string,
  villageOf: (localityId: number) => string,
  locale: Locale,
): BoardRowView | null {
  const row = boardRow(board.finalRoundId, applicationId);
  if (!row) return null;
  const comments = jurorCommentsOf([applicationId]).get(applicationId) ?? [];
  const above = notAwardedAbove(board.finalRoundId, row.rank, PASSED_OVER_SHOWN + 1).map(
    (r) => r.reference,
  );
  return {
    ...tableRow(row, money, villageOf(row.localityId), locale),
    requestedInput: moneyInputValue(row.requestedAmount),
    amountInput: moneyInputValue(row.awardedAmount ?? row.requestedAmount),
    reason: row.decisionReason,
    passesOver:
      above.length > PASSED_OVER_SHOWN ? [...above.slice(0, PASSED_OVER_SHOWN), '…'] : above,
    feedback: row.feedback,
    feedbackLanguage: feedbackLanguagesOf([applicationId]).get(applicationId)!,
    comments,
    suggestion: comments.join('\n'),
    // Offers follow each village's waiting list, first place first (offerPlace checks it again).
    nextOnWaitlist:
      board.announced &&
      row.status === 'waitlisted' &&
      firstWaitlistedIds(board.competitionId).includes(applicationId),
  };
}

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
  const villageOf = (localityId: number) => villages.get(localityId) ?? '';
  const { openRound, finalRound } = board;
  const state: BoardState = board.announced
    ? 'announced'
    : !board.finalRoundId
      ? 'no-closed-round'
      : board.roundStillOpen
        ? 'round-open'
        : 'ready';
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
    rows: board.rows.map((row) => tableRow(row, money, villageOf(row.localityId), locale)),
    open:
      board.finalRoundId && query.decide
        ? openRowView(
            { competitionId, finalRoundId: board.finalRoundId, announced: board.announced },
            query.decide,
            money,
            villageOf,
            locale,
          )
        : null,
  };
}

/**
 * The card of one application of the board (its forms), for an action that failed on it: the
 * page shows the refusal next to its field even when the post did not come from its open card.
 */
export function boardCardView(
  competitionId: number,
  locale: Locale,
  applicationId: number,
): BoardRowView | null {
  const board = decisionBoard(competitionId, { pageSize: 1 });
  if (!board?.finalRoundId) return null;
  const money = (minor: number) => formatMoney(minor, board.competition.currency, locale);
  const villages = new Map(board.quotas.map((q) => [q.localityId, localityName(q, locale)]));
  return openRowView(
    {
      competitionId,
      finalRoundId: board.finalRoundId,
      announced: board.announced,
    },
    applicationId,
    money,
    (localityId) => villages.get(localityId) ?? '',
    locale,
  );
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
