// Closed sets of values shared by the database schema, the forms and the pages. Client-safe:
// db/schema imports these, never the other way round.

/** "dropped": a scheduled notice made void before its time (a moved or cancelled booking's reminder). */
export const MAIL_STATUSES = [
  'pending',
  'sending',
  'sent',
  'failed',
  'withheld',
  'dropped',
] as const;
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

/** How a consultation is held: at an address, by phone, or online with a link. */
export const CONSULTATION_MODES = ['in-person', 'phone', 'online'] as const;
export type ConsultationMode = (typeof CONSULTATION_MODES)[number];

/** A published consultation time: open for booking, or cancelled by its consultant or staff. */
export const CONSULTATION_SLOT_STATUSES = ['open', 'cancelled'] as const;
export type ConsultationSlotStatus = (typeof CONSULTATION_SLOT_STATUSES)[number];

/**
 * A family's place at a consultation: holding a place, waiting for one (the slot was full), or
 * cancelled (by her, her facilitator, staff, or because the slot was cancelled).
 */
export const BOOKING_STATUSES = ['booked', 'waiting', 'cancelled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** Recorded after the time; a cancelled booking is neither. */
export const BOOKING_ATTENDANCE = ['attended', 'family-no-show', 'consultant-no-show'] as const;
export type BookingAttendance = (typeof BOOKING_ATTENDANCE)[number];

/** What a consultation (or a family's question) is about. */
export const CONSULTATION_TOPICS = [
  'business-plan',
  'budget',
  'marketing',
  'bookkeeping',
  'livestock',
  'crop-farming',
  'sewing-crafts',
  'trade',
  'other',
] as const;
export type ConsultationTopic = (typeof CONSULTATION_TOPICS)[number];

/** The programme's group training topics. */
export const TRAINING_TOPICS = [
  'financial-literacy',
  'household-budget',
  'business-planning',
  'preventing-family-violence',
] as const;
export type TrainingTopic = (typeof TRAINING_TOPICS)[number];

export const TRAINING_SESSION_STATUSES = ['scheduled', 'cancelled'] as const;
export type TrainingSessionStatus = (typeof TRAINING_SESSION_STATUSES)[number];
