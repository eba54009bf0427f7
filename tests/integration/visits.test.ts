// Monitoring visits (DESIGN.md, "Outcomes"; issue 14): the first payment writes the 3-, 6- and
// 12-month visits with their due days and the facilitator's reminders; she sees only her
// villages' visits and records them; the 12-month visit completes the grant and the competition
// moves to monitoring, then closed. A safeguarding concern reaches staff only. Real SQLite.
import { and, eq, like } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { db, writeTransaction } from '~db/client';
import { auditLog } from '~db/schema/audit';
import { mailOutbox } from '~db/schema/mail';
import { monitoringVisits, safeguardingFlags } from '~db/schema/outcomes';
import type { User } from '~db/schema/people';
import { findApplication } from '~/models/application.server';
import { findCompetition, updateCompetitionRow } from '~/models/competition.server';
import { findGrant } from '~/models/grant.server';
import { findHousehold } from '~/models/household.server';
import { visitsOfGrant } from '~/models/visit.server';
import { visitSchema, type VisitInput } from '~/schemas/visit';
import { approveMoneyRequest, recordMoneyRequest } from '~/services/disbursement.server';
import { visitReminderAt, zonedCalendarDay } from '~/services/visit-schedule.server';
import { visitPageData, visitsListPage } from '~/services/visits-view.server';
import {
  recordVisit,
  saveVisitDraft,
  scheduleVisits,
  visitDraft,
  visitFor,
  visitReminderKey,
} from '~/services/visits.server';
import { loader as photoLoader } from '~/routes/outcome-photos.$photoId/route';
import { loader as visitsLoader } from '~/routes/visits._index/route';
import { loader as visitLoader } from '~/routes/visits.$visitId/route';
import { outcomePhotos } from '~db/schema/outcomes';
import { browserRequest, createUser } from '../support/factories';
import { loadAs } from '../support/download';
import {
  createGrantWorld,
  createMoneyStaff,
  type GrantWorld,
  type MoneyStaff,
} from '../support/grant-factories';
import { sessionUserOf } from '../support/session-user';

const req = () => browserRequest();
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 1, 2]);
const ONE_TRANCHE = [{ kind: 'rest' as const, value: 0, condition: 'on-signing' as const }];
const CONCERN = 'Свекровь запрещает ей выходить из дома';

function localityOf(world: GrantWorld): number {
  const application = findApplication(world.applicationId)!;
  return findHousehold(application.householdId)!.localityId;
}

async function paidWorld(options: { paidOn?: Date; timezone?: string } = {}) {
  const staff = await createMoneyStaff();
  const world = await createGrantWorld({ signed: true, signer: staff.staffA, plan: ONE_TRANCHE });
  if (options.timezone)
    writeTransaction((tx) =>
      updateCompetitionRow(tx, world.competition.id, { timezone: options.timezone }),
    );
  const facilitator = await createUser({
    roles: ['facilitator'],
    worksIn: [localityOf(world)],
    locale: 'ky',
    name: 'Гүлмира Фасилитатор',
  });
  pay(staff, world, options.paidOn ?? new Date());
  return { staff, world, facilitator };
}

function pay(staff: MoneyStaff, world: GrantWorld, paidOn: Date) {
  const tranche = world.tranches[0]!;
  const recorded = recordMoneyRequest(req(), sessionUserOf(staff.staffA), world.grant.id, {
    kind: 'payment',
    trancheId: tranche.id,
    amount: tranche.amount,
    method: 'e-wallet',
    paidOn,
    reference: 'OD-1',
  });
  if (!recorded.ok) throw new Error(recorded.error);
  const approved = approveMoneyRequest(req(), sessionUserOf(staff.staffB), recorded.request.id);
  if (!approved.ok) throw new Error(approved.error);
}

const today = () => zonedCalendarDay(new Date(), 'Asia/Bishkek');

