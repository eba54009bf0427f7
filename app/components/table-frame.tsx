import type { ReactNode } from 'react';

/**
 * The frame a wide table scrolls in on a narrow screen. It can take the keyboard's focus (so it
 * can be scrolled without a mouse, WCAG 2.1.1) and is named after the table for screen readers:
 * by the id of its visible caption, or by a label.
 */
export function TableFrame({
  children,
  ...name
}: { children: ReactNode } & (
  { labelledBy: string; label?: never } | { label: string; labelledBy?: never }
)) {
  return (
    <div
      className="table-wrap"
      role="region"
      aria-labelledby={name.labelledBy}
      aria-label={name.label}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard
      tabIndex={0}
    >
      {children}
    </div>
  );
}
