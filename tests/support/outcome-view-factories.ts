// Outcome data for the outcome views' tests, written straight into the tables (the visit and
// baseline forms are tested on their own): a competition with several grants, their baselines,
// visits and safeguarding flags.
import { eq } from 'drizzle-orm';
import { sqlite, writeTransaction } from '~db/client';
import { grants, type Grant } from '~db/schema/grants';
import {
  grantBaselines,
  monitoringVisits,
  safeguardingFlags,
  type GrantBaseline,
  type MonitoringVisit,
} from '~db/schema/outcomes';
import type { User } from '~db/schema/people';
import { updateApplicationRow } from '~/models/application.server';
import { findGrant } from '~/models/grant.server';
import { openGrantFor } from '~/services/grants.server';
import { createUser, uniqueSuffix } from './factories';
import { createGrantWorld, type GrantWorld } from './grant-factories';
import { createApplication, createHousehold } from './programme-factories';

export type OutcomeWorld = {
  world: GrantWorld;
  grants: (Grant & { reference: string })[];
  staff: User;
};

/** A competition (in `status`) with `count` grants of 100 000 som, one family each, one village. */
export async function createCompetitionWithGrants(
  count: number,
  status: GrantWorld['competition']['status'] = 'monitoring',
): Promise<OutcomeWorld> {
  const world = await createGrantWorld({ status });
  const staff = await createUser({ roles: ['staff'], locale: 'en' });
  const { localityId } = sqlite
    .prepare(
      'select h.locality_id as localityId from applications a join households h on h.id = a.household_id where a.id = ?',
    )
    .get(world.applicationId) as { localityId: number };
  const list: OutcomeWorld['grants'] = [{ ...world.grant, reference: world.reference }];
  for (let i = 1; i < count; i += 1) {
    const family = await createUser({ roles: ['applicant'], locale: 'ru', localityId });
    const { household, members } = createHousehold({ localityId, user: family });
    const reference = `TJ-${uniqueSuffix()}`;
    const application = createApplication({
      competition: world.competition,
      household,
      members,
      enteredBy: family,
      status: 'awarded',
      reference,
    });
    const grant = writeTransaction((tx) => {
      const awarded = updateApplicationRow(tx, application.id, { awardedAmount: 100_000_00 });
      return openGrantFor(tx, awarded, world.competition, null);
    });
    list.push({ ...findGrant(grant.id)!, reference });
  }
  return { world, grants: list, staff };
}

export function setGrantStatus(grantId: number, status: Grant['status']) {
  writeTransaction((tx) => tx.update(grants).set({ status }).where(eq(grants.id, grantId)).run());
}

export function insertBaseline(
  grantId: number,
  recordedBy: Pick<User, 'id'>,
  values: Partial<Omit<GrantBaseline, 'grantId'>> & { monthlyHouseholdIncome: number },
) {
  writeTransaction((tx) =>
    tx
      .insert(grantBaselines)
      .values({
        grantId,
        incomeSources: ['livestock'],
        hasSavings: false,
        recordedOn: new Date('2025-01-15T06:00:00Z'),
        recordedById: recordedBy.id,
        ...values,
      })
      .run(),
  );
}

/** A visit: `done` with what it found when `businessStatus` is given, else due. */
export function insertVisit(
  grantId: number,
  values: Partial<Omit<MonitoringVisit, 'id' | 'grantId'>> & {
    month: MonitoringVisit['month'];
    dueOn: string;
  },
  recordedBy?: Pick<User, 'id'>,
): MonitoringVisit {
  const done = values.businessStatus !== undefined;
  const row = {
    status: done ? ('done' as const) : ('due' as const),
    visitedOn: done ? values.dueOn : null,
    recordedById: done ? (recordedBy?.id ?? null) : null,
    recordedAt: done ? new Date(`${values.dueOn}T06:00:00Z`) : null,
    ...values,
  };
  // A posted first payment has already written the grant's visit rows (scheduleVisits): the
  // factory sets the row as the test wants it either way.
  return writeTransaction((tx) =>
    tx
      .insert(monitoringVisits)
      .values({ grantId, ...row })
      .onConflictDoUpdate({
        target: [monitoringVisits.grantId, monitoringVisits.month],
        set: row,
      })
      .returning()
      .get(),
  );
}

export function insertSafeguardingFlag(
  grantId: number,
  raisedBy: Pick<User, 'id'>,
  note: string,
  visitId: number | null = null,
) {
  return writeTransaction((tx) =>
    tx
      .insert(safeguardingFlags)
      .values({ grantId, visitId, note, raisedById: raisedBy.id })
      .returning()
      .get(),
  );
}
