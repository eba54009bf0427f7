import { useEffect, type MouseEvent } from 'react';
import { useTranslation } from '~/i18n/react';
import { useHydrated } from '~/components/use-hydrated';
import { hasPermission, type Role } from '~/utils/permissions';

/**
 * Where the quick exit goes: a page anyone may have open, that we never fetch ourselves. A plain
 * search page, as domestic-violence services send their visitors to.
 */
export const QUICK_EXIT_URL = 'https://www.google.com/';

/** Two presses of Escape this close together leave the site. */
export const DOUBLE_ESCAPE_MS = 1000;

/**
 * Pages a family reads carry the exit: every page of a visitor (the public pages, sign-in,
 * sign-up) and every page of an applicant. Staff, jurors and consultants work at their desks;
 * a facilitator's pages are hers, not the family's.
 */
export function showsQuickExit(user: { roles: readonly Role[] } | null): boolean {
  return !user || hasPermission(user.roles, 'household:own');
}

/**
 * Leaves at once for the neutral page. The sensitive page is first swapped in the history for the
 * home page, then replaced by the neutral page, so neither Back nor the history list shows it.
 */
function leave() {
  try {
    window.history.replaceState(null, '', '/');
  } catch {
    // A history that refuses still leaves below.
  }
  window.location.replace(QUICK_EXIT_URL);
}

/**
 * An Escape that closes something open (the account menu, a dialog) is that thing's, not a step
 * towards leaving: a person closing a menu twice must not be sent away. Anywhere else — in a text
 * field too — Escape counts, as on domestic-violence services' sites.
 */
function escapeBelongsToSomethingOpen(): boolean {
  return Boolean(
    document.querySelector('dialog[open], [aria-modal="true"], details.account-menu[open]'),
  );
}

/**
 * The quick exit at the top of a family's page: a plain link without JavaScript (it leaves, the
 * page stays in the history); with JavaScript, the link and Escape pressed twice replace the page.
 */
export function QuickExit() {
  const { t } = useTranslation();
  const hydrated = useHydrated();

  useEffect(() => {
    let lastEscape = -Infinity;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.repeat || event.isComposing) return;
      if (escapeBelongsToSomethingOpen()) {
        lastEscape = -Infinity;
        return;
      }
      const now = event.timeStamp;
      if (now - lastEscape <= DOUBLE_ESCAPE_MS) leave();
      else lastEscape = now;
    };
    // Capture: seen before a menu's own handler closes it, so the check above sees it open.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);

  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    // A click that opens a new tab leaves this page where it is; let the browser do that.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    leave();
  };

  return (
    <div className="quick-exit">
      <a
        className="quick-exit__link"
        href={QUICK_EXIT_URL}
        rel="noreferrer"
        onClick={onClick}
        aria-describedby="quick-exit-hint"
      >
        {t('quickExit.label')}
      </a>
      <span id="quick-exit-hint" className="visually-hidden">
        {t('quickExit.hint')}
        {hydrated ? ` ${t('quickExit.hintKeys')}` : null}
      </span>
    </div>
  );
}
