// Closed sets of values shared by the database schema, the forms and the pages. Client-safe:
// db/schema imports these, never the other way round.

export const MAIL_STATUSES = ['pending', 'sending', 'sent', 'failed', 'withheld'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** A competition's life; issue order: draft → open → screening → judging → decided → … */
export const COMPETITION_STATUSES = [
  'draft',
  'open',
  'screening',
  'judging',
  'decided',
  'disbursing',
  'monitoring',
  'closed',
] as const;
export type CompetitionStatus = (typeof COMPETITION_STATUSES)[number];

export const CURRENCIES = ['KGS', 'KZT'] as const;
export type Currency = (typeof CURRENCIES)[number];

export const SECTORS = [
  'crop-farming',
  'livestock',
  'sewing',
  'baking-food',
  'trade',
  'services',
  'crafts',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];

/** A household member's relation to the head of the household. */
export const RELATIONS = [
  'head',
  'spouse',
  'daughter-in-law',
  'son',
  'daughter',
  'mother-in-law',
  'father-in-law',
  'other',
] as const;
export type Relation = (typeof RELATIONS)[number];

export const SEXES = ['female', 'male'] as const;
export type Sex = (typeof SEXES)[number];

/** Which sex may hold a competition's grant. */
export const BENEFICIARY_SEX_RULES = ['female', 'male', 'any'] as const;
export type BeneficiarySexRule = (typeof BENEFICIARY_SEX_RULES)[number];

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'eligible',
  'ineligible',
  'in-review',
  'shortlisted',
  'awarded',
  'waitlisted',
  'not-selected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** How a family gave its consent to a facilitator entering data on its behalf. */
export const CONSENT_METHODS = ['signed-paper', 'spoken-in-presence'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export const ATTACHMENT_KINDS = ['photo', 'price-quote', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** How a household came into Ishenim. */
export const HOUSEHOLD_SOURCES = ['self', 'facilitator', 'import'] as const;
export type HouseholdSource = (typeof HOUSEHOLD_SOURCES)[number];

/** A jury round: prepared, open for scoring, closed (scores final, ranking fixed). */
export const ROUND_STATUSES = ['draft', 'open', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export const ASSIGNMENT_STATUSES = ['active', 'recused'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const SCORE_STATUSES = ['draft', 'submitted'] as const;
export type ScoreStatus = (typeof SCORE_STATUSES)[number];

/** Which of her applications the juror's queue shows: all, not yet started, drafts, submitted. */
export const QUEUE_FILTERS = ['all', 'to-score', 'draft', 'submitted'] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];
