// The screening list as staff read it and export it: filtered, searched, sorted in the reader's
// language, with names, villages and competitions resolved.
import type { Household } from '~db/schema/households';
import type { Locale } from '~/i18n/config';
import { localityName } from '~/i18n/locality';
import { pickLocalized, titleTexts } from '~/i18n/localized-text';
import {
  countScreening,
  screeningRowsByIds,
  screeningIdsInOrder,
  type ScreeningFilter,
} from '~/models/application.server';
import { listCompetitions } from '~/models/competition.server';
import { findUserById } from '~/models/user.server';
import type { ApplicationStatus, Currency, Sector } from '~/schemas/enums';
import type { ScreeningQuery } from '~/schemas/screening';
import type { FamilyNotice } from './applications.server';
import { withheldReason } from './notices.server';

export type ScreeningListRow = {
  id: number;
  reference: string | null;
  /** Surname first, as on the programme's paper lists. */
  beneficiaryName: string;
  locality: string;
  sector: Sector | null;
  title: string;
  requestedAmount: number;
  currency: Currency;
  status: ApplicationStatus;
  submittedAt: Date | null;
  /** The competition's time zone, in which its dates are shown. */
  timeZone: string;
  competitionId: number;
  competitionTitle: string;
  ineligibleReason: string | null;
};

type Competitions = Map<number, ReturnType<typeof listCompetitions>[number]>;

function filterOf(query: ScreeningQuery): ScreeningFilter {
  return {
    competitionId: query.competitionId,
    localityId: query.localityId,
    status: query.status,
    sector: query.sector,
    search: query.q,
  };
}

/** The rows of these applications, in the order of `ids`, their facts read in one query. */
function rowsByIds(ids: number[], locale: Locale, competitions: Competitions): ScreeningListRow[] {
  if (ids.length === 0) return [];
  const facts = new Map(screeningRowsByIds(ids).map((row) => [row.id, row]));
  return ids.flatMap((id): ScreeningListRow[] => {
    const row = facts.get(id);
    if (!row) return [];
    const competition = competitions.get(row.competitionId);
    const beneficiaryName =
      row.beneficiaryLastName || row.beneficiaryFirstName
        ? [row.beneficiaryLastName, row.beneficiaryFirstName].filter(Boolean).join(' ')
        : (row.accountName ?? '');
    return [
      {
        id: row.id,
        reference: row.reference,
        beneficiaryName,
        locality: localityName(
          { nameKy: row.localityKy, nameRu: row.localityRu, nameEn: row.localityEn },
          locale,
        ),
        sector: row.sector,
        title: row.title,
        requestedAmount: row.requestedAmount,
        currency: row.currency,
        status: row.status,
        submittedAt: row.submittedAt,
        timeZone: competition?.timezone ?? 'Asia/Bishkek',
        competitionId: row.competitionId,
        competitionTitle: competition
          ? (pickLocalized(titleTexts(competition), locale)?.text ?? '')
          : '',
        ineligibleReason: row.ineligibleReason,
      },
    ];
  });
}

function competitionsById(): Competitions {
  return new Map(listCompetitions().map((c) => [c.id, c]));
}

/**
 * One page of the list: filtered, sorted in the reader's language and cut to the page inside
 * SQLite, so only the page's rows are read, whatever the number of applications.
 */
export function screeningPage(
  query: ScreeningQuery,
  locale: Locale,
  page: number,
  pageSize: number,
): { total: number; page: number; rows: ScreeningListRow[] } {
  const filter = filterOf(query);
  const total = countScreening(filter);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const shown = Math.min(Math.max(1, page), pages);
  const ids = screeningIdsInOrder(filter, query, locale, {
    limit: pageSize,
    offset: (shown - 1) * pageSize,
  });
  return { total, page: shown, rows: rowsByIds(ids, locale, competitionsById()) };
}

/** How many rows the exports read at once. */
const BATCH = 500;

/**
 * Every matching row in the list's order, for the exports: the ordered ids first (small), then
 * the rows a batch at a time as the file is written. No query stays open between batches:
 * better-sqlite3 refuses writes on a connection while a statement is being iterated, and the
 * response is written over many turns of the event loop.
 */
export function* screeningRowsInOrder(
  query: ScreeningQuery,
  locale: Locale,
): Generator<ScreeningListRow> {
  const ids = screeningIdsInOrder(filterOf(query), query, locale);
  const competitions = competitionsById();
  for (let start = 0; start < ids.length; start += BATCH) {
    yield* rowsByIds(ids.slice(start, start + BATCH), locale, competitions);
  }
}

/** Every application matching the query, sorted in the reader's language. */
export function screeningRows(query: ScreeningQuery, locale: Locale): ScreeningListRow[] {
  return [...screeningRowsInOrder(query, locale)];
}

/**
 * How the family would learn of a decision taken now — the same rule as the outbox's, so the
 * page can tell staff beforehand whether she gets an e-mail or must be told another way.
 */
export function familyNoticeFor(household: Pick<Household, 'userId'>): FamilyNotice {
  const family = household.userId ? findUserById(household.userId) : undefined;
  if (!family) return 'no-account';
  return withheldReason(family, 'programme') ?? 'email';
}
