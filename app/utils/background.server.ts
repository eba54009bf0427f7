import { startAuditWatch } from '~/services/audit-integrity.server';
import { startBackupSchedule } from '~/services/backups.server';
import { startMailWorker } from '~/services/mail-delivery.server';
import { refreshPlannerStatistics, sqlite } from '~db/client';

// Kept on globalThis so a development rebuild does not start a second worker.
const state = globalThis as unknown as { __ishenimStopBackground?: Array<() => Promise<void>> };

/**
 * Mail delivery, the audit log's checkpoints and checks (at start and hourly), backups every so
 * many hours when set (the programme setting backupIntervalHours, BACKUP_INTERVAL_HOURS by
 * default), and the query planner's statistics hourly.
 */
export function startBackgroundWork() {
  if (process.env.NODE_ENV === 'test' || state.__ishenimStopBackground) return;
  state.__ishenimStopBackground = [
    startMailWorker(),
    startAuditWatch(),
    startBackupSchedule(),
    startPlannerStatistics(),
  ];
}

/** The planner's statistics follow the tables as the programme grows (db/client.ts). */
function startPlannerStatistics(intervalMs = 60 * 60_000): () => Promise<void> {
  const timer = setInterval(() => refreshPlannerStatistics(sqlite), intervalMs);
  timer.unref();
  return async () => clearInterval(timer);
}

export async function stopBackgroundWork() {
  const stops = state.__ishenimStopBackground ?? [];
  state.__ishenimStopBackground = undefined;
  await Promise.all(stops.map((stop) => stop()));
}
