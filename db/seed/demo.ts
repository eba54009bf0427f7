import { eq } from 'drizzle-orm';
import { writeTransaction } from '../client';
import { facilitatorLocalities, localities, userRoles, users } from '../schema/people';
import { appendAudit } from '../../app/models/audit.server';
import { hashPassword } from '../../app/utils/password.server';
import { DEMO_LOCALITIES, DEMO_PASSWORD, DEMO_PEOPLE } from './demo-people';
import { seedPilotDecisions } from './demo-decisions';
import { seedPilotGrants } from './demo-grants';
import { seedPilotOutcomes } from './demo-outcomes';
import { seedKantRounds, seedPilotRounds } from './demo-jury';
import { seedProgramme } from './demo-programme';
import { seedDemoConsultations } from './demo-consultations';

/**
 * Puts the demo programme in the database. Idempotent: running it again updates the same rows
 * (matched by locality code and by e-mail or phone) and creates nothing twice.
 */
export async function seedDemo(): Promise<{
  created: number;
  updated: number;
  households: number;
  applications: number;
  rounds: number;
  decided: number;
  consultationSlots: number;
}> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const people = writeTransaction((tx) => {
    const localityIds = new Map<string, number>();
    for (const locality of DEMO_LOCALITIES) {
      const row = tx
        .insert(localities)
        .values(locality)
        .onConflictDoUpdate({ target: localities.code, set: { ...locality } })
        .returning({ id: localities.id })
        .get();
      localityIds.set(locality.code, row.id);
    }
    let created = 0;
    let updated = 0;
    for (const person of DEMO_PEOPLE) {
      const existing = person.email
        ? tx.select().from(users).where(eq(users.email, person.email)).get()
        : tx.select().from(users).where(eq(users.phone, person.phone!)).get();
      const values = {
        name: person.name,
        email: person.email ?? null,
        phone: person.phone ?? null,
        locale: person.locale,
        localityId: person.locality ? localityIds.get(person.locality)! : null,
        contactByEmail: person.contact?.byEmail ?? Boolean(person.email),
        contactByPhone: person.contact?.byPhone ?? Boolean(person.phone),
        contactOnlyViaFacilitator: person.contact?.onlyViaFacilitator ?? false,
        disabledAt: null,
      };
      let userId: number;
      if (existing) {
        tx.update(users).set(values).where(eq(users.id, existing.id)).run();
        userId = existing.id;
        updated += 1;
      } else {
        userId = tx
          .insert(users)
          .values({ ...values, passwordHash, passwordChangedAt: new Date() })
          .returning({ id: users.id })
          .get().id;
        created += 1;
        appendAudit(tx, {
          actorUserId: null,
          action: 'demo.user-created',
          entityType: 'user',
          entityId: userId,
          after: { name: person.name, roles: person.roles },
        });
      }
      tx.delete(userRoles).where(eq(userRoles.userId, userId)).run();
      tx.insert(userRoles)
        .values(person.roles.map((role) => ({ userId, role })))
        .run();
      tx.delete(facilitatorLocalities).where(eq(facilitatorLocalities.userId, userId)).run();
      for (const code of person.worksIn ?? []) {
        tx.insert(facilitatorLocalities)
          .values({ userId, localityId: localityIds.get(code)! })
          .run();
      }
    }
    return { created, updated };
  });
  const programme = writeTransaction((tx) => {
    const now = new Date();
    const seeded = seedProgramme(tx, now);
    const pilotRounds = seedPilotRounds(tx, seeded.pilotId);
    const kantRounds = seedKantRounds(tx, seeded.kantId, now);
    return {
      pilotId: seeded.pilotId,
      households: seeded.households,
      applications: seeded.applications,
      rounds: pilotRounds.rounds + kantRounds.rounds,
    };
  });
  // The decisions go through the services, each use case in its own transaction, as staff make them.
  const decisions = seedPilotDecisions(programme.pilotId);
  const consultations = seedDemoConsultations();
  // Then the pilot's money: agreements signed, tranches paid with four eyes (demo-grants.ts).
  seedPilotGrants(programme.pilotId);
  // And what came of it: baselines, monitoring visits, family reports (demo-outcomes.ts).
  seedPilotOutcomes(programme.pilotId);
  return {
    ...people,
    households: programme.households,
    applications: programme.applications,
    rounds: programme.rounds,
    decided: decisions.decided,
    consultationSlots: consultations.slots,
  };
}
