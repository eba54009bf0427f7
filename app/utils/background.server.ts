import { startMailWorker } from '~/services/mail-delivery.server';

// Kept on globalThis so a development rebuild does not start a second worker.
const state = globalThis as unknown as { __ishenimStopMail?: () => Promise<void> };

export function startBackgroundWork() {
  if (process.env.NODE_ENV === 'test' || state.__ishenimStopMail) return;
  state.__ishenimStopMail = startMailWorker();
}

export async function stopBackgroundWork() {
  const stop = state.__ishenimStopMail;
  state.__ishenimStopMail = undefined;
  await stop?.();
}
