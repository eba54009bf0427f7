// The money forms' schemas, used by the form in the browser and by the action (client-safe).
import { z } from 'zod';
import { optionalText, requiredText, rowId } from './fields';
import {
  E_WALLET_PROVIDERS,
  IDENTITY_DOCUMENT_KINDS,
  PAYMENT_METHODS,
  TRANCHE_CONDITIONS,
  TRANCHE_KINDS,
} from './grant-enums';
import { parseMoneyInput } from '~/utils/money';

const money = () =>
  z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, 'validation.required')
    .refine((v) => parseMoneyInput(v) !== null, 'validation.money')
    .transform((v) => parseMoneyInput(v)!)
    .refine((v) => v > 0, 'validation.positive');

/**
 * A day from a date field. Kept as 06:00 UTC — noon in Bishkek, mid-morning in Almaty — so the
 * day is the same in every zone the programme runs in.
 */
const day = () =>
  z
    .string({ error: 'validation.required' })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date')
    .transform((v) => new Date(`${v}T06:00:00Z`))
    .refine((d) => !Number.isNaN(d.getTime()), 'validation.date');

const method = () => z.enum(PAYMENT_METHODS, { error: 'validation.invalid' });

/** "an 123 45 67" → "AN1234567": how a document number is kept and compared. */
export function normaliseDocumentNumber(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase();
}

/**
 * The Kyrgyz documents the programme accepts: an ID card is "ID" and 7 digits; a passport (the
 * old internal one or a foreign one) two Latin letters and 7 digits. A number from another country
 * is written as 6 to 12 letters and digits. The check is on the normalised number.
 */
export function identityDocumentNumberOk(
  kind: (typeof IDENTITY_DOCUMENT_KINDS)[number],
  number: string,
): boolean {
  if (kind === 'id-card') return /^ID\d{7}$/.test(number);
  return /^[A-Z]{2}\d{7}$/.test(number) || /^(?=.*\d)[A-Z0-9]{6,12}$/.test(number);
}

const identityFields = {
  identityDocumentKind: z.enum(IDENTITY_DOCUMENT_KINDS, { error: 'validation.required' }),
  identityDocumentNumber: z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, 'validation.required')
    .max(40, 'validation.tooLong')
    .transform(normaliseDocumentNumber),
};

function checkIdentityNumber(
  value: {
    identityDocumentKind: (typeof IDENTITY_DOCUMENT_KINDS)[number];
    identityDocumentNumber: string;
  },
  ctx: z.RefinementCtx,
) {
  if (!identityDocumentNumberOk(value.identityDocumentKind, value.identityDocumentNumber))
    ctx.addIssue({
      code: 'custom',
      path: ['identityDocumentNumber'],
      message: 'validation.identityDocument',
    });
}

/** Staff enter the beneficiary's identity document before the agreement is printed. */
export const identityDocumentSchema = z.object(identityFields).superRefine(checkIdentityNumber);

export const signingSchema = z
  .object({
    ...identityFields,
    signedOn: day(),
    signedByName: requiredText(200),
    witnessName: requiredText(200),
    paymentMethod: method(),
    walletProvider: z
      .union([z.enum(E_WALLET_PROVIDERS), z.literal('')], { error: 'validation.invalid' })
      .optional()
      .transform((v) => (v ? v : null)),
    walletPhone: optionalText(30),
    bankAccount: optionalText(60),
    perOperationLimit: z
      .string()
      .trim()
      .optional()
      .refine((v) => !v || parseMoneyInput(v) !== null, 'validation.money')
      .transform((v) => (v ? parseMoneyInput(v) : null)),
  })
  .superRefine((value, ctx) => {
    checkIdentityNumber(value, ctx);
    if (value.paymentMethod === 'e-wallet') {
      if (!value.walletProvider)
        ctx.addIssue({ code: 'custom', path: ['walletProvider'], message: 'validation.required' });
      if (!/^\+?[\d\s()-]{9,20}$/.test(value.walletPhone))
        ctx.addIssue({ code: 'custom', path: ['walletPhone'], message: 'validation.phone' });
    }
    if (value.paymentMethod === 'bank' && !value.bankAccount)
      ctx.addIssue({ code: 'custom', path: ['bankAccount'], message: 'validation.required' });
  });

export const paymentRequestSchema = z.object({
  trancheId: rowId(),
  amount: money(),
  method: method(),
  paidOn: day(),
  reference: requiredText(80),
});

export const rejectSchema = z.object({
  requestId: rowId(),
  reason: requiredText(500),
});

export const requestIdSchema = z.object({ requestId: rowId() });
export const trancheIdSchema = z.object({ trancheId: rowId() });

export const reversalSchema = z.object({
  entryId: rowId(),
  paidOn: day(),
  reference: requiredText(80),
  reason: requiredText(500),
});

export const repaymentSchema = z.object({
  amount: money(),
  method: method(),
  paidOn: day(),
  reference: requiredText(80),
  reason: requiredText(500),
});

/** How many steps the plan form offers; the programme's plans have two or three. */
export const PLAN_ROWS = 3;

const planRow = () => ({
  kind: z.union([z.enum(TRANCHE_KINDS), z.literal('')], { error: 'validation.invalid' }),
  value: z.string().trim().max(20, 'validation.tooLong'),
  condition: z.enum(TRANCHE_CONDITIONS, { error: 'validation.invalid' }),
});

/** "70" or "33,33" → basis points; a fixed sum → minor units; null when it is not a number. */
function stepValue(kind: (typeof TRANCHE_KINDS)[number], raw: string): number | null {
  if (kind === 'rest') return 0;
  if (kind === 'fixed') return parseMoneyInput(raw);
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(raw);
  return match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : null;
}

/** A grant's (or a competition's) tranche plan: rows with an empty kind are left out. */
export const planSchema = z
  .object({
    kind1: planRow().kind,
    value1: planRow().value,
    condition1: planRow().condition,
    kind2: planRow().kind.optional(),
    value2: planRow().value.optional(),
    condition2: planRow().condition.optional(),
    kind3: planRow().kind.optional(),
    value3: planRow().value.optional(),
    condition3: planRow().condition.optional(),
  })
  .transform((v, ctx) => {
    const rows = [
      [v.kind1, v.value1, v.condition1],
      [v.kind2, v.value2, v.condition2],
      [v.kind3, v.value3, v.condition3],
    ] as const;
    const steps: {
      kind: (typeof TRANCHE_KINDS)[number];
      value: number;
      condition: (typeof TRANCHE_CONDITIONS)[number];
    }[] = [];
    rows.forEach(([kind, raw, condition], index) => {
      if (!kind) return;
      const value = stepValue(kind, raw ?? '');
      if (value === null) {
        ctx.addIssue({
          code: 'custom',
          path: [`value${index + 1}`],
          message: 'validation.invalid',
        });
        return;
      }
      steps.push({ kind, value, condition: condition ?? 'after-receipts' });
    });
    return steps;
  });
