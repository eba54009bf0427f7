// The screening list as staff read it and export it: filtered, searched, sorted in the reader's
// language, with names, villages and competitions resolved.
import { collatorFor } from '~/i18n/intl-cache';
import type { Household } from '~db/schema/households';
import type { Locale } from '~/i18n/config';
import { localityName } from '~/i18n/locality';
import { pickLocalized } from '~/i18n/localized-text';
import { listApplicationsForScreening } from '~/models/application.server';
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

/** Every application matching the query, sorted; the page slices it, the exports take it all. */
export function screeningRows(query: ScreeningQuery, locale: Locale): ScreeningListRow[] {
  const competitions = new Map(listCompetitions().map((c) => [c.id, c]));
  const rows = listApplicationsForScreening({
    competitionId: query.competitionId,
    localityId: query.localityId,
    status: query.status,
    sector: query.sector,
    search: query.q,
  }).map((row): ScreeningListRow => {
    const competition = competitions.get(row.competitionId);
    const beneficiaryName =
      row.beneficiaryLastName || row.beneficiaryFirstName
        ? [row.beneficiaryLastName, row.beneficiaryFirstName].filter(Boolean).join(' ')
        : (row.accountName ?? '');
    return {
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
        ? (pickLocalized(
            { ky: competition.titleKy, ru: competition.titleRu, en: competition.titleEn },
            locale,
          )?.text ?? '')
        : '',
      ineligibleReason: row.ineligibleReason,
    };
  });
  return sortScreeningRows(rows, query, locale);
}

/**
 * Sorts with the reader's collation: in Kyrgyz, Ң follows Н, Ө follows О and Ү follows У —
 * an ordinary code-point sort would put them after Я. References sort by their number.
 */
export function sortScreeningRows<
  T extends Pick<ScreeningListRow, 'beneficiaryName' | 'reference' | 'submittedAt' | 'id'>,
>(rows: T[], query: Pick<ScreeningQuery, 'sort' | 'dir'>, locale: Locale): T[] {
  const collator = collatorFor(locale, { sensitivity: 'base', numeric: true });
  const sign = query.dir === 'desc' ? -1 : 1;
  // Rows without a value (no reference yet) go last whichever the direction.
  const nullsLast = <V>(a: V | null, b: V | null, compare: (x: V, y: V) => number) =>
    a === null && b === null ? 0 : a === null ? 1 : b === null ? -1 : sign * compare(a, b);
  const byReference = (a: T, b: T) => nullsLast(a.reference, b.reference, collator.compare);
  const compare = (a: T, b: T): number => {
    switch (query.sort) {
      case 'reference':
        return byReference(a, b) || a.id - b.id;
      case 'submitted':
        return (
          nullsLast(a.submittedAt, b.submittedAt, (x, y) => x.getTime() - y.getTime()) ||
          byReference(a, b) ||
          a.id - b.id
        );
      case 'name':
        return (
          sign * collator.compare(a.beneficiaryName, b.beneficiaryName) ||
          byReference(a, b) ||
          a.id - b.id
        );
    }
  };
  return [...rows].sort(compare);
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