function answers(overrides: Partial<VisitInput> = {}): VisitInput {
  return {
    visitedOn: today(),
    businessStatus: 'operating',
    statusReason: '',
    monthlyRevenue: 2_500_000,
    monthlyCosts: 1_000_000,
    jobsWomen: 150,
    jobsMen: 0,
    monthlyHouseholdIncome: 3_000_000,
    assetState: 'present-used',
    notes: '',
    decidesOwnEarnings: 'jointly-husband',
    decidesLargePurchases: 'husband',
    decidesBusinessMoney: 'herself',
    sayInMoney: 4,
    safeguarding: false,
    safeguardingNote: '',
    ...overrides,
  };
}

function record(user: User, visitId: number, input = answers(), photo: Uint8Array | null = null) {
  const actor = sessionUserOf(user);
  const context = visitFor(actor, visitId);
  if (!context) throw new Error('no access');
  return recordVisit(req(), actor, context, input, photo);
}

describe('the visit form', () => {
  test('jobs as full-time equivalents in hundredths, money non-negative, reasons where needed', () => {
    const raw = {
      visitedOn: '2026-03-01',
      businessStatus: 'paused',
      statusReason: '',
      monthlyRevenue: '-5',
      monthlyCosts: '1 000',
      jobsWomen: '1,5',
      jobsMen: '0.25',
      monthlyHouseholdIncome: '30000',
      assetState: 'present-used',
      decidesOwnEarnings: 'herself',
      decidesLargePurchases: 'husband',
      decidesBusinessMoney: 'someone-else',
      sayInMoney: '3',
      safeguarding: 'on',
      safeguardingNote: '',
    };
    const bad = visitSchema.safeParse(raw);
    expect(bad.success).toBe(false);
    const errors = Object.fromEntries(
      bad.error!.issues.map((issue) => [issue.path.join('.'), issue.message]),
    );
    expect(errors).toEqual({
      monthlyRevenue: 'validation.money',
      statusReason: 'visits:errors.reason',
      safeguardingNote: 'visits:errors.safeguardingNote',
    });
    const good = visitSchema.parse({
      ...raw,
      monthlyRevenue: '15000,50',
      statusReason: 'Зимой нет покупателей',
      safeguarding: '',
    });
    expect([good.monthlyRevenue, good.monthlyCosts, good.jobsWomen, good.jobsMen]).toEqual([
      1_500_050, 100_000, 150, 25,
    ]);
    expect(
      visitSchema
        .safeParse({ ...raw, jobsWomen: '1.555' })
        .error!.issues.find((issue) => issue.path[0] === 'jobsWomen')!.message,
    ).toBe('visits:errors.fte');
    expect(
      visitSchema
        .safeParse({ ...raw, visitedOn: '2026-02-31' })
        .error!.issues.find((issue) => issue.path[0] === 'visitedOn')!.message,
    ).toBe('validation.date');
  });
});

