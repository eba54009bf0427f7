// The quick exit on a family's pages (issue 16, as domestic-violence services have it): one link
// at the top, or Escape twice, leaves for a neutral site at once and leaves the page she was on
// out of the history. The neutral site is never reached: the run answers it from here.
import type { Page } from '@playwright/test';
import { QUICK_EXIT_URL } from '~/components/quick-exit';
import { createHousehold } from '../support/programme-factories';
import { createLocality, createUser } from '../support/factories';
import { checkPage, expect, test } from './support/fixtures';
import {
  checkPageWithoutJavaScript,
  textsIn,
  uniqueEmail,
  waitForHydration,
} from './support/journeys';

const PHONE = { width: 360, height: 740 };
const NEUTRAL_BODY = '<!doctype html><title>Search</title><p>neutral</p>';

/** Answers the neutral site locally, so nothing leaves the machine; counts its visits. */
async function answerNeutralSite(page: Page): Promise<{ visits: number }> {
  const seen = { visits: 0 };
  await page.route(`${QUICK_EXIT_URL}**`, (route) => {
    seen.visits += 1;
    return route.fulfill({ contentType: 'text/html; charset=utf-8', body: NEUTRAL_BODY });
  });
  return seen;
}

async function kyrgyzFamily() {
  const locality = createLocality();
  const user = await createUser({
    locale: 'ky',
    email: uniqueEmail('quick-exit'),
    localityId: locality.id,
    name: 'Айпери Токтогулова',
  });
  createHousehold({ localityId: locality.id, user });
  return user;
}

test.describe('on a 360 px phone, in Kyrgyz', () => {
  test.use({ viewport: PHONE, locale: 'ky' });

  test('a family presses Escape twice and Back does not bring her page back', async ({
    page,
    signInAs,
  }) => {
    const ky = textsIn('ky');
    await signInAs(await kyrgyzFamily());
    const neutral = await answerNeutralSite(page);

    await page.goto('/');
    await waitForHydration(page);
    // She moves to her household's page inside the portal, the page she would not want seen.
    await page
      .getByRole('navigation', { name: ky.common.nav.label })
      .getByRole('link', { name: ky.common.nav.household, exact: true })
      .click();
    await expect(page).toHaveURL(/\/household$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ky.households.own.title);
    const exit = page.getByRole('link', { name: ky.common.quickExit.label, exact: true });
    await expect(exit).toBeVisible();
    await checkPage(page);

    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(QUICK_EXIT_URL);
    await expect(page.locator('body')).toHaveText('neutral');
    expect(neutral.visits).toBe(1);

    await page.goBack();
    await expect(page).not.toHaveURL(/\/household/);
    await expect(page.getByRole('heading', { name: ky.households.own.title })).toHaveCount(0);
  });

  test('the exit is the first Tab stop after the skip link, and a click leaves too', async ({
    page,
    signInAs,
  }) => {
    const ky = textsIn('ky');
    await signInAs(await kyrgyzFamily());
    await answerNeutralSite(page);

    await page.goto('/household');
    await waitForHydration(page);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: ky.common.skipToContent })).toBeFocused();
    await page.keyboard.press('Tab');
    const exit = page.getByRole('link', { name: ky.common.quickExit.label, exact: true });
    await expect(exit).toBeFocused();

    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(QUICK_EXIT_URL);
    await page.goBack();
    await expect(page).not.toHaveURL(/\/household/);
  });

  test('an Escape that closes her account menu is not a step towards leaving', async ({
    page,
    signInAs,
  }) => {
    const ky = textsIn('ky');
    await signInAs(await kyrgyzFamily());
    const neutral = await answerNeutralSite(page);

    await page.goto('/household');
    await waitForHydration(page);
    const menu = page.locator('.account-menu');
    await menu.locator('summary').click();
    await expect(menu).toHaveAttribute('open', '');
    await page.keyboard.press('Escape');
    await expect(menu).not.toHaveAttribute('open', '');
    // One more Escape is the first of a pair, not the second: she stays.
    await page.keyboard.press('Escape');
    await expect(menu.locator('summary')).toBeFocused();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ky.households.own.title);
    await expect(page).toHaveURL(/\/household$/);
    expect(neutral.visits).toBe(0);
  });

  test('Escape twice leaves from inside a text field too, as on safety sites', async ({
    page,
    signInAs,
  }) => {
    const ky = textsIn('ky');
    await signInAs(await kyrgyzFamily());
    await answerNeutralSite(page);

    await page.goto('/household');
    await waitForHydration(page);
    const address = page.getByLabel(ky.households.form.address, { exact: true });
    await address.fill('Ленин көчөсү 5');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(QUICK_EXIT_URL);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, viewport: PHONE, locale: 'ky' });

  test('the exit is a plain link that leaves without telling the site where she was', async ({
    page,
    signInAs,
  }) => {
    const ky = textsIn('ky');
    await signInAs(await kyrgyzFamily());
    let referer: string | undefined;
    await page.route(`${QUICK_EXIT_URL}**`, (route) => {
      referer = route.request().headers()['referer'];
      return route.fulfill({ contentType: 'text/html; charset=utf-8', body: NEUTRAL_BODY });
    });

    await page.goto('/household');
    const exit = page.getByRole('link', { name: ky.common.quickExit.label, exact: true });
    await expect(exit).toHaveAttribute('href', QUICK_EXIT_URL);
    await expect(exit).toHaveAttribute('rel', 'noreferrer');
    await checkPageWithoutJavaScript(page);

    await exit.click();
    await expect(page).toHaveURL(QUICK_EXIT_URL);
    expect(referer).toBeUndefined();
  });
});

test('a visitor sees the exit on the public pages; staff do not on theirs', async ({
  page,
  signInAs,
  newBrowserPage,
}) => {
  const en = textsIn('en');
  const visitor = await newBrowserPage();
  await visitor.goto('/login');
  await expect(
    visitor.getByRole('link', { name: en.common.quickExit.label, exact: true }),
  ).toBeVisible();

  await signInAs(await createUser({ roles: ['staff'], email: uniqueEmail('staff') }));
  await page.goto('/staff/competitions');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: en.common.quickExit.label })).toHaveCount(0);
});
