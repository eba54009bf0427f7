// Staff open a competition's donor report in Kyrgyz from its outcomes page, with JavaScript off,
// and see the programme's figures; printed, the page carries no navigation (issue 15, item 4).
import { resources } from '~/i18n/resources';
import { createUser } from '../support/factories';
import { createGrantWorld } from '../support/grant-factories';
import { expect, test } from './support/fixtures';

const ky = resources.ky.dashboard.report;

test.use({ javaScriptEnabled: false });

test('staff open the donor report in Kyrgyz and see the figures', async ({ page, signInAs }) => {
  const world = await createGrantWorld({ status: 'monitoring' });
  const staff = await createUser({ roles: ['staff'], locale: 'ky' });
  await signInAs(staff);

  await page.goto(`/staff/competitions/${world.competition.id}/outcomes`);
  await page.getByRole('link', { name: ky.link }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/competitions/${world.competition.id}/report`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(ky.title.split(':')[0]!);
  const figures = page.getByTestId('report-figures');
  await expect(figures).toContainText(ky.applications);
  await expect(figures).toContainText(ky.awarded);
  await expect(page.getByTestId('report-money')).toContainText('сом');

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('header.site-header')).toBeHidden();
  await expect(page.getByRole('link', { name: ky.back })).toBeHidden();
});
