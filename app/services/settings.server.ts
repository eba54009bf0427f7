// Programme-wide settings (issue 16, "Settings"): what an admin may change without a deploy.
// The registry below is the one place a setting is declared — its type, bounds and default.
// A setting never written reads as its default; a stored value that no longer fits its schema
// (a bound tightened later) also reads as the default rather than breaking a page.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { db, type Tx } from '~db/client';
import { programmeSettings } from '~db/schema/settings';

export const SETTINGS = {
  /** Years after a competition closes before its households' personal data is anonymised. */
  retentionYearsAfterClose: { schema: z.number().int().min(1).max(50), default: 5 },
} as const;

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
