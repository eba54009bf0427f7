// The demo's training story (issue 12, item 8): sessions held and planned in Ivanovka and Osh;
// this year's competition requires two; the families that sent their applications have them,
// one family has one and sees where the next sessions are.
import { eq } from 'drizzle-orm';
import { expect, test } from 'vitest';
import { db } from '~db/client';
import { applications } from '~db/schema/applications';
import { competitions } from '~db/schema/competitions';
import { households } from '~db/schema/households';
import { localities } from '~db/schema/people';
import { trainingSessions } from '~db/schema/training';
import { seedDemo } from '~db/seed/demo';
import { DEMO_TRAINING_NOT_YET } from '~db/seed/demo-training';
import { eligibilityFor } from '~/services/applications.server';
import { trainingSessionsAttended } from '~/services/eligibility.server';
import { nextSessionsFor } from '~/services/training-view.server';

test('some of this year’s families meet the required sessions and one does not yet', async () => {
  await seedDemo();
  const current = db
    .select()
    .from(competitions)
    .all()
    .find((c) => c.status === 'open')!;
  expect(current.requiredTrainingSessions).toBe(2);

  const now = new Date();
  for (const code of ['ivanovka', 'osh']) {
    const locality = db.select().from(localities).where(eq(localities.code, code)).get()!;
    const sessions = db
      .select()
      .from(trainingSessions)
      .where(eq(trainingSessions.localityId, locality.id))
      .all();
    expect(sessions.filter((s) => s.startsAt < now).length).toBeGreaterThanOrEqual(2);
    expect(sessions.filter((s) => s.startsAt > now).length).toBeGreaterThanOrEqual(1);
  }

  const rows = db
    .select({ application: applications, household: households })
    .from(applications)
    .innerJoin(households, eq(households.id, applications.householdId))
    .where(eq(applications.competitionId, current.id))
    .all();
  const attended = (beneficiaryMemberId: number | null) =>
    trainingSessionsAttended(beneficiaryMemberId);
  for (const { application } of rows.filter((r) => r.application.status !== 'draft')) {
    expect(attended(application.beneficiaryMemberId)).toBeGreaterThanOrEqual(2);
  }
  const notYet = rows.find((r) => r.household.benefitRegisterNumber === DEMO_TRAINING_NOT_YET)!;
  expect(notYet.application.status).toBe('draft');
  expect(attended(notYet.application.beneficiaryMemberId)).toBe(1);
  const training = eligibilityFor({ ...notYet, competition: current }).find(
    (c) => c.code === 'training',
  );
  expect(training).toEqual({
    code: 'training',
    passed: false,
    details: { required: 2, attended: 1 },
  });
  expect(nextSessionsFor(notYet.household.localityId, 'ky', 'Asia/Bishkek', now).length).toBe(2);
  // Another draft of this year has her two sessions and nothing stands in her way.
  const ready = rows.find(
    (r) => r.application.status === 'draft' && r.household.id !== notYet.household.id,
  )!;
  expect(attended(ready.application.beneficiaryMemberId)).toBe(2);
}, 120_000);
