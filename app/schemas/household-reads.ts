// What a staff member or facilitator opened of a family's file (the read-access log). Client-safe,
// so the admin's page labels each kind (admin:reads.kinds.*).
export const HOUSEHOLD_READ_KINDS = [
  'household',
  'application',
  'attachment',
  'grant',
  'agreement',
  'agreement-scan',
  'receipt',
  'photo',
  'visit',
  'data-download',
] as const;

export type HouseholdReadKind = (typeof HOUSEHOLD_READ_KINDS)[number];
