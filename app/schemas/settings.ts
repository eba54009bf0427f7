// The programme settings an admin changes at /admin/settings (issue 16, "Settings"): their bounds
// and groups. Client-safe, so the page checks a field as the admin types it with the same bounds
// the server keeps (app/services/settings.server.ts builds its registry from these).
import { z } from 'zod';

/** Every setting is a whole number between its bounds. */
export const SETTING_BOUNDS = {
  retentionYearsAfterClose: { min: 1, max: 50 },
  // 0 leaves backups to cron; at most 24 days, as BACKUP_INTERVAL_HOURS (Node's timer limit).
  backupIntervalHours: { min: 0, max: 24 * 24 },
  backupKeep: { min: 1, max: 365 },
  bookingCancelNoticeHours: { min: 0, max: 720 },
  bookingMoveNoticeHours: { min: 0, max: 720 },
  maxOpenBookings: { min: 0, max: 20 },
  requiredTrainingSessions: { min: 0, max: 50 },
  requiredConsultations: { min: 0, max: 10 },
  bookingReminderHours: { min: 1, max: 168 },
  visitReminderDays: { min: 1, max: 60 },
} as const;

export type SettingKey = keyof typeof SETTING_BOUNDS;

/** The page's groups, each saved by its own button. */
export const SETTING_GROUPS = {
  privacy: ['retentionYearsAfterClose'],
  backups: ['backupIntervalHours', 'backupKeep'],
  newCompetition: [
    'bookingCancelNoticeHours',
    'bookingMoveNoticeHours',
    'maxOpenBookings',
    'requiredTrainingSessions',
    'requiredConsultations',
  ],
  reminders: ['bookingReminderHours', 'visitReminderDays'],
} as const satisfies Record<string, readonly SettingKey[]>;

export type SettingGroup = keyof typeof SETTING_GROUPS;

export const SETTING_GROUP_NAMES = Object.keys(SETTING_GROUPS) as SettingGroup[];

export function isSettingGroup(value: string): value is SettingGroup {
  return Object.hasOwn(SETTING_GROUPS, value);
}

/** A stored value: a whole number within the setting's bounds. */
export function settingValueSchema(key: SettingKey) {
  const { min, max } = SETTING_BOUNDS[key];
  return z.number().int().min(min).max(max);
}

/** The message of a value out of bounds names the bounds (admin:settings.range). */
export const SETTING_RANGE_MESSAGE = 'admin:settings.range';

/** A field as the form posts it: digits only, then within the setting's bounds. */
function settingField(key: SettingKey) {
  const { min, max } = SETTING_BOUNDS[key];
  return z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, 'validation.required')
    .regex(/^\d{1,6}$/, 'validation.wholeNumber')
    .transform(Number)
    .pipe(z.number().min(min, SETTING_RANGE_MESSAGE).max(max, SETTING_RANGE_MESSAGE));
}

/** The form of one group: its settings' fields. */
export function settingGroupSchema(group: SettingGroup) {
  const keys: readonly SettingKey[] = SETTING_GROUPS[group];
  return z.object(Object.fromEntries(keys.map((key) => [key, settingField(key)]))) as z.ZodType<
    Partial<Record<SettingKey, number>>,
    Record<string, string>
  >;
}