describe('scheduling', () => {
  test("the first payment writes three visits due 3, 6 and 12 months on, in the competition's time zone, once", async () => {
    // 20:00 UTC on 31 January is already 1 February in Bishkek.
    const { staff, world } = await paidWorld({ paidOn: new Date('2025-01-31T20:00:00Z') });
    expect(visitsOfGrant(world.grant.id).map((v) => [v.month, v.dueOn, v.status])).toEqual([
      [3, '2025-05-01', 'due'],
      [6, '2025-08-01', 'due'],
      [12, '2026-02-01', 'due'],
    ]);
    // Again (a later payment, a retry): nothing new.
    expect(
      writeTransaction((tx) =>
        scheduleVisits(tx, world.grant.id, { userId: null, ipAddress: null }),
      ),
    ).toEqual([]);
    expect(visitsOfGrant(world.grant.id)).toHaveLength(3);
    const scheduled = db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'visit.scheduled'))
      .all()
      .filter((row) => JSON.parse(row.after!).grantId === world.grant.id);
    expect(scheduled).toHaveLength(3);
    expect(scheduled[0]!.actorUserId).toBe(staff.staffB.id);

    // The same instant in a competition on UTC: 31 January, so 30 April (clamped) and 31 July.
    const utc = await paidWorld({ paidOn: new Date('2025-01-31T20:00:00Z'), timezone: 'UTC' });
    expect(visitsOfGrant(utc.world.grant.id).map((v) => v.dueOn)).toEqual([
      '2025-04-30',
      '2025-07-31',
      '2026-01-31',
    ]);
  });

  test('each facilitator of the village gets a reminder a week before each visit; recording early drops it', async () => {
    const { world, facilitator } = await paidWorld();
    const elsewhere = await createUser({ roles: ['facilitator'], worksIn: [] });
    const visits = visitsOfGrant(world.grant.id);
    const reminders = (visitId: number) =>
      db
        .select()
        .from(mailOutbox)
        .where(eq(mailOutbox.jobKey, visitReminderKey(visitId)))
        .all();
    for (const visit of visits) {
      const rows = reminders(visit.id);
      expect(rows.map((r) => [r.recipientUserId, r.status, r.template, r.locale])).toEqual([
        [facilitator.id, 'pending', 'visit-due', 'ky'],
      ]);
      expect(rows[0]!.notBefore!.toISOString()).toBe(
        visitReminderAt(visit.dueOn, 'Asia/Bishkek').toISOString(),
      );
      expect(rows[0]!.recipientUserId).not.toBe(elsewhere.id);
    }
    // The 3-month visit recorded today, weeks before it is due: its reminder goes, not the others.
    expect(record(facilitator, visits[0]!.id).ok).toBe(true);
    expect(reminders(visits[0]!.id).map((r) => r.status)).toEqual(['dropped']);
    expect(reminders(visits[1]!.id).map((r) => r.status)).toEqual(['pending']);
    // The family is told, in her language; she may be e-mailed.
    const told = db
      .select()
      .from(mailOutbox)
      .where(
        and(
          eq(mailOutbox.recipientUserId, world.family.id),
          eq(mailOutbox.template, 'visit-recorded'),
        ),
      )
      .all();
    expect(told.map((r) => [r.status, r.locale])).toEqual([['pending', 'ky']]);
  });
});

