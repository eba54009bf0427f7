// Issue 12, item 6: a competition that requires two training sessions refuses a family with one
// (saying "1 of 2" and naming the next session in her village), and accepts her once her
// facilitator records the second on the roll-call page — on a 360-px phone without JavaScript,
// in Kyrgyz.
import { writeTransaction } from '~db/client';
import { trainingAttendance, trainingSessions } from '~db/schema/training';
import { formatDateTime } from '~/i18n/format';
import { createUser } from '../support/factories';
import { button, familyWithOpenCompetition } from './support/application-journey';
import { expect, test } from './support/fixtures';
import {
  checkPageWithoutJavaScript,
  expectNoHorizontalOverflow,
  fill,
  textsIn,
} from './support/journeys';
import { createApplication } from '../support/programme-factories';

test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

const DAY = 24 * 60 * 60_000;

test('two sessions required: refused with one, accepted after the facilitator records the second', async ({
  page,
  signInAs,
  allowHttpErrors,
}) => {
  test.slow();
  const ky = textsIn('ky');
  const family = await familyWithOpenCompetition({
    competition: { requiredTrainingSessions: 2 },
  });
  const localityId = family.household.localityId;
  const facilitator = await createUser({
    roles: ['facilitator'],
    locale: 'ky',
    worksIn: [localityId],
    name: 'Гүлзат Фасилитатор',
  });
  const kelin = family.members.find((m) => m.relation === 'daughter-in-law')!;
  const application = createApplication({
    ...family,
    enteredBy: family.user,
    status: 'draft',
  });
  const now = Date.now();
  const [, secondSession, nextSession] = writeTransaction((tx) => {
    const session = (
      daysFromNow: number,
      topic: 'financial-literacy' | 'household-budget',
      place: string,
    ) =>
      tx
        .insert(trainingSessions)
        .values({
          topic,
          startsAt: new Date(now + daysFromNow * DAY),
          minutes: 120,
          place,
          localityId,
          trainerName: 'Гүлнара Осмонова',
          createdById: facilitator.id,
        })
        .returning()
        .get();
    const first = session(-14, 'financial-literacy', 'Мектеп № 1');
    tx.insert(trainingAttendance)
      .values({
        sessionId: first.id,
        memberId: kelin.id,
        householdId: family.household.id,
        present: true,
        recordedById: facilitator.id,
        recordedAt: new Date(now - 14 * DAY),
      })
      .run();
    return [
      first,
      session(-1, 'household-budget', 'Айыл өкмөтү, 2-кабат'),
      session(6, 'household-budget', 'Маданият үйү, чоң зал'),
    ];
  });

  // The family sends her application: refused, with how many she has and where to go next.
  await signInAs(family.user);
  await page.goto(`/applications/${application.id}/edit/review`);
  allowHttpErrors(400);
  await button(page, ky.applications.review.submit).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(
    fill(ky.applications.checks.training.failed, { required: 2, attended: 1 }),
  );
  await expect(alert).toContainText(ky.applications.nextTraining.title);
  await expect(alert).toContainText(
    fill(ky.applications.nextTraining.session, {
      date: formatDateTime(nextSession.startsAt, 'ky', 'Asia/Bishkek'),
      place: nextSession.place,
      topic: ky.training.familyTopics['household-budget'],
    }),
  );
  await checkPageWithoutJavaScript(page);
  await expectNoHorizontalOverflow(page);

  // Her facilitator takes yesterday's roll call on her phone.
  await signInAs(facilitator);
  await page.goto('/training');
  await checkPageWithoutJavaScript(page);
  await expectNoHorizontalOverflow(page);
  await page.goto(`/training/${secondSession.id}`);
  await expect(
    page.getByRole('heading', { level: 2, name: ky.training.rollCall.title }),
  ).toBeVisible();
  await checkPageWithoutJavaScript(page);
  await expectNoHorizontalOverflow(page);
  const kelinBox = page.getByRole('checkbox', { name: /Айпери Токтогулова/ });
  await expect(kelinBox).not.toBeChecked();
  await kelinBox.check();
  await button(page, ky.training.rollCall.save).click();
  const members = family.members.length;
  await expect(page.getByRole('status')).toHaveText(
    fill(ky.training.session.saved.rollCall, { present: 1, absent: members - 1 }),
  );
  await expect(page.getByRole('checkbox', { name: /Айпери Токтогулова/ })).toBeChecked();
  await checkPageWithoutJavaScript(page);

  // Now she can send it.
  await signInAs(family.user);
  await page.goto(`/applications/${application.id}/edit/review`);
  await expect(page.locator('.checks')).toContainText(
    fill(ky.applications.checks.training.passed, { required: 2, attended: 2 }),
  );
  await button(page, ky.applications.review.submit).click();
  await expect(page).toHaveURL(`/applications/${application.id}/submitted`);

  // Her application page shows her training: both sessions attended, the next one planned.
  await page.goto(`/applications/${application.id}`);
  const training = page.getByRole('region', { name: ky.training.family.title });
  await expect(training).toContainText(nextSession.place);
  await expect(training.getByRole('listitem').filter({ hasText: 'Айпери' })).toHaveCount(2);
  await checkPageWithoutJavaScript(page);
});
