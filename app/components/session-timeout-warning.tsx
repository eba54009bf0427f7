import { useFetcher, useLocation } from '@remix-run/react';
import { useEffect, useState } from 'react';
import { useTranslation } from '~/i18n/react';

/** Warn this long before the idle limit: time enough to read and press one button. */
export const WARN_BEFORE_MS = 5 * 60_000;

/**
 * For people with a short idle limit (staff, jurors, admins): a few minutes before the session
 * would end, a warning with one button that keeps it (WCAG 2.2.1). The clock starts again at each
 * page and each answer from the server. Without JavaScript, the kept form is what saves her text.
 */
export function SessionTimeoutWarning({ idleMs }: { idleMs: number }) {
  const { t } = useTranslation();
  const location = useLocation();
  const fetcher = useFetcher<{ ok: boolean }>();
  const [phase, setPhase] = useState<'quiet' | 'warning' | 'ended'>('quiet');

  useEffect(() => {
    setPhase('quiet');
    const warn = setTimeout(() => setPhase('warning'), Math.max(0, idleMs - WARN_BEFORE_MS));
    const end = setTimeout(() => setPhase('ended'), idleMs);
    return () => {
      clearTimeout(warn);
      clearTimeout(end);
    };
    // A navigation or a kept session starts the clock again.
  }, [idleMs, location.key, fetcher.data]);

  if (phase === 'quiet') return null;
  return (
    <div className="session-warning alert alert--warning" role="alert">
      {phase === 'warning' ? (
        <fetcher.Form method="post" action="/session">
          <p>{t('session.warning', { count: Math.round(WARN_BEFORE_MS / 60_000) })}</p>
          <button type="submit" className="button">
            {t('session.stay')}
          </button>
        </fetcher.Form>
      ) : (
        <p>{t('session.ended')}</p>
      )}
    </div>
  );
}
