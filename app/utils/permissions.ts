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
  /** Change the programme's settings (retention, backups, defaults of new competitions). */
  'settings:manage': ['admin'],
  /** Create competitions, edit them, open and close them. */
  'competitions:manage': ['staff', 'admin'],
  /** A family: her own household and her own applications. */
  'household:own': ['applicant'],
  /** Register families of one's localities (with their consent) and apply on their behalf. */
  'households:register': ['facilitator'],
  /** See families (households): a facilitator those of her localities, staff all. */
  'households:view': ['facilitator', 'staff', 'admin'],
  /** Anonymise the households past the retention period (issue 16): the run and its preview. */
  'households:anonymise': ['admin'],
  /** Anonymise one household on her own written request, once no grant obligation remains. */
  'households:anonymise-on-request': ['staff', 'admin'],
  /** Import households from the benefit register (CSV). */
  'households:import': ['staff', 'admin'],
  /** Open an application; each person sees only the ones her work needs (checked per record). */
  'applications:view': ['applicant', 'facilitator', 'staff', 'admin'],
  /** Edit, submit or withdraw an application: the family, or a facilitator on its behalf. */
  'applications:edit': ['applicant', 'facilitator'],
  /** Screening: list all applications, decide eligible or ineligible, export. */
  'applications:screen': ['staff', 'admin'],
  /** Jury rounds: criteria, jurors, assignment, progress, closing, ranking, advancing. */
  'rounds:manage': ['staff', 'admin'],
  /** A juror: declare conflicts, score the applications assigned to her. */
  'jury:score': ['juror'],
  /** Award, waitlist or pass over applications within the budget and quotas; announce; replace. */
  'decisions:manage': ['staff', 'admin'],
  /** Grants and money out: agreements, payment requests, approvals (never one's own), ledger. */
  'grants:manage': ['staff', 'admin'],
  /** A facilitator's list of results to tell families in person, ticked off one by one. */
  'results:tell': ['facilitator'],
  /** Publish, change and cancel consultation times: a consultant her own, staff for any consultant. */
  'consultations:publish': ['consultant', 'staff', 'admin'],
  /** Book a consultation for a family: herself, her facilitator (her villages), staff anyone. */
  'consultations:book': ['applicant', 'facilitator', 'staff', 'admin'],
  /** After the time: attended / no-show and advice (a consultant her own; staff any). */
  'consultations:record': ['consultant', 'staff', 'admin'],
  /** Every consultation of the programme, filtered, with exports. */
  'consultations:oversee': ['staff', 'admin'],
  /** Create group training sessions and take the roll call (a facilitator in her villages). */
  'training:manage': ['facilitator', 'staff', 'admin'],
  /** Monitoring: the baseline and the visits of grants (a facilitator in her villages; staff all). */
  'visits:record': ['facilitator', 'staff', 'admin'],
  /** The family's own report between visits (she, or her facilitator for her). */
  'reports:send': ['applicant', 'facilitator'],
  /** A small dashboard of her own villages' figures (a facilitator). */
  'dashboard:villages': ['facilitator'],
  /** A small dashboard of his own consultations (a consultant). */
  'dashboard:consultations': ['consultant'],
  /** Outcomes of every grant and competition, exports, closing a competition. */
  'outcomes:read': ['staff', 'admin'],
  /** Safeguarding concerns a visit flagged: staff only, never a family or a facilitator. */
  'safeguarding:read': ['staff', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((role) => allowed.includes(role));
}

/** A route's declared access: public, or a permission. Every route module exports one. */
export type RouteAccess = { access: 'public' } | { access: Permission };
