import { useLocation } from '@remix-run/react';
import { useEffect, useRef, useState } from 'react';

/**
 * After a client-side navigation (Save and continue, Back, Send, Apply, a link), moves focus to
 * the new page's heading — or its main region — and announces the page's title politely, as a
 * full page load would (WCAG 2.4.3, 4.1.3). One mechanism for every page, in the root.
 */
export function RouteAnnouncer() {
  const location = useLocation();
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef<{ pathname: string; search: string } | null>(null);

  useEffect(() => {
    const before = previous.current;
    previous.current = { pathname: location.pathname, search: location.search };
    // The first render is a full page load (the browser announces it); a change of hash alone
    // (the skip link, an anchor) is not a new page.
    if (!before || (before.pathname === location.pathname && before.search === location.search)) {
      return;
    }
    const main = document.getElementById('main');
    const heading = main?.querySelector<HTMLElement>('h1');
    const target = heading ?? main;
    if (target) {
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: false });
    }
    setAnnouncement(document.title);
  }, [location.pathname, location.search]);

  return (
    <div
      id="route-announcer"
      className="visually-hidden"
      // A live region without the status role: a page's own status message stays the page's one.
      aria-live="polite"
      aria-atomic="true"
    >
      {announcement}
    </div>
  );
}
