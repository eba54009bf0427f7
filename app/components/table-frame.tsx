import type { ReactNode } from 'react';

/**
 * The frame a wide table scrolls in on a narrow screen. It can take the keyboard's focus (so it
 * can be scrolled without a mouse) and is named after the table, for screen readers.
 */
export function TableFrame({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard (WCAG 2.1.1)
    <div className="table-wrap" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
