import type { Role } from './permissions';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long a session lives, per role. Families sign in rarely on their own phone, so theirs are
 * long; people who see many families' data (staff, jurors, admins) are signed out sooner, as
 * laptops in an office are shared. A person with several roles gets the strictest of them.
 */
export const SESSION_TIMEOUTS: Record<Role, { idleMs: number; absoluteMs: number }> = {
  applicant: { idleMs: 7 * DAY, absoluteMs: 30 * DAY },
  facilitator: { idleMs: 12 * HOUR, absoluteMs: 7 * DAY },
  consultant: { idleMs: 12 * HOUR, absoluteMs: 7 * DAY },
  juror: { idleMs: 1 * HOUR, absoluteMs: 12 * HOUR },
  staff: { idleMs: 1 * HOUR, absoluteMs: 12 * HOUR },
  admin: { idleMs: 30 * MINUTE, absoluteMs: 12 * HOUR },
};

/** A person without any role yet (possible between invitations) gets the family limits. */
export function sessionTimeoutsFor(roles: readonly Role[]): { idleMs: number; absoluteMs: number } {
  const limits =
    roles.length > 0 ? roles.map((role) => SESSION_TIMEOUTS[role]) : [SESSION_TIMEOUTS.applicant];
  return {
    idleMs: Math.min(...limits.map((l) => l.idleMs)),
    absoluteMs: Math.min(...limits.map((l) => l.absoluteMs)),
  };
}
