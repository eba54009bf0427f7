import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core';
import {
  E_WALLET_PROVIDERS,
  GRANT_STATUSES,
  IDENTITY_DOCUMENT_KINDS,
  MONEY_REQUEST_KINDS,
  MONEY_REQUEST_STATUSES,
  PAYMENT_METHODS,
  TRANCHE_CONDITIONS,
  TRANCHE_KINDS,
} from '../../app/schemas/grant-enums';
import { CURRENCIES } from '../../app/schemas/enums';
import { id, instant, timestamps } from '../columns';
import { applications } from './applications';
import { competitions } from './competitions';
import { householdMembers } from './households';
import { users } from './people';

/** One step of a tranche plan: a share of the grant and when it may be paid. */
export type TrancheStep = {
  kind: (typeof TRANCHE_KINDS)[number];
  /** percent: basis points (7000 = 70 %); fixed: minor units; rest: 0. */
  value: number;
  condition: (typeof TRANCHE_CONDITIONS)[number];
};

/**
 * A competition's tranche-plan template, copied onto each grant when it is created (a table of
 * its own, so competitions need no new column). No row: the programme's default, 70 % on signing
 * and the rest after the purchases are verified.
 */
export const competitionTranchePlans = sqliteTable('competition_tranche_plans', {
  competitionId: integer()
    .primaryKey()
    .references(() => competitions.id, { onDelete: 'cascade' }),
  steps: text({ mode: 'json' }).$type<TrancheStep[]>().notNull(),
  ...timestamps,
});

/**
 * One grant per awarded application, in the beneficiary's name (usually the daughter-in-law).
 * The amount is in the competition's minor unit; what was paid is the sum of its ledger entries.
 * The agreement's signing and the payment method are recorded here.
 */
