// Steps that several journeys share: the header's language switcher and account menu, the
// sign-in form, waiting for the page to come alive, and test data unique in the run.
import crypto from 'node:crypto';
import type { Page } from '@playwright/test';
import { HTML_LANG, LOCALE_NATIVE_NAMES, type Locale } from '~/i18n/config';
import { resources } from '~/i18n/resources';
import { checkPage, expect } from './fixtures';

/** The texts a person reading `locale` sees. */
export function textsIn(locale: Locale) {
  return resources[locale];
}

/** Fills {{placeholders}} as i18next does, for asserting a sentence with a name in it. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_match, key: string) => String(values[key]));
}

const usedPhones = new Set<string>();

/** A Kyrgyz mobile number nobody in this run has: as a family types it, and as it is stored. */
export function uniquePhone(): { typed: string; stored: string } {
  for (;;) {
    const digits = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
    if (usedPhones.has(digits) || digits === '101201') continue;
    usedPhones.add(digits);
    return { typed: `0555 ${digits.slice(0, 3)} ${digits.slice(3)}`, stored: `+996555${digits}` };
  }
}

export function uniqueEmail(label: string): string {
  return `${label}-${crypto.randomBytes(5).toString('hex')}@test.example`;
}

/**
 * Waits until React has taken over the server-rendered page. A form's field that the script
 * registers with a default value is reset to it then, so a journey types only after this.
 */
export async function waitForHydration(page: Page) {
  // <html> is the last element React hydrates; the commit follows in the same task.
  await page.waitForFunction(() =>
    Object.keys(document.documentElement).some((key) => key.startsWith('__reactProps$')),
  );
}

/**
 * Clicks a language in the header's switcher and waits for the page in that language. On a
 * phone the languages sit in a menu (a native <details>): it is opened first, and again to see
 * the new language marked as chosen, then closed.
 */
export async function switchLanguage(page: Page, locale: Locale) {
  const menu = page.locator('details.language-menu');
  const onPhone = await menu.isVisible();
  const switcher = page.locator('.language-switcher');
  const button = switcher.getByRole('button', { name: LOCALE_NATIVE_NAMES[locale], exact: true });
  if (onPhone) await menu.locator('summary').click();
  await button.click();
  await expect(page.locator('html')).toHaveAttribute('lang', HTML_LANG[locale]);
  if (onPhone) await menu.locator('summary').click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  if (onPhone) await menu.locator('summary').click();
}

/**
 * Account menu → Sign out, in the language the page is in; she is then a visitor again, reading
 * the visitor's language (the one she last chose on this browser, else the browser's).
 */
export async function signOutWithMenu(page: Page, locale: Locale, visitorLocale = locale) {
  const header = page.locator('.site-header');
  await header.locator('.account-menu summary').click();
  await header
    .getByRole('button', { name: textsIn(locale).common.account.signOut, exact: true })
    .click();
  await expect(
    header.getByRole('link', { name: textsIn(visitorLocale).common.account.signIn, exact: true }),
  ).toBeVisible();
  await expect(header.locator('.account-menu')).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('lang', HTML_LANG[visitorLocale]);
}

/** Fills and sends the sign-in form, labelled in `locale`. */
export async function submitSignIn(
  page: Page,
  locale: Locale,
  credentials: { identifier: string; password: string },
) {
  const { signIn } = textsIn(locale).auth;
  await page.getByLabel(signIn.identifier, { exact: true }).fill(credentials.identifier);
  await page.getByLabel(signIn.password, { exact: true }).fill(credentials.password);
  await page.locator('main').getByRole('button', { name: signIn.submit, exact: true }).click();
}

/** Nothing sticks out sideways on a narrow phone: the page never scrolls horizontally. */
export async function expectNoHorizontalOverflow(page: Page, width = 360) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `the page is wider than the screen at ${page.url()}`).toBeLessThanOrEqual(
    width,
  );
}

/** The message shown under a form field, and that the field points at it for screen readers. */
export async function expectFieldError(page: Page, label: string, message: string) {
  const field = page.getByLabel(label, { exact: true });
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  const id = await field.getAttribute('id');
  const error = page.locator(`[id="${id}-error"]`);
  await expect(error).toHaveText(message);
  await expect(field).toHaveAttribute('aria-describedby', new RegExp(`(^| )${id}-error( |$)`));
}

/**
 * checkPage for a page shown without JavaScript, where axe cannot run: the same HTML, without
 * its scripts, is opened from the same origin (so its styles load) in a page that runs axe.
 */
export async function checkPageWithoutJavaScript(page: Page) {
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
  const context = await page
    .context()
    .browser()!
    .newContext({ javaScriptEnabled: true, viewport: page.viewportSize() });
  try {
    const copy = await context.newPage();
    const snapshotUrl = new URL('/__snapshot-for-axe', page.url()).href;
    await copy.route(snapshotUrl, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }),
    );
    await copy.goto(snapshotUrl);
    await checkPage(copy);
  } finally {
    await context.close();
  }
}
