// Staff set a competition's consultation requirement and booking limits on its form (issue 12):
// a value out of range is refused next to its field; the saved rules are what the form shows
// again and what the family reads among the conditions.
import { findCompetition } from '~/models/competition.server';
import { createLocality, createUser } from '../support/factories';
import { createCompetition } from '../support/programme-factories';
import { uniquePrefix } from './support/application-journey';
import { checkPage, expect, test } from './support/fixtures';
import { expectFieldError, fill, textsIn, waitForHydration } from './support/journeys';

test('staff set the consultation requirement and booking limits of a competition', async ({
  page,
  signInAs,
}) => {
  const ru = textsIn('ru');
  const form = ru.competitions.form;
  const locality = createLocality();
  const competition = createCompetition({
    localityIds: [locality.id],
    referencePrefix: uniquePrefix(),
  });
  const staff = await createUser({ roles: ['staff'], locale: 'ru' });
  await signInAs(staff);
  await page.goto(`/staff/competitions/${competition.id}`);
  await waitForHydration(page);
  await expect(page.getByLabel(form.maxOpenBookings)).toHaveValue('2');
  await expect(page.getByLabel(form.bookingCancelNoticeHours)).toHaveValue('24');

  await page.getByLabel(form.requiredConsultations).fill('1');
  await page.getByLabel(form.maxOpenBookings).fill('3');
  await page.getByLabel(form.bookingCancelNoticeHours).fill('1000');
  await page.getByLabel(form.bookingMoveNoticeHours).fill('12');
  await page.getByRole('button', { name: form.save }).click();
  await expectFieldError(page, form.bookingCancelNoticeHours, ru.errors.validation.tooLarge);
  await page.getByLabel(form.bookingCancelNoticeHours).fill('48');
  await page.getByRole('button', { name: form.save }).click();
  await expect(page).toHaveURL(`/staff/competitions/${competition.id}?saved=saved`);
  await expect(page.getByLabel(form.requiredConsultations)).toHaveValue('1');
  await expect(page.getByLabel(form.maxOpenBookings)).toHaveValue('3');
  await expect(page.getByLabel(form.bookingCancelNoticeHours)).toHaveValue('48');
  await expect(page.getByLabel(form.bookingMoveNoticeHours)).toHaveValue('12');
  await checkPage(page);
  expect(findCompetition(competition.id)).toMatchObject({
    requiredConsultations: 1,
    maxOpenBookings: 3,
    bookingCancelNoticeHours: 48,
    bookingMoveNoticeHours: 12,
  });

  // The family reads the requirement among the competition's conditions.
  await page.goto(`/competitions/${competition.id}`);
  await expect(
    page.getByRole('region', { name: ru.applications.competition.conditionsTitle }),
  ).toContainText(fill(ru.applications.competition.consultation_one, { count: 1 }));
});