export const grants = sqliteTable(
  'grants',
  {
    id: id(),
    competitionId: integer()
      .notNull()
      .references(() => competitions.id),
    applicationId: integer()
      .notNull()
      .references(() => applications.id),
    beneficiaryMemberId: integer().references(() => householdMembers.id),
    amount: integer().notNull(),
    currency: text({ enum: CURRENCIES }).notNull(),
    status: text({ enum: GRANT_STATUSES }).notNull().default('awaiting-signature'),
    // ---- The beneficiary's identity document, named on the agreement ----
    identityDocumentKind: text({ enum: IDENTITY_DOCUMENT_KINDS }),
    /** Normalised (upper case, no spaces); pages other than the agreement and staff's mask it. */
    identityDocumentNumber: text(),
    // ---- The agreement's signing ----
    signedOn: instant(),
    /** The name of the person who signed (the beneficiary herself, as written on the paper). */
    signedByName: text(),
    witnessName: text(),
    /** A scan or photo of the signed paper: its storage key under UPLOADS_PATH. */
    scanPath: text(),
    signingRecordedById: integer().references(() => users.id),
    // ---- How the money is paid ----
    paymentMethod: text({ enum: PAYMENT_METHODS }),
    walletProvider: text({ enum: E_WALLET_PROVIDERS }),
    /** The e-wallet's phone number; pages show it masked. */
    walletPhone: text(),
    bankAccount: text(),
    /** The most the method takes in one operation (minor units), e.g. 30 000 som for a wallet. */
    perOperationLimit: integer(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('grants_application_idx').on(t.applicationId),
    index('grants_competition_idx').on(t.competitionId, t.status),
    check('grants_amount_positive', sql`${t.amount} > 0`),
  ],
);

/** A grant's tranches, in order. Their amounts always sum exactly to the grant's amount. */
export const grantTranches = sqliteTable(
  'grant_tranches',
  {
    id: id(),
    grantId: integer()
      .notNull()
      .references(() => grants.id),
    position: integer().notNull(),
    kind: text({ enum: TRANCHE_KINDS }).notNull(),
    value: integer().notNull(),
    condition: text({ enum: TRANCHE_CONDITIONS }).notNull(),
    amount: integer().notNull(),
    /** Staff checked the purchases of this tranche: the next "after-receipts" tranche may be paid. */
    receiptsVerifiedAt: instant(),
    receiptsVerifiedById: integer().references(() => users.id),
    ...timestamps,
  },
  (t) => [uniqueIndex('grant_tranches_position_idx').on(t.grantId, t.position)],
);

/**
 * A request to move money, recorded by one staff member and approved or rejected by another
 * (four eyes, the programme's rule). A payment names its tranche; a reversal the entry it
 * reverses; a repayment is money the family gave back.
 */
export const moneyRequests = sqliteTable(
  'money_requests',
  {
    id: id(),
    grantId: integer()
      .notNull()
      .references(() => grants.id),
    kind: text({ enum: MONEY_REQUEST_KINDS }).notNull(),
    trancheId: integer().references(() => grantTranches.id),
    reversesEntryId: integer().references((): AnySQLiteColumn => ledgerEntries.id),
    /** Minor units, always positive here; the ledger entry carries the sign. */
    amount: integer().notNull(),
    method: text({ enum: PAYMENT_METHODS }).notNull(),
    /** The day the money moved (or will), as the voucher or the transfer says. */
    paidOn: instant().notNull(),
    /** Transaction id or cash-voucher number. */
    reference: text().notNull(),
    /** Why: required for a reversal and a repayment. */
    note: text(),
    status: text({ enum: MONEY_REQUEST_STATUSES }).notNull().default('requested'),
    recordedById: integer()
      .notNull()
      .references(() => users.id),
    decidedById: integer().references(() => users.id),
    decidedAt: instant(),
    rejectionReason: text(),
    ...timestamps,
  },
  (t) => [
    index('money_requests_grant_idx').on(t.grantId, t.status),
    index('money_requests_status_idx').on(t.status),
    check('money_requests_amount_positive', sql`${t.amount} > 0`),
    // The database itself refuses a decision by the person who recorded the request.
    check(
      'money_requests_four_eyes',
      sql`${t.decidedById} is null or ${t.decidedById} <> ${t.recordedById}`,
    ),
  ],
);

/**
 * The money ledger: append-only (triggers refuse UPDATE and DELETE). A payment is positive; a
 * repayment negative; a reversal carries the opposite sign of the entry it names. What was paid on
 * a grant is the sum of its entries.
 */
export const ledgerEntries = sqliteTable(
  'ledger_entries',
  {
    id: id(),
    grantId: integer()
      .notNull()
      .references(() => grants.id),
    trancheId: integer().references(() => grantTranches.id),
    moneyRequestId: integer()
      .notNull()
      .references(() => moneyRequests.id),
    kind: text({ enum: MONEY_REQUEST_KINDS }).notNull(),
    /** Signed minor units. */
    amount: integer().notNull(),
    currency: text({ enum: CURRENCIES }).notNull(),
    method: text({ enum: PAYMENT_METHODS }).notNull(),
    reference: text().notNull(),
    paidAt: instant().notNull(),
    recordedById: integer()
      .notNull()
      .references(() => users.id),
    approvedById: integer()
      .notNull()
      .references(() => users.id),
    /** One entry per approved request, however often the approval arrives. */
    idempotencyKey: text().notNull(),
    reversesEntryId: integer(),
    reason: text(),
    createdAt: instant()
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    uniqueIndex('ledger_entries_idempotency_idx').on(t.idempotencyKey),
    uniqueIndex('ledger_entries_request_idx').on(t.moneyRequestId),
    // An entry is reversed at most once.
    uniqueIndex('ledger_entries_reverses_idx').on(t.reversesEntryId),
    index('ledger_entries_grant_idx').on(t.grantId),
    index('ledger_entries_tranche_idx').on(t.trancheId),
    check('ledger_entries_four_eyes', sql`${t.approvedById} <> ${t.recordedById}`),
    check('ledger_entries_nonzero', sql`${t.amount} <> 0`),
  ],
);

export type Grant = typeof grants.$inferSelect;
export type GrantTranche = typeof grantTranches.$inferSelect;
export type MoneyRequest = typeof moneyRequests.$inferSelect;
export type LedgerEntry = typeof ledgerEntries.$inferSelect;
