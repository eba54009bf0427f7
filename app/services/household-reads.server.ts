// Who opened a family's file (DESIGN.md, "Privacy and safety"; issue 16 item 5). The pages that
// show one household's data to a staff member or facilitator call recordRead from their loaders.
import type { HouseholdReadKind } from '~/schemas/household-reads';
import { findApplication } from '~/models/application.server';
import { findGrant } from '~/models/grant.server';
import { insertHouseholdRead } from '~/models/household-reads.server';
import { clientIp } from '~/utils/request.server';
import type { SessionUser } from '~/utils/session.server';
import type { Role } from '~/utils/permissions';

/** The roles whose reads are recorded, most powerful first: the family's own reads are not. */
const RECORDED_ROLES = ['admin', 'staff', 'facilitator'] as const satisfies readonly Role[];

/** The role a viewer opened the file as, or null when her reads are not recorded (the family). */
export function recordedRoleOf(roles: readonly Role[]): (typeof RECORDED_ROLES)[number] | null {
  return RECORDED_ROLES.find((role) => roles.includes(role)) ?? null;
}

/**
 * Records that `viewer` opened `what` of the household (`subjectId`: the application, file,
 * grant… opened). One INSERT; a failure is logged and never fails the page she asked for.
 */
export function recordRead(
  viewer: SessionUser,
  householdId: number,
  what: HouseholdReadKind,
  request: Request,
  subjectId: number | null = null,
  now: Date = new Date(),
): void {
  const role = recordedRoleOf(viewer.roles);
  if (!role) return;
  try {
    insertHouseholdRead({
      householdId,
      viewerUserId: viewer.user.id,
      viewerRole: role,
      what,
      subjectId,
      ipAddress: clientIp(request),
      at: now,
    });
  } catch (error) {
    console.warn(`Could not record a read of household ${householdId}:`, error);
  }
}

/** recordRead for a page that knows only the grant (staff's grant pages). */
export function recordGrantRead(
  viewer: SessionUser,
  grantId: number,
  what: HouseholdReadKind,
  request: Request,
): void {
  const grant = findGrant(grantId);
  const application = grant ? findApplication(grant.applicationId) : undefined;
  if (application) recordRead(viewer, application.householdId, what, request, grantId);
}
