// Playwright fixtures: a page whose console errors fail the test, a direct sign-in, and checks
// that every page a journey visits is accessible and shows no untranslated key.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type BrowserContextOptions, type Page } from '@playwright/test';
import { writeTransaction } from '~db/client';
import type { User } from '~db/schema/people';
import { insertSession } from '~/models/session.server';
import { rolesOfUser } from '~/models/user.server';
import { newSession, sessionCookie } from '~/utils/session.server';
import { resources } from '~/i18n/resources';

/** What the browsers of one test logged as errors, and which HTTP statuses the test expects. */
type ConsoleWatch = { errors: string[]; allowedStatuses: Set<number>; watch: (page: Page) => void };

type Fixtures = {
  /** Signs `user` in by writing a session and setting its cookie, skipping the sign-in form. */
  signInAs: (user: Pick<User, 'id'>) => Promise<void>;
  /**
   * The test expects pages or form posts answering these statuses (a 403 page, a refused form):
   * the browser's "Failed to load resource" line for them is not an error.
   */
  allowHttpErrors: (...statuses: number[]) => void;
  /** Another person's browser (a new context), watched for console errors like `page`. */
  newBrowserPage: (options?: BrowserContextOptions) => Promise<Page>;
  consoleWatch: ConsoleWatch;
};

const FAILED_RESOURCE = /^Failed to load resource: the server responded with a status of (\d{3})/;

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern.
  consoleWatch: async ({}, use) => {
    const errors: string[] = [];
    const allowedStatuses = new Set<number>();
    const watch = (page: Page) => {
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const status = FAILED_RESOURCE.exec(message.text())?.[1];
        if (status && allowedStatuses.has(Number(status))) return;
        errors.push(`console.error: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    };
    await use({ errors, allowedStatuses, watch });
    expect(errors, 'the browser reported errors').toEqual([]);
  },
  page: async ({ page, consoleWatch }, use) => {
    consoleWatch.watch(page);
    await use(page);
  },
  allowHttpErrors: async ({ consoleWatch }, use) => {
    await use((...statuses) => {
      for (const status of statuses) consoleWatch.allowedStatuses.add(status);
    });
  },
  newBrowserPage: async ({ browser, consoleWatch }, use) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await use(async (options) => {
      // browser.newContext() takes the project's `use` options (baseURL, locale, …) as defaults.
      const context = await browser.newContext(options);
      contexts.push(context);
      const page = await context.newPage();
      consoleWatch.watch(page);
      return page;
    });
    for (const context of contexts) await context.close();
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

// A key counts only as a whole word: the audit log's action "user.disabled" is not the key
// "user.disable".
const KEY_PATTERNS = ALL_KEYS.map((key) => ({
  key,
  pattern: new RegExp(`(?<![\\w.:-])${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`),
}));

/** No translation key shows as text (a missing translation renders its key). */
export async function expectNoRawKeys(page: Page) {
  const text = await page.locator('body').innerText();
  const shown = KEY_PATTERNS.filter(({ pattern }) => pattern.test(text)).map(({ key }) => key);
  expect(shown, `raw translation keys on ${page.url()}`).toEqual([]);
}

/** Both checks, for every page a journey visits. */
export async function checkPage(page: Page) {
  await expectNoRawKeys(page);
  await expectAccessible(page);
}

export const cookieName = sessionCookie.name;
