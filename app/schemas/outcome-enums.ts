// Closed sets of values for outcomes: baselines, monitoring visits and the family's own reports
// (DESIGN.md, "Outcomes"). Client-safe: db/schema/outcomes.ts imports these, never the other way.

/** Visits fall due this many months after the grant's first payment. */
export const VISIT_MONTHS = [3, 6, 12] as const;
export type VisitMonth = (typeof VISIT_MONTHS)[number];

/** The visit whose recording completes a grant. */
export const FINAL_VISIT_MONTH: VisitMonth = 12;

/** "due" until recorded; overdue is a due visit past its date (derived, never stored). */
export const VISIT_STATUSES = ['due', 'done'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

export const BUSINESS_STATUSES = ['operating', 'paused', 'closed'] as const;
export type BusinessStatus = (typeof BUSINESS_STATUSES)[number];

/**
 * "Who usually decides …?", answered as demographic surveys (DHS, pro-WEAI) ask it, by the
 * beneficiary alone. "herself" and the two joint answers count as her having a say.
 */
export const AGENCY_DECIDERS = [
  'herself',
  'jointly-husband',
  'jointly-in-laws',
  'husband',
  'parent-in-law',
  'someone-else',
] as const;
export type AgencyDecider = (typeof AGENCY_DECIDERS)[number];

/** The answers that count as deciding on her own earnings "alone or jointly". */
export const AGENCY_SAY_ANSWERS: readonly AgencyDecider[] = [
  'herself',
  'jointly-husband',
  'jointly-in-laws',
];

/** The three "who decides" questions, asked at the baseline and at every visit. */
export const AGENCY_QUESTIONS = ['ownEarnings', 'largePurchases', 'businessMoney'] as const;
export type AgencyQuestion = (typeof AGENCY_QUESTIONS)[number];

/** The household's main sources of income at the baseline (several may apply). */
export const INCOME_SOURCES = [
  'wages',
  'crop-farming',
  'livestock',
  'trade',
  'remittances',
  'pension-benefits',
  'seasonal-work',
  'other',
] as const;
export type IncomeSource = (typeof INCOME_SOURCES)[number];

/** Whether the assets bought with the grant are there and used. */
export const ASSET_STATES = ['present-used', 'present-unused', 'partly', 'missing'] as const;
export type AssetState = (typeof ASSET_STATES)[number];
