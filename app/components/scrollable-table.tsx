import type { ReactNode } from 'react';

/**
 * A table that may scroll sideways on a narrow phone. The scrolling box is a labelled region
 * that takes keyboard focus, so it can be scrolled without a mouse (WCAG 2.1.1).
 */
export function ScrollableTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be focusable
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
