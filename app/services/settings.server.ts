// Programme-wide settings (issue 16, "Settings"): what an admin may change without a deploy.
// The registry below is the one place a setting is declared — its type, bounds and default.
// A setting never written reads as its default; a stored value that no longer fits its schema
// (a bound tightened later) also reads as the default rather than breaking a page.
import { eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { db, writeTransaction, type Tx } from '~db/client';
import { programmeSettings } from '~db/schema/settings';
import { appendAudit } from '~/models/audit.server';
import { SETTING_GROUPS, settingValueSchema, type SettingGroup } from '~/schemas/settings';
import type { SessionUser } from '~/utils/session.server';
import { clientIp } from '~/utils/request.server';
import { env } from '~/utils/env.server';
import { hasPermission } from '~/utils/permissions';

export const SETTINGS = {
  /** Years after a competition closes before its households' personal data is anonymised. */
  retentionYearsAfterClose: { schema: settingValueSchema('retentionYearsAfterClose'), default: 5 },
  /** Hours between the server's own backups (0: none, left to cron); BACKUP_INTERVAL_HOURS by default. */
  backupIntervalHours: {
    schema: settingValueSchema('backupIntervalHours'),
    get default() {
      return Math.round(env.BACKUP_INTERVAL_HOURS);
    },
  },
  /** How many complete backups are kept; BACKUP_KEEP by default. */
  backupKeep: {
    schema: settingValueSchema('backupKeep'),
    get default() {
      return env.BACKUP_KEEP;
    },
  },
  // What a NEW competition's form starts from (each competition keeps its own values).
  bookingCancelNoticeHours: { schema: settingValueSchema('bookingCancelNoticeHours'), default: 24 },
  bookingMoveNoticeHours: { schema: settingValueSchema('bookingMoveNoticeHours'), default: 24 },
  maxOpenBookings: { schema: settingValueSchema('maxOpenBookings'), default: 2 },
  requiredTrainingSessions: { schema: settingValueSchema('requiredTrainingSessions'), default: 0 },
  requiredConsultations: { schema: settingValueSchema('requiredConsultations'), default: 0 },
  /** A consultation's reminder goes this many hours before it (DESIGN.md: 24 h). */
  bookingReminderHours: { schema: settingValueSchema('bookingReminderHours'), default: 24 },
  /** A facilitator is reminded of a monitoring visit this many days before its due day. */
  visitReminderDays: { schema: settingValueSchema('visitReminderDays'), default: 7 },
} as const satisfies Record<string, { schema: z.ZodType; default: unknown }>;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]['schema']>;

/** A setting's current value (its default when never set), read in `tx` when given. */
export function readSetting<K extends SettingKey>(key: K, tx?: Tx): SettingValue<K> {
  const row = (tx ?? db)
    .select({ value: programmeSettings.value })
    .from(programmeSettings)
    .where(eq(programmeSettings.key, key))
    .get();
  const entry = SETTINGS[key];
  if (!row) return entry.default as SettingValue<K>;
  const parsed = entry.schema.safeParse(row.value);
  return (parsed.success ? parsed.data : entry.default) as SettingValue<K>;
}

export type SettingState = {
  key: SettingKey;
  value: number;
  defaultValue: number;
  /** Whether an admin has set it (even to its default), rather than it never being written. */
  isSet: boolean;
  updatedAt: Date | null;
};

/** Every setting of a group with its current value and default, for the admin's page. */
export function settingStates(group: SettingGroup): SettingState[] {
  const keys: readonly SettingKey[] = SETTING_GROUPS[group];
  const rows = db
    .select()
    .from(programmeSettings)
    .where(inArray(programmeSettings.key, [...keys]))
    .all();
  return keys.map((key) => {
    const row = rows.find((r) => r.key === key);
    return {
      key,
      value: readSetting(key),
      defaultValue: SETTINGS[key].default,
      isSet: Boolean(row),
      updatedAt: row?.updatedAt ?? null,
    };
  });
}

export type WriteSettingResult =
  { ok: true; changed: boolean } | { ok: false; error: 'forbidden' | 'invalid' };

/** Only an admin changes the programme's settings. */
export function mayChangeSettings(actor: SessionUser): boolean {
  return hasPermission(actor.roles, 'settings:manage');
}

/**
 * Sets one setting: an admin only, the value checked against the registry, the row and an audit
 * line (before → after) in one transaction. Writing the value it already has writes nothing.
 */
export function writeSetting<K extends SettingKey>(
  actor: SessionUser,
  key: K,
  value: unknown,
  request?: Request,
  tx?: Tx,
): WriteSettingResult {
  if (!mayChangeSettings(actor)) return { ok: false, error: 'forbidden' };
  const parsed = SETTINGS[key].schema.safeParse(value);
  if (!parsed.success) return { ok: false, error: 'invalid' };
  const write = (t: Tx): WriteSettingResult => {
    const before = readSetting(key, t);
    if (before === parsed.data) return { ok: true, changed: false };
    const now = new Date();
    t.insert(programmeSettings)
      .values({ key, value: parsed.data, updatedAt: now, updatedById: actor.user.id })
      .onConflictDoUpdate({
        target: programmeSettings.key,
        set: { value: parsed.data, updatedAt: now, updatedById: actor.user.id },
      })
      .run();
    appendAudit(t, {
      actorUserId: actor.user.id,
      action: 'setting.changed',
      entityType: 'setting',
      entityId: key,
      before: { [key]: before },
      after: { [key]: parsed.data },
      ipAddress: request ? clientIp(request) : null,
    });
    return { ok: true, changed: true };
  };
  return tx ? write(tx) : writeTransaction(write);
}

/**
 * Saves a group of the settings page: every value checked first, then all of them in one
 * transaction (one audit line per setting that changed).
 */
export function writeSettingGroup(
  actor: SessionUser,
  group: SettingGroup,
  values: Partial<Record<SettingKey, unknown>>,
  request?: Request,
): WriteSettingResult {
  if (!mayChangeSettings(actor)) return { ok: false, error: 'forbidden' };
  const keys: readonly SettingKey[] = SETTING_GROUPS[group];
  if (!keys.every((key) => SETTINGS[key].schema.safeParse(values[key]).success))
    return { ok: false, error: 'invalid' };
  return writeTransaction((tx) => {
    let changed = false;
    for (const key of keys) {
      const result = writeSetting(actor, key, values[key], request, tx);
      if (!result.ok) throw new Error(`setting ${key} refused after its group was checked`);
      changed ||= result.changed;
    }
    return { ok: true, changed };
  });
}
