// Playwright fixtures: a page whose console errors fail the test, a direct sign-in, and checks
// that every page a journey visits is accessible and shows no untranslated key.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { writeTransaction } from '~db/client';
import type { User } from '~db/schema/people';
import { insertSession } from '~/models/session.server';
import { rolesOfUser } from '~/models/user.server';
import { newSession, sessionCookie } from '~/utils/session.server';
import { resources } from '~/i18n/resources';

type Fixtures = {
  /** Signs `user` in by writing a session and setting its cookie, skipping the sign-in form. */
  signInAs: (user: Pick<User, 'id'>) => Promise<void>;
};

export const test = base.extend<Fixtures>({
  page: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    await use(page);
    expect(errors, 'the browser reported errors').toEqual([]);
  },
  signInAs: async ({ context, baseURL }, use) => {
    await use(async (user) => {
      const session = await newSession(rolesOfUser(user.id));
      writeTransaction((tx) =>
        insertSession(tx, {
          id: session.sessionId,
          userId: user.id,
          expiresAt: session.expiresAt,
          userAgent: 'playwright',
          ipAddress: '127.0.0.1',
        }),
      );
      const [pair] = session.setCookie.split(';');
      const [name, ...value] = pair!.split('=');
      await context.addCookies([{ name: name!, value: value.join('='), url: baseURL! }]);
    });
  },
});

export { expect };

/** axe finds no serious or critical problem (WCAG 2.2 A/AA rules). */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `axe on ${page.url()}`).toEqual([]);
}

function flattenKeys(value: unknown, prefix: string, into: Set<string>) {
  if (typeof value === 'string') {
    into.add(prefix.replace(/_(zero|one|two|few|many|other)$/, ''));
    return;
  }
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    flattenKeys(child, prefix ? `${prefix}.${key}` : key, into);
  }
}

const ALL_KEYS = (() => {
  const keys = new Set<string>();
  for (const [ns, bundle] of Object.entries(resources.en)) {
    const nsKeys = new Set<string>();
    flattenKeys(bundle, '', nsKeys);
    for (const key of nsKeys) {
      // Only keys with a dot are distinctive enough to search page text for.
      if (key.includes('.')) {
        keys.add(key);
        keys.add(`${ns}:${key}`);
      }
    }
  }
  return [...keys];
})();

/** No translation key shows as text (a missing translation renders its key). */
export async function expectNoRawKeys(page: Page) {
  const text = await page.locator('body').innerText();
  const shown = ALL_KEYS.filter((key) => text.includes(key));
  expect(shown, `raw translation keys on ${page.url()}`).toEqual([]);
}

/** Both checks, for every page a journey visits. */
export async function checkPage(page: Page) {
  await expectNoRawKeys(page);
  await expectAccessible(page);
}

export const cookieName = sessionCookie.name;
