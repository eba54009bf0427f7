import { describe, expect, test } from 'vitest';
import { safeRedirectPath } from '~/utils/request.server';

// Values an attacker puts in ?redirectTo= to send a signed-in person elsewhere, or to break the
// Location header. Every one must fall back to the home page.
const HOSTILE: string[] = [
  '//evil.example',
  '//evil.example/x',
  '///evil.example',
  '////evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '\\/evil.example',
  '/\\/evil.example',
  'http://evil.example',
  'https://evil.example/x',
  'HTTPS://evil.example',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'evil.example',
  'evil.example/path',
  '',
  ' /home',
  '/%09/evil.example/x',
  '/\t/evil.example/x',
  '/%0a/evil.example',
  '/\n/evil.example',
  '/%0d/evil.example',
  '/\r/evil.example',
  '/%0d%0aSet-Cookie:%20x=1',
  '/\r\nSet-Cookie: x=1',
  '/%00/evil.example',
  '/\u0000/evil.example',
  '/%20/evil.example',
  '/ /evil.example',
  '/%2f/evil.example',
  '/%2F%2Fevil.example',
  '%2F%2Fevil.example',
  '/%5cevil.example',
  '/%5Cevil.example',
  '%5c%5cevil.example',
  '/%252f/evil.example',
  '/%25252f/evil.example',
  '/%2525252525252f/evil.example',
  '/%255c/evil.example',
  '/%2509/evil.example',
  '/%250a/evil.example',
  '/\u00a0/evil.example',
  '/%C2%A0/evil.example',
  '/\u2028/evil.example',
  '/%E2%80%A8/evil.example',
  '/\ufeff/evil.example',
  '/\u3000/evil.example',
  '/\u000b/evil.example',
  '/%0b/evil.example',
  '/\u007f/evil.example',
  '/%7f/evil.example',
  '/applications\n',
  '/applications%',
  '/%E0%A4%A',
  '/домой',
  `/${'a'.repeat(3000)}`,
  'mailto:someone@evil.example',
  '/\\\\evil.example',
  '/./\\evil.example',
];

// Addresses of this site that must be kept as they are.
const KEPT: string[] = [
  '/',
  '/applications',
  '/admin/users',
  '/staff/applications?status=submitted&page=2',
  '/applications/12/edit/budget?rows=3',
  '/competitions/4#apply',
  '/login?redirectTo=%2Fadmin%2Fusers',
  '/households?q=%D0%90%D0%B9%D0%BF%D0%B5%D1%80%D0%B8',
  '/households?q=a%20b',
  '/a/../b',
];

describe('safeRedirectPath', () => {
  test(`refuses ${HOSTILE.length} hostile targets`, () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(40);
    const kept = HOSTILE.filter((value) => safeRedirectPath(value) !== '/');
    expect(kept).toEqual([]);
  });

  test('refuses what is not a string', () => {
    for (const value of [null, undefined, new File(['x'], '/evil')]) {
      expect(safeRedirectPath(value)).toBe('/');
    }
  });

  test('keeps paths of this site', () => {
    for (const value of KEPT) expect(safeRedirectPath(value), value).toBe(value);
  });

  test('what it returns is always a path a Location header can hold, on this origin', () => {
    for (const value of [...HOSTILE, ...KEPT]) {
      const target = safeRedirectPath(value);
      expect(target).toMatch(/^\/[\u0021-\u007e]*$/);
      expect(new URL(target, 'https://ishenim.kg').origin).toBe('https://ishenim.kg');
      expect(() => new Headers({ Location: target })).not.toThrow();
    }
  });

  test('takes the fallback it is given', () => {
    expect(safeRedirectPath('//evil.example', '/household?saved=1')).toBe('/household?saved=1');
  });
});
