// Closed sets of values for grants and money out (DESIGN.md, "Grants and money out"). Client-safe:
// db/schema/grants.ts imports these, never the other way round.

/**
 * A grant's life: the agreement waits for signing, is signed, is completed when its 12-month
 * monitoring visit is recorded, or the award was taken back.
 */
export const GRANT_STATUSES = ['awaiting-signature', 'signed', 'completed', 'cancelled'] as const;
export type GrantStatus = (typeof GRANT_STATUSES)[number];

/** How a tranche's share of the grant is given: a percentage, a fixed sum, or what is left. */
export const TRANCHE_KINDS = ['percent', 'fixed', 'rest'] as const;
export type TrancheKind = (typeof TRANCHE_KINDS)[number];

/**
 * When a tranche may be paid. Every tranche needs the signed agreement; "after-receipts" also
 * needs the receipts of the tranche before it verified (the programme's 70 % / 30 % rule).
 */
export const TRANCHE_CONDITIONS = ['on-signing', 'after-receipts'] as const;
export type TrancheCondition = (typeof TRANCHE_CONDITIONS)[number];

/** The beneficiary's identity document named on the agreement: a passport or an ID card. */
export const IDENTITY_DOCUMENT_KINDS = ['passport', 'id-card'] as const;
export type IdentityDocumentKind = (typeof IDENTITY_DOCUMENT_KINDS)[number];

export const PAYMENT_METHODS = ['cash', 'bank', 'e-wallet'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Kyrgyz and Kazakh e-wallets families use; each limits a single operation. */
export const E_WALLET_PROVIDERS = [
  'o-dengi',
  'megapay',
  'elsom',
  'balance',
  'kaspi',
  'other',
] as const;
export type EWalletProvider = (typeof E_WALLET_PROVIDERS)[number];

/** What a money request asks for: pay a tranche, reverse a mistaken entry, record money returned. */
export const MONEY_REQUEST_KINDS = ['payment', 'reversal', 'repayment'] as const;
export type MoneyRequestKind = (typeof MONEY_REQUEST_KINDS)[number];

export const MONEY_REQUEST_STATUSES = ['requested', 'approved', 'rejected'] as const;
export type MoneyRequestStatus = (typeof MONEY_REQUEST_STATUSES)[number];
