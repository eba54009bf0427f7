// Programme settings (issue 16, "Settings"): an admin changes them, each change is audited with
// its value before and after, a bad value is refused with nothing written, and what reads a
// setting (the new competition's form, the backup schedule) follows the change.
import fs from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '~db/client';
import { auditLog } from '~db/schema/audit';
import { programmeSettings } from '~db/schema/settings';
import { settingGroupSchema } from '~/schemas/settings';
import {
  BACKUP_SCHEDULE_TICK_MS,
  listBackups,
  startBackupSchedule,
} from '~/services/backups.server';
import {
  readSetting,
  settingStates,
  writeSetting,
  writeSettingGroup,
} from '~/services/settings.server';
import { newCompetitionFormValues } from '~/utils/competition-form.server';
import { env } from '~/utils/env.server';
import { createUser } from '../support/factories';
import { sessionUserOf } from '../support/session-user';

beforeEach(() => {
  db.delete(programmeSettings).run();
});

function auditLinesOf(key: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'setting.changed'), eq(auditLog.entityId, key)))
    .all();
}

describe('writing a setting', () => {
  it('an admin changes it; the audit line holds the value before and after', async () => {
    const admin = sessionUserOf(await createUser({ roles: ['admin'] }));
    expect(readSetting('maxOpenBookings')).toBe(2);
    const before = auditLinesOf('maxOpenBookings').length;

    expect(writeSetting(admin, 'maxOpenBookings', 3)).toEqual({ ok: true, changed: true });

    expect(readSetting('maxOpenBookings')).toBe(3);
    const lines = auditLinesOf('maxOpenBookings');
    expect(lines).toHaveLength(before + 1);
    const line = lines.at(-1)!;
    expect(line.actorUserId).toBe(admin.user.id);
    expect(line.entityType).toBe('setting');
    expect(JSON.parse(line.before!)).toEqual({ maxOpenBookings: 2 });
    expect(JSON.parse(line.after!)).toEqual({ maxOpenBookings: 3 });
  });

  it('writing the value it already has writes nothing', async () => {
    const admin = sessionUserOf(await createUser({ roles: ['admin'] }));
    const before = auditLinesOf('visitReminderDays').length;
    expect(writeSetting(admin, 'visitReminderDays', 7)).toEqual({ ok: true, changed: false });
    expect(auditLinesOf('visitReminderDays')).toHaveLength(before);
    expect(settingStates('reminders').find((s) => s.key === 'visitReminderDays')?.isSet).toBe(
      false,
    );
  });

  it.each([['staff'], ['facilitator'], ['applicant']] as const)(
    'a %s may not change one',
    async (role) => {
      const person = sessionUserOf(await createUser({ roles: [role] }));
      expect(writeSetting(person, 'retentionYearsAfterClose', 9)).toEqual({
        ok: false,
        error: 'forbidden',
      });
      expect(readSetting('retentionYearsAfterClose')).toBe(5);
    },
  );

  it.each([[0], [51], [2.5], ['7'], [null]])(
    'a value outside the registry (%s) is refused and nothing is written',
    async (value) => {
      const admin = sessionUserOf(await createUser({ roles: ['admin'] }));
      const before = auditLinesOf('retentionYearsAfterClose').length;
      expect(writeSetting(admin, 'retentionYearsAfterClose', value)).toEqual({
        ok: false,
        error: 'invalid',
      });
      expect(readSetting('retentionYearsAfterClose')).toBe(5);
      expect(auditLinesOf('retentionYearsAfterClose')).toHaveLength(before);
    },
  );

  it('a group is saved whole or not at all', async () => {
    const admin = sessionUserOf(await createUser({ roles: ['admin'] }));
    expect(writeSettingGroup(admin, 'backups', { backupIntervalHours: 12, backupKeep: 0 })).toEqual(
      { ok: false, error: 'invalid' },
    );
    expect(readSetting('backupIntervalHours')).toBe(env.BACKUP_INTERVAL_HOURS);
    expect(writeSettingGroup(admin, 'backups', { backupIntervalHours: 12, backupKeep: 4 })).toEqual(
      { ok: true, changed: true },
    );
    expect([readSetting('backupIntervalHours'), readSetting('backupKeep')]).toEqual([12, 4]);
  });

  it('a stored value that no longer fits its bounds reads as the default', () => {
    db.insert(programmeSettings).values({ key: 'backupKeep', value: 100_000 }).run();
    expect(readSetting('backupKeep')).toBe(env.BACKUP_KEEP);
  });
});

describe('the form of a group', () => {
  const schema = settingGroupSchema('privacy');
  it('reads digits within the bounds, and names the bounds otherwise', () => {
    expect(schema.safeParse({ retentionYearsAfterClose: ' 7 ' })).toMatchObject({
      success: true,
      data: { retentionYearsAfterClose: 7 },
    });
    // The form shows a field's first message.
    const message = (value: string) => {
      const result = schema.safeParse({ retentionYearsAfterClose: value });
      return result.success ? null : result.error.issues[0]?.message;
    };
    expect(message('')).toBe('validation.required');
    expect(message('7.5')).toBe('validation.wholeNumber');
    expect(message('0')).toBe('admin:settings.range');
    expect(message('51')).toBe('admin:settings.range');
  });
});

describe('what follows a setting', () => {
  it("a new competition's form starts from the programme's defaults", async () => {
    const admin = sessionUserOf(await createUser({ roles: ['admin'] }));
    expect(newCompetitionFormValues()).toMatchObject({
      maxOpenBookings: '2',
      bookingCancelNoticeHours: '24',
    });
    writeSettingGroup(admin, 'newCompetition', {
      bookingCancelNoticeHours: 48,
      bookingMoveNoticeHours: 12,
      maxOpenBookings: 1,
      requiredTrainingSessions: 2,
      requiredConsultations: 1,
    });
    expect(newCompetitionFormValues()).toMatchObject({
      bookingCancelNoticeHours: '48',
      bookingMoveNoticeHours: '12',
      maxOpenBookings: '1',
      requiredTrainingSessions: '2',
      requiredConsultations: '1',
    });
  });

  describe('the backup schedule', () => {
    let work: string;
    beforeEach(() => {
      work = fs.mkdtempSync(path.resolve('test-results/vitest-db/settings-backups-'));
    });
    afterEach(() => {
      vi.useRealTimers();
      fs.rmSync(work, { recursive: true, force: true });
    });

    it('picks up a changed interval without a restart', async () => {
      const admin = sessionUserOf(await createUser({ roles: ['admin'] }));
      const backupDir = path.join(work, 'backups');
      const uploadsDir = path.join(work, 'uploads');
      writeSetting(admin, 'backupIntervalHours', 0);
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
      const stop = startBackupSchedule(undefined, { backupDir, uploadsDir });
      try {
        vi.advanceTimersByTime(48 * 60 * 60_000);
        expect(listBackups(backupDir)).toEqual([]);

        writeSetting(admin, 'backupIntervalHours', 2);
        vi.advanceTimersByTime(2 * 60 * 60_000 - BACKUP_SCHEDULE_TICK_MS);
        expect(fs.existsSync(backupDir)).toBe(false);
        vi.advanceTimersByTime(BACKUP_SCHEDULE_TICK_MS);
      } finally {
        await stop();
      }
      expect(listBackups(backupDir)).toHaveLength(1);
    });
  });
});
