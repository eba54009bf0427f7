// With JavaScript, in Russian: a facilitator saves a visit's draft and finds it again; staff see
// the concern a recorded visit raised, which her page never shows.
import { findApplication } from '~/models/application.server';
import { findHousehold } from '~/models/household.server';
import { visitsOfGrant } from '~/models/visit.server';
import { resources } from '~/i18n/resources';
import { approveMoneyRequest, recordMoneyRequest } from '~/services/disbursement.server';
import { recordVisit, visitFor } from '~/services/visits.server';
import { zonedCalendarDay } from '~/services/visit-schedule.server';
import { browserRequest, createUser } from '../support/factories';
import { createGrantWorld, createMoneyStaff } from '../support/grant-factories';
import { sessionUserOf } from '../support/session-user';
import { expect, test } from './support/fixtures';
import { waitForHydration } from './support/journeys';

const v = resources.ru.visits;
const CONCERN = 'Муж отбирает у неё выручку';

test('a draft is kept with JavaScript; the concern of a recorded visit is shown to staff, not to her', async ({
  page,
  signInAs,
}) => {
  const { staffA, staffB } = await createMoneyStaff('ru');
  const world = await createGrantWorld({ signed: true, signer: staffA, familyLocale: 'ru' });
  const household = findHousehold(findApplication(world.applicationId)!.householdId)!;
  const facilitator = await createUser({
    roles: ['facilitator'],
    worksIn: [household.localityId],
    locale: 'ru',
  });
  const first = world.tranches[0]!;
  const request = recordMoneyRequest(browserRequest(), sessionUserOf(staffA), world.grant.id, {
    kind: 'payment',
    trancheId: first.id,
    amount: first.amount,
    method: 'cash',
    paidOn: new Date(),
    reference: 'KASSA-V2',
  });
  if (!request.ok) throw new Error(request.error);
  expect(approveMoneyRequest(browserRequest(), sessionUserOf(staffB), request.request.id).ok).toBe(
    true,
  );
  const [three, six] = visitsOfGrant(world.grant.id);
  await signInAs(facilitator);

  await page.goto(`/visits/${three!.id}`);
  await waitForHydration(page);
  await page.getByLabel(v.form.notes, { exact: true }).fill('Вернуться после сенокоса');
  await page.getByLabel(v.form.jobsWomen, { exact: true }).fill('2');
  await page.getByRole('button', { name: v.form.saveDraft }).click();
  await expect(page.getByRole('status')).toHaveText(v.page.draftSaved);
  await page.reload();
  await expect(page.getByText(v.page.draftNote)).toBeVisible();
  await expect(page.getByLabel(v.form.notes, { exact: true })).toHaveValue(
    'Вернуться после сенокоса',
  );
  await expect(page.getByLabel(v.form.jobsWomen, { exact: true })).toHaveValue('2');

  // The 6-month visit, recorded with a concern: her page does not show it; staff's does.
  const actor = sessionUserOf(facilitator);
  const recorded = recordVisit(
    browserRequest(),
    actor,
    visitFor(actor, six!.id)!,
    {
      visitedOn: zonedCalendarDay(new Date(), 'Asia/Bishkek'),
      businessStatus: 'operating',
      statusReason: '',
      monthlyRevenue: 1_000_000,
      monthlyCosts: 400_000,
      jobsWomen: 100,
      jobsMen: 0,
      monthlyHouseholdIncome: 2_000_000,
      assetState: 'present-used',
      notes: '',
      decidesOwnEarnings: 'husband',
      decidesLargePurchases: 'husband',
      decidesBusinessMoney: 'husband',
      sayInMoney: 2,
      safeguarding: true,
      safeguardingNote: CONCERN,
    },
    null,
  );
  expect(recorded.ok).toBe(true);
  await page.goto(`/visits/${six!.id}`);
  await expect(page.getByRole('heading', { level: 2, name: v.page.readOnly })).toBeVisible();
  await expect(page.getByText(CONCERN)).toHaveCount(0);
  await expect(page.getByText(v.staffOnly.title)).toHaveCount(0);

  // Staff, in the same browser.
  await page.context().clearCookies();
  await signInAs(staffA);
  await page.goto(`/visits/${six!.id}`);
  await expect(page.getByRole('heading', { level: 2, name: v.staffOnly.title })).toBeVisible();
  await expect(page.getByText(CONCERN)).toBeVisible();
});
