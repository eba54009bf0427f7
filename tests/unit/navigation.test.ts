import { describe, expect, test } from 'vitest';
import { navItems } from '~/components/site-header';
import type { Role } from '~/utils/permissions';

const linksFor = (...roles: Role[]) => navItems({ name: 'Test', roles }).map((item) => item.to);

describe('navigation by role', () => {
  test('a visitor has none', () => {
    expect(navItems(null)).toEqual([]);
  });

  test('a family: her household, her applications, the competitions, consultations', () => {
    expect(linksFor('applicant')).toEqual([
      '/',
      '/household',
      '/applications',
      '/competitions',
      '/consultations',
      '/bookings',
    ]);
  });

  test('a facilitator: her families, their applications, the competitions, consultations, results to tell, visits', () => {
    expect(linksFor('facilitator')).toEqual([
      '/',
      '/applications',
      '/households',
      '/competitions',
      '/consultations',
      '/bookings',
      '/facilitator/results',
      '/training',
      '/visits',
    ]);
    expect(
      navItems({ name: 'F', roles: ['facilitator'] }).find((i) => i.to === '/bookings')!.labelKey,
    ).toBe('nav.villageBookings');
    expect(
      navItems({ name: 'F', roles: ['facilitator'] }).find((i) => i.to === '/applications')!
        .labelKey,
    ).toBe('nav.applications');
  });

  test('staff: families, competitions, training, visits, screening, the dashboard, outbox', () => {
    expect(linksFor('staff')).toEqual([
      '/',
      '/households',
      '/staff/competitions',
      '/training',
      '/visits',
      '/staff/applications',
      '/staff/consultations',
      '/staff/dashboard',
      '/staff/outbox',
    ]);
  });

  test('a juror: scoring; a consultant: her consultations', () => {
    expect(linksFor('juror')).toEqual(['/', '/jury']);
    expect(linksFor('consultant')).toEqual(['/', '/consultant']);
  });

  test('an administrator also manages people and reads the audit log', () => {
    expect(linksFor('admin')).toEqual([
      '/',
      '/households',
      '/staff/competitions',
      '/training',
      '/visits',
      '/staff/applications',
      '/staff/consultations',
      '/staff/dashboard',
      '/staff/outbox',
      '/admin/users',
      '/admin/audit',
    ]);
  });
});
