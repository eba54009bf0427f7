// Who may do what. Client-safe, so the navigation can hide what a person cannot use; the server
// enforces the same table in requirePermission.
export const ROLES = ['applicant', 'facilitator', 'juror', 'consultant', 'staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const ALL_ROLES = ROLES;

export const PERMISSIONS = {
  /** Any signed-in person: home, account settings, own password. */
  'account:use': ALL_ROLES,
  /** See the list of families and give one a new password (families without e-mail). */
  'families:reset-password': ['facilitator', 'staff', 'admin'],
  /** Read the mail outbox, each message and its status. */
  'outbox:read': ['staff', 'admin'],
  /** Invite people, give and take roles, disable accounts. */
  'users:manage': ['admin'],
  /** Browse the audit log. */
  'audit:read': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((role) => allowed.includes(role));
}

/** A route's declared access: public, or a permission. Every route module exports one. */
export type RouteAccess = { access: 'public' } | { access: Permission };
