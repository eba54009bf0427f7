import { describe, expect, test } from 'vitest';
import { hasPermission, PERMISSIONS, ROLES, type Permission, type Role } from '~/utils/permissions';

/**
 * The foundation's permissions, written out by hand from DESIGN.md, so a change to who may do what
 * is noticed. (Later issues add permissions of their own; they are tested with their features.)
 */
const EXPECTED: Partial<Record<Permission, Role[]>> = {
  'account:use': ['applicant', 'facilitator', 'juror', 'consultant', 'staff', 'admin'],
  'families:reset-password': ['facilitator', 'staff', 'admin'],
  'outbox:read': ['staff', 'admin'],
  'users:manage': ['admin'],
  'audit:read': ['admin'],
};

describe('hasPermission', () => {
  test('the table has the foundation permissions, each naming known roles only', () => {
    expect(Object.keys(PERMISSIONS)).toEqual(expect.arrayContaining(Object.keys(EXPECTED)));
    for (const [permission, roles] of Object.entries(PERMISSIONS)) {
      expect(roles.length, permission).toBeGreaterThan(0);
      for (const role of roles) expect(ROLES, permission).toContain(role);
    }
  });

  const cases = (Object.entries(EXPECTED) as [Permission, Role[]][]).flatMap(
    ([permission, allowed]) =>
      ROLES.map((role) => [permission, role, allowed.includes(role)] as const),
  );

  test.each(cases)('%s for a %s: %s', (permission, role, allowed) => {
    expect(hasPermission([role], permission)).toBe(allowed);
  });

  test.each(['users:manage', 'audit:read'] as const)(
    '%s is for administrators only, whatever other roles a person holds',
    (permission) => {
      const everyoneButAdmin = ROLES.filter((r) => r !== 'admin');
      expect(hasPermission(everyoneButAdmin, permission)).toBe(false);
      expect(hasPermission(['admin'], permission)).toBe(true);
    },
  );

  test('a person with several roles has the permissions of each', () => {
    expect(hasPermission(['juror', 'facilitator'], 'families:reset-password')).toBe(true);
    expect(hasPermission(['juror', 'facilitator'], 'outbox:read')).toBe(false);
    expect(hasPermission(['applicant', 'staff'], 'outbox:read')).toBe(true);
  });

  test('a person without any role (an invitation not yet accepted) may do nothing', () => {
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
      expect(hasPermission([], permission)).toBe(false);
    }
  });

  test('a family cannot read the outbox, the audit log, or other families', () => {
    expect(hasPermission(['applicant'], 'outbox:read')).toBe(false);
    expect(hasPermission(['applicant'], 'audit:read')).toBe(false);
    expect(hasPermission(['applicant'], 'families:reset-password')).toBe(false);
  });
});
