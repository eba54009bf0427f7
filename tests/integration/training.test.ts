// Group training (issue 12, item 6): who may plan sessions where, the roll call, and how the
// "training attended" and "consultation attended" checks count — on a real SQLite file.
import { and, eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { db, writeTransaction } from '~db/client';
import { auditLog } from '~db/schema/audit';
import { consultationBookings, consultationSlots } from '~db/schema/consultations';
import { trainingAttendance, trainingSessions } from '~db/schema/training';
import type { User } from '~db/schema/people';
import { submitApplication } from '~/services/applications.server';
import { trainingSessionsAttended } from '~/services/eligibility.server';
import {
  cancelTrainingSession,
  createTrainingSession,
  recordRollCall,
  updateTrainingSession,
} from '~/services/training.server';
import {
  ROLL_CALL_HOUSEHOLDS_PER_PAGE,
  SESSIONS_PAGE_SIZE,
  trainingListView,
  trainingSessionView,
} from '~/services/training-view.server';
import { utcToZonedLocal } from '~/utils/timezone';
import { browserRequest, createLocality, createUser, uniqueSuffix } from '../support/factories';
import {
  createApplication,
  createCompetition,
  createHousehold,
} from '../support/programme-factories';
import { sessionUserOf } from '../support/session-user';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

function sessionInput(localityId: number, startsAt: Date) {
  return {
    topic: 'household-budget' as const,
    startsAt: utcToZonedLocal(startsAt, 'Asia/Bishkek'),
    minutes: 120,
    place: 'Школа № 2',
    localityId,
    trainerName: 'Гүлнара Осмонова',
  };
}

async function village() {
  const locality = createLocality();
  const staff = sessionUserOf(await createUser({ roles: ['staff'] }));
  const facilitator = sessionUserOf(
    await createUser({ roles: ['facilitator'], worksIn: [locality.id] }),
  );
  return { locality, staff, facilitator };
}

function pastSession(actor: ReturnType<typeof sessionUserOf>, localityId: number, daysAgo = 1) {
  const result = createTrainingSession(
    browserRequest(),
    actor,
    sessionInput(localityId, new Date(Date.now() - daysAgo * DAY)),
  );
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.sessionId;
}

function auditCount(sessionId: number, action: string) {
  return db
    .select()
    .from(auditLog)
    .where(
      and(eq(auditLog.entityType, 'training-session'), eq(auditLog.entityId, String(sessionId))),
    )
    .all()
    .filter((row) => row.action === action).length;
}

describe('planning sessions', () => {
  test('staff plan anywhere; a facilitator only in her own villages', async () => {
    const { locality, staff, facilitator } = await village();
    const elsewhere = createLocality();
    const inFuture = new Date(Date.now() + 7 * DAY);
    expect(
      createTrainingSession(browserRequest(), staff, sessionInput(elsewhere.id, inFuture)).ok,
    ).toBe(true);
    expect(
      createTrainingSession(browserRequest(), facilitator, sessionInput(elsewhere.id, inFuture)),
    ).toEqual({
      ok: false,
      error: { field: 'localityId', error: 'training:errors.localityNotYours' },
    });
    const own = createTrainingSession(
      browserRequest(),
      facilitator,
      sessionInput(locality.id, inFuture),
    );
    expect(own.ok).toBe(true);
    if (!own.ok) return;
    // Nor may she move her session to another's village, or touch a session elsewhere.
    expect(
      updateTrainingSession(
        browserRequest(),
        facilitator,
        own.sessionId,
        sessionInput(elsewhere.id, inFuture),
      ),
    ).toEqual({
      ok: false,
      error: { field: 'localityId', error: 'training:errors.localityNotYours' },
    });
    const staffSession = pastSession(staff, elsewhere.id);
    expect(cancelTrainingSession(browserRequest(), facilitator, staffSession)).toEqual({
      ok: false,
      refusal: 'not-found',
    });
    expect(cancelTrainingSession(browserRequest(), facilitator, own.sessionId)).toEqual({
      ok: true,
    });
    expect(auditCount(own.sessionId, 'training.session-cancelled')).toBe(1);
  });

  test('the time is typed on the Bishkek clock and stored in UTC', async () => {
    const { locality, staff } = await village();
    const result = createTrainingSession(browserRequest(), staff, {
      ...sessionInput(locality.id, new Date()),
      startsAt: '2030-03-01T10:00',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const row = db.query.trainingSessions.findFirst({
      where: (s, { eq: is }) => is(s.id, result.sessionId),
    });
    expect((await row)?.startsAt.toISOString()).toBe('2030-03-01T04:00:00.000Z');
  });
});

describe('the roll call', () => {
  test('records present and absent per member, idempotently, with one audit line per change', async () => {
    const { locality, facilitator } = await village();
    const { members } = createHousehold({ localityId: locality.id });
    const sessionId = pastSession(facilitator, locality.id);
    const ids = members.map((m) => m.id);
    const kelin = members.find((m) => m.relation === 'daughter-in-law')!;
    const input = { memberIds: ids, present: [kelin.id] };

    const first = recordRollCall(browserRequest(), facilitator, sessionId, input);
    expect(first).toEqual({ ok: true, present: 1, absent: ids.length - 1, changed: ids.length });
    const again = recordRollCall(browserRequest(), facilitator, sessionId, input);
    expect(again).toEqual({ ok: true, present: 1, absent: ids.length - 1, changed: 0 });
    const rows = db
      .select()
      .from(trainingAttendance)
      .where(eq(trainingAttendance.sessionId, sessionId))
      .all();
    expect(rows).toHaveLength(ids.length);
    expect(rows.filter((r) => r.present).map((r) => r.memberId)).toEqual([kelin.id]);
    expect(auditCount(sessionId, 'training.attendance-recorded')).toBe(1);

    // Correcting one mark changes that row only.
    const corrected = recordRollCall(browserRequest(), facilitator, sessionId, {
      memberIds: ids,
      present: [kelin.id, ids[0]!],
    });
    expect(corrected).toMatchObject({ ok: true, present: 2, changed: 1 });
    expect(auditCount(sessionId, 'training.attendance-recorded')).toBe(2);
  });

  test('only members of households of the session village; not before it starts; not elsewhere', async () => {
    const { locality, facilitator, staff } = await village();
    const other = createLocality();
    const { members } = createHousehold({ localityId: locality.id });
    const { members: outsiders } = createHousehold({ localityId: other.id });
    const sessionId = pastSession(facilitator, locality.id);
    expect(
      recordRollCall(browserRequest(), facilitator, sessionId, {
        memberIds: [members[0]!.id, outsiders[0]!.id],
        present: [outsiders[0]!.id],
      }),
    ).toEqual({ ok: false, refusal: 'not-in-locality' });
    expect(
      db.select().from(trainingAttendance).where(eq(trainingAttendance.sessionId, sessionId)).all(),
    ).toEqual([]);

    const future = createTrainingSession(
      browserRequest(),
      facilitator,
      sessionInput(locality.id, new Date(Date.now() + DAY)),
    );
    if (!future.ok) throw new Error('not created');
    expect(
      recordRollCall(browserRequest(), facilitator, future.sessionId, {
        memberIds: [members[0]!.id],
        present: [members[0]!.id],
      }),
    ).toEqual({ ok: false, refusal: 'not-started' });

    const elsewhere = pastSession(staff, other.id);
    expect(
      recordRollCall(browserRequest(), facilitator, elsewhere, {
        memberIds: [outsiders[0]!.id],
        present: [outsiders[0]!.id],
      }),
    ).toEqual({ ok: false, refusal: 'not-found' });
    // A session with a roll call took place: it cannot be cancelled.
    recordRollCall(browserRequest(), facilitator, sessionId, {
      memberIds: [members[0]!.id],
      present: [members[0]!.id],
    });
    expect(cancelTrainingSession(browserRequest(), facilitator, sessionId)).toEqual({
      ok: false,
      refusal: 'has-attendance',
    });
    // Nor can it move to another village: its roll call lists this village's families.
    const moved = updateTrainingSession(
      browserRequest(),
      staff,
      sessionId,
      sessionInput(other.id, new Date(Date.now() - DAY)),
    );
    expect(moved).toEqual({
      ok: false,
      error: { field: 'localityId', error: 'training:errors.localityLocked' },
    });
    // Its other details can still be corrected, with an audit line.
    expect(
      updateTrainingSession(browserRequest(), staff, sessionId, {
        ...sessionInput(locality.id, new Date(Date.now() - DAY)),
        place: 'Маданият үйү',
      }),
    ).toEqual({ ok: true });
    expect(auditCount(sessionId, 'training.session-updated')).toBe(1);
  });
});

describe('the training requirement', () => {
  async function familyAndCompetition(required: { training?: number; consultations?: number }) {
    const { locality, facilitator } = await village();
    const user = await createUser({ localityId: locality.id, locale: 'ky' });
    const { household, members } = createHousehold({ localityId: locality.id, user });
    const competition = createCompetition({
      localityIds: [locality.id],
      requiredTrainingSessions: required.training ?? 0,
      requiredConsultations: required.consultations ?? 0,
      referencePrefix: uniqueSuffix()
        .replace(/[0-9]/g, '')
        .toUpperCase()
        .padEnd(4, 'Q')
        .slice(0, 4),
    });
    const application = createApplication({
      competition,
      household,
      members,
      enteredBy: user,
      status: 'draft',
    });
    const kelin = members.find((m) => m.relation === 'daughter-in-law')!;
    const husband = members.find((m) => m.relation === 'son')!;
    return {
      locality,
      facilitator,
      user,
      household,
      members,
      competition,
      application,
      kelin,
      husband,
    };
  }

  function attend(
    facilitator: ReturnType<typeof sessionUserOf>,
    localityId: number,
    memberIds: number[],
    present: number[],
    daysAgo = 1,
  ) {
    const sessionId = pastSession(facilitator, localityId, daysAgo);
    const result = recordRollCall(browserRequest(), facilitator, sessionId, { memberIds, present });
    expect(result.ok).toBe(true);
    return sessionId;
  }

  test('counts only sessions where the grant holder herself was present', async () => {
    const f = await familyAndCompetition({ training: 2 });
    const all = f.members.map((m) => m.id);
    attend(f.facilitator, f.locality.id, all, [f.kelin.id], 3);
    // Her husband went to the second one instead: it does not count for her.
    attend(f.facilitator, f.locality.id, all, [f.husband.id], 2);
    // She was marked absent at a third.
    attend(f.facilitator, f.locality.id, all, [], 1);
    expect(trainingSessionsAttended(f.kelin.id)).toBe(1);
    expect(trainingSessionsAttended(f.husband.id)).toBe(1);
    expect(trainingSessionsAttended(null)).toBe(0);

    const refused = submitApplication(
      browserRequest(),
      sessionUserOf(f.user as User),
      f.application.id,
    );
    expect(refused).toEqual({
      ok: false,
      refusal: {
        kind: 'ineligible',
        failed: [{ code: 'training', passed: false, details: { required: 2, attended: 1 } }],
      },
    });

    attend(f.facilitator, f.locality.id, [f.kelin.id], [f.kelin.id], 1);
    expect(trainingSessionsAttended(f.kelin.id)).toBe(2);
    const accepted = submitApplication(
      browserRequest(),
      sessionUserOf(f.user as User),
      f.application.id,
    );
    expect(accepted.ok).toBe(true);
  });

  test('a competition may require one attended consultation before submission', async () => {
    const f = await familyAndCompetition({ consultations: 1 });
    const actor = sessionUserOf(f.user as User);
    const consultant = await createUser({ roles: ['consultant'] });
    const booking = writeTransaction((tx) => {
      const slot = tx
        .insert(consultationSlots)
        .values({
          consultantId: consultant.id,
          createdById: consultant.id,
          startsAt: new Date(Date.now() - 2 * DAY),
          minutes: 45,
          mode: 'phone',
          phone: '+996700000000',
          localityId: f.locality.id,
        })
        .returning()
        .get();
      return tx
        .insert(consultationBookings)
        .values({
          slotId: slot.id,
          applicationId: f.application.id,
          householdId: f.household.id,
          bookedById: f.user.id,
          status: 'booked',
        })
        .returning()
        .get();
    });
    expect(submitApplication(browserRequest(), actor, f.application.id)).toEqual({
      ok: false,
      refusal: {
        kind: 'ineligible',
        failed: [{ code: 'consultation', passed: false, details: { required: 1, attended: 0 } }],
      },
    });
    // A no-show does not count; an attended consultation does.
    writeTransaction((tx) =>
      tx
        .update(consultationBookings)
        .set({ attendance: 'family-no-show' })
        .where(eq(consultationBookings.id, booking.id))
        .run(),
    );
    expect(submitApplication(browserRequest(), actor, f.application.id).ok).toBe(false);
    writeTransaction((tx) =>
      tx
        .update(consultationBookings)
        .set({ attendance: 'attended' })
        .where(eq(consultationBookings.id, booking.id))
        .run(),
    );
    expect(submitApplication(browserRequest(), actor, f.application.id).ok).toBe(true);
  });

  test('a cancelled session does not count', async () => {
    const f = await familyAndCompetition({ training: 1 });
    const sessionId = pastSession(f.facilitator, f.locality.id);
    recordRollCall(browserRequest(), f.facilitator, sessionId, {
      memberIds: [f.kelin.id],
      present: [f.kelin.id],
    });
    expect(trainingSessionsAttended(f.kelin.id)).toBe(1);
    // The service refuses to cancel a session with a roll call; a row cancelled anyway (by an
    // older version, by hand) must still not count.
    writeTransaction((tx) =>
      tx
        .update(trainingSessions)
        .set({ status: 'cancelled' })
        .where(eq(trainingSessions.id, sessionId))
        .run(),
    );
    expect(trainingSessionsAttended(f.kelin.id)).toBe(0);
  });
});

describe('the pages read one page from SQL', () => {
  test('the list pages, filters and keeps a facilitator to her villages', async () => {
    const { locality, staff, facilitator } = await village();
    const other = createLocality();
    for (let i = 0; i < 23; i += 1) pastSession(staff, locality.id, i + 1);
    pastSession(staff, other.id);
    const url = (query: string) => new URL(`http://localhost/training?${query}`);
    const first = trainingListView(staff, url(`locality=${locality.id}`), 1);
    expect(first.total).toBe(23);
    expect(first.sessions).toHaveLength(SESSIONS_PAGE_SIZE);
    // Newest first: yesterday's session heads the list.
    expect(first.sessions[0]!.startsAt.iso > first.sessions[1]!.startsAt.iso).toBe(true);
    const second = trainingListView(staff, url(`locality=${locality.id}`), 2);
    expect(second.sessions).toHaveLength(3);
    expect(
      trainingListView(staff, url(`locality=${locality.id}&topic=business-planning`), 1).total,
    ).toBe(0);
    // From and to are whole days on the programme's clock, both included.
    const day = (daysAgo: number) =>
      utcToZonedLocal(new Date(Date.now() - daysAgo * DAY), 'Asia/Bishkek').slice(0, 10);
    const week = trainingListView(
      staff,
      url(`locality=${locality.id}&from=${day(5)}&to=${day(3)}`),
      1,
    );
    expect(week.total).toBe(3);
    expect(week.filters).toMatchObject({ from: day(5), to: day(3) });
    // She sees her village's sessions only, and may not even filter by another village.
    const hers = trainingListView(facilitator, url(`locality=${other.id}`), 1);
    expect(hers.filters.locality).toBe('');
    expect(hers.total).toBe(23);
    expect(hers.localities.map((l) => Number(l.value))).toEqual([locality.id]);
  });

  test('the roll call lists every member, grouped by household, a page of households at a time', async () => {
    const { locality, facilitator } = await village();
    const count = ROLL_CALL_HOUSEHOLDS_PER_PAGE + 2;
    for (let i = 0; i < count; i += 1) createHousehold({ localityId: locality.id });
    const sessionId = pastSession(facilitator, locality.id);
    const session = (await db.query.trainingSessions.findFirst({
      where: (s, { eq: is }) => is(s.id, sessionId),
    }))!;
    const first = trainingSessionView(facilitator, session, 1, new Date());
    expect(first.rollCall.total).toBe(count);
    expect(first.rollCall.households).toHaveLength(ROLL_CALL_HOUSEHOLDS_PER_PAGE);
    expect(first.rollCall.households.every((h) => h.members.length === 4)).toBe(true);
    const last = trainingSessionView(facilitator, session, 2, new Date());
    expect(last.rollCall.households.map((h) => h.number)).toEqual([
      ROLL_CALL_HOUSEHOLDS_PER_PAGE + 1,
      ROLL_CALL_HOUSEHOLDS_PER_PAGE + 2,
    ]);
    // What was recorded shows ticked.
    const member = last.rollCall.households[0]!.members[3]!;
    recordRollCall(browserRequest(), facilitator, sessionId, {
      memberIds: [member.id],
      present: [member.id],
    });
    const again = trainingSessionView(facilitator, session, 2, new Date());
    expect(again.rollCall.households[0]!.members[3]!.present).toBe(true);
    expect(again.rollCall.households[1]!.members.some((m) => m.present)).toBe(false);
  });
});