describe('the lists and the rules of recording', () => {
  test('a facilitator sees only her villages, overdue first; staff see every village and filter', async () => {
    const fourMonthsAgo = new Date(Date.now() - 122 * 24 * 60 * 60_000);
    const mine = await paidWorld({ paidOn: fourMonthsAgo });
    const theirs = await paidWorld({ paidOn: fourMonthsAgo });
    const page = visitsListPage(
      sessionUserOf(mine.facilitator),
      new URL('http://localhost/visits'),
    );
    expect(page.everyVillage).toBe(false);
    expect(page.rows.map((r) => r.grantId)).toEqual([
      mine.world.grant.id,
      mine.world.grant.id,
      mine.world.grant.id,
    ]);
    expect(page.rows.map((r) => r.state)).toEqual(['overdue', 'due', 'due']);
    expect(page.villages.map((v) => v.id)).toEqual([localityOf(mine.world)]);
    // Asking for another village does not widen her list.
    const other = visitsListPage(
      sessionUserOf(mine.facilitator),
      new URL(`http://localhost/visits?village=${localityOf(theirs.world)}`),
    );
    expect(other.rows.every((r) => r.grantId === mine.world.grant.id)).toBe(true);

    const staff = sessionUserOf(mine.staff.staffA);
    const overdue = visitsListPage(
      staff,
      new URL(`http://localhost/visits?state=overdue&village=${localityOf(theirs.world)}`),
    );
    expect(overdue.everyVillage).toBe(true);
    expect(overdue.rows.map((r) => [r.grantId, r.state])).toEqual([
      [theirs.world.grant.id, 'overdue'],
    ]);
    // Recorded, it is done and leaves the overdue list.
    const visit = visitsOfGrant(mine.world.grant.id)[0]!;
    expect(record(mine.facilitator, visit.id).ok).toBe(true);
    const done = visitsListPage(
      sessionUserOf(mine.facilitator),
      new URL('http://localhost/visits?state=done'),
    );
    expect(done.rows.map((r) => [r.id, r.state])).toEqual([[visit.id, 'done']]);
  });

  test('who may record: the facilitator of her village and staff, not another village nor the family; once; not in the future nor before the payment', async () => {
    const { world, facilitator, staff } = await paidWorld();
    const stranger = await createUser({ roles: ['facilitator'], worksIn: [] });
    const [three, six] = visitsOfGrant(world.grant.id);
    expect(visitFor(sessionUserOf(stranger), three!.id)).toBeNull();
    expect(visitFor(sessionUserOf(world.family), three!.id)).toBeNull();
    expect(visitFor(sessionUserOf(staff.staffA), three!.id)?.access).toBe('staff');

    const tomorrow = new Date(Date.now() + 36 * 60 * 60_000);
    expect(
      record(
        facilitator,
        three!.id,
        answers({ visitedOn: zonedCalendarDay(tomorrow, 'Asia/Bishkek') }),
      ),
    ).toEqual({
      ok: false,
      error: 'in-future',
    });
    expect(record(facilitator, three!.id, answers({ visitedOn: '2020-01-01' }))).toEqual({
      ok: false,
      error: 'before-payment',
    });
    expect(record(facilitator, three!.id, answers(), PDF)).toEqual({
      ok: false,
      error: 'wrong-type',
    });
    expect(visitsOfGrant(world.grant.id)[0]!.status).toBe('due');

    const done = record(facilitator, three!.id, answers(), JPEG);
    expect(done.ok).toBe(true);
    expect(record(staff.staffA, three!.id)).toEqual({ ok: false, error: 'already-recorded' });
    // Staff record too (a visit the facilitator could not make).
    expect(record(staff.staffA, six!.id).ok).toBe(true);
    const stored = visitsOfGrant(world.grant.id)[0]!;
    expect([stored.jobsWomenHundredths, stored.monthlyRevenue, stored.recordedById]).toEqual([
      150,
      2_500_000,
      facilitator.id,
    ]);
  });

  test('a draft is kept for her alone until the visit is recorded', async () => {
    const { world, facilitator } = await paidWorld();
    const visit = visitsOfGrant(world.grant.id)[0]!;
    const actor = sessionUserOf(facilitator);
    const context = visitFor(actor, visit.id)!;
    expect(
      saveVisitDraft(req(), actor, context, [
        ['businessStatus', 'paused'],
        ['notes', 'Вернуться весной'],
        ['evil', 'x'],
      ]),
    ).toEqual({ ok: true });
    expect(visitDraft(actor, visit.id)).toEqual({
      businessStatus: 'paused',
      notes: 'Вернуться весной',
    });
    expect(visitPageData(actor, context).defaults.notes).toBe('Вернуться весной');
    expect(record(facilitator, visit.id).ok).toBe(true);
    expect(visitDraft(actor, visit.id)).toBeNull();
  });
});

test('the 12-month visit completes the grant; the competition went to monitoring when paid and closes now', async () => {
  const { world, facilitator } = await paidWorld();
  expect(findCompetition(world.competition.id)!.status).toBe('monitoring');
  const [three, six, twelve] = visitsOfGrant(world.grant.id);
  expect(record(facilitator, three!.id).ok).toBe(true);
  expect(
    record(facilitator, six!.id, answers({ businessStatus: 'paused', statusReason: 'Зима' })).ok,
  ).toBe(true);
  expect(findGrant(world.grant.id)!.status).toBe('signed');
  expect(findCompetition(world.competition.id)!.status).toBe('monitoring');
  // Recorded early: a visit may be recorded before its due day.
  expect(record(facilitator, twelve!.id).ok).toBe(true);
  expect(findGrant(world.grant.id)!.status).toBe('completed');
  expect(findCompetition(world.competition.id)!.status).toBe('closed');
  const completed = db
    .select()
    .from(auditLog)
    .where(
      and(eq(auditLog.action, 'grant.completed'), eq(auditLog.entityId, String(world.grant.id))),
    )
    .all();
  expect(completed).toHaveLength(1);
});

