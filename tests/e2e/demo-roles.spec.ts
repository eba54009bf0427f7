import { DEMO_PASSWORD, DEMO_PEOPLE } from '~db/seed/demo-people';
import { resources } from '~/i18n/resources';
import { LOCALES } from '~/i18n/config';
import { checkPage, expect, test } from './support/fixtures';
import { switchLanguage } from './support/journeys';

// One person per role from the demo seed, signing in through the form in each language.
const onePerRole = DEMO_PEOPLE.filter(
  (person, index, all) => all.findIndex((p) => p.roles[0] === person.roles[0]) === index,
);

for (const person of onePerRole) {
  test(`the demo ${person.roles[0]} signs in and sees her home page in every language`, async ({
    page,
  }) => {
    await page.goto('/login');
    await page.getByLabel(resources.en.auth.signIn.identifier).fill(person.email ?? person.phone!);
    await page.getByLabel(resources.en.auth.signIn.password, { exact: true }).fill(DEMO_PASSWORD);
    await page
      .locator('main')
      .getByRole('button', { name: resources.en.auth.signIn.submit })
      .click();
    await expect(page).toHaveURL('/');

    for (const locale of LOCALES) {
      await switchLanguage(page, locale);
      const greeting = resources[locale].common.home.greeting.replace('{{name}}', person.name);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(greeting);
      await checkPage(page);
    }
  });
}
