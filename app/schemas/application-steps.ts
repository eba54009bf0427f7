// The application form's steps, in order. Client-safe and free of zod, so that any page may
// import them without the schemas.
export const APPLICATION_STEPS = [
  'beneficiary',
  'idea',
  'budget',
  'plan',
  'documents',
  'review',
] as const;
export type ApplicationStep = (typeof APPLICATION_STEPS)[number];

export function isApplicationStep(value: unknown): value is ApplicationStep {
  return typeof value === 'string' && (APPLICATION_STEPS as readonly string[]).includes(value);
}