test('a safeguarding concern reaches staff only: not the facilitator pages, the e-mails or the audit text', async () => {
  const { world, facilitator, staff } = await paidWorld();
  const visit = visitsOfGrant(world.grant.id)[0]!;
  expect(
    record(facilitator, visit.id, answers({ safeguarding: true, safeguardingNote: CONCERN })).ok,
  ).toBe(true);
  const flags = db
    .select()
    .from(safeguardingFlags)
    .where(eq(safeguardingFlags.visitId, visit.id))
    .all();
  expect(flags.map((f) => [f.note, f.raisedById])).toEqual([[CONCERN, facilitator.id]]);

  const facilitatorActor = sessionUserOf(facilitator);
  const facilitatorView = visitPageData(facilitatorActor, visitFor(facilitatorActor, visit.id)!);
  expect(facilitatorView.staff).toBeNull();
  expect(JSON.stringify(facilitatorView)).not.toContain(CONCERN);
  expect(
    JSON.stringify(visitsListPage(facilitatorActor, new URL('http://localhost/visits'))),
  ).not.toContain(CONCERN);

  const staffActor = sessionUserOf(staff.staffA);
  expect(visitPageData(staffActor, visitFor(staffActor, visit.id)!).staff?.safeguardingNote).toBe(
    CONCERN,
  );
  expect(
    db
      .select()
      .from(mailOutbox)
      .where(like(mailOutbox.html, `%${CONCERN}%`))
      .all(),
  ).toHaveLength(0);
  expect(
    db
      .select()
      .from(mailOutbox)
      .where(like(mailOutbox.text, `%${CONCERN}%`))
      .all(),
  ).toHaveLength(0);
  const audit = db
    .select()
    .from(auditLog)
    .where(eq(auditLog.entityId, String(visit.id)))
    .all()
    .concat(db.select().from(auditLog).where(eq(auditLog.action, 'safeguarding.flagged')).all());
  expect(JSON.stringify(audit)).not.toContain(CONCERN);
  expect(
    JSON.parse(audit.find((a) => a.action === 'visit.recorded')!.after!).safeguardingFlagId,
  ).toBe(flags[0]!.id);
  // The row itself holds no concern either.
  expect(
    JSON.stringify(
      db.select().from(monitoringVisits).where(eq(monitoringVisits.id, visit.id)).get(),
    ),
  ).not.toContain(CONCERN);
});

test('the pages answer through their loaders: her visit without the concern, 404 for another village, 403 for the family; the photo to whoever may see the grant', async () => {
  const { world, facilitator, staff } = await paidWorld();
  const stranger = await createUser({ roles: ['facilitator'], worksIn: [] });
  const visit = visitsOfGrant(world.grant.id)[0]!;
  expect(
    record(facilitator, visit.id, answers({ safeguarding: true, safeguardingNote: CONCERN }), JPEG)
      .ok,
  ).toBe(true);
  // The loaders' answers (or refusals) as each person signed in.
  const call = (
    loader: Parameters<typeof loadAs>[0],
    path: string,
    params: Record<string, string>,
    user: { id: number },
  ) => loadAs(loader, path, user, params);
  const page = (user: { id: number }) =>
    call(visitLoader, `/visits/${visit.id}`, { visitId: String(visit.id) }, user);
  const hers = await page(facilitator);
  expect(hers.status).toBe(200);
  expect(await hers.text()).not.toContain(CONCERN);
  const list = await call(visitsLoader, '/visits', {}, facilitator);
  expect(await list.text()).not.toContain(CONCERN);
  expect(await (await page(staff.staffA)).text()).toContain(CONCERN);
  expect((await page(stranger)).status).toBe(404);
  expect((await page(world.family)).status).toBe(403);

  const photo = db.select().from(outcomePhotos).where(eq(outcomePhotos.visitId, visit.id)).get()!;
  const photoCall = (user: { id: number }) =>
    call(photoLoader, `/outcome-photos/${photo.id}`, { photoId: String(photo.id) }, user);
  const served = await photoCall(facilitator);
  expect(served.headers.get('content-type')).toBe('image/jpeg');
  expect((await photoCall(world.family)).status).toBe(200);
  expect((await photoCall(stranger)).status).toBe(404);
});
