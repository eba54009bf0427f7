// Decisions and announcement (DESIGN.md): the rules staff cannot break, what every family is told
// and how, and what the public may see — on a real SQLite file, mail through a real SMTP server.
import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { db, writeTransaction } from '~db/client';
import { auditLog } from '~db/schema/audit';
import { mailOutbox } from '~db/schema/mail';
import { findApplication, listApplicationsForScreening } from '~/models/application.server';
import { findCompetition } from '~/models/competition.server';
import { withdrawApplication } from '~/services/applications.server';
import {
  announce,
  announcementPlan,
  decide,
  declineAward,
  decisionBoard,
  jurorCommentsFor,
  markResultTold,
  offerPlace,
  publicResults,
  resultsToTellInPerson,
  setFeedback,
  setPublishConsent,
  withdrawAward,
  withinBudget,
  type Decision,
} from '~/services/decisions.server';
import { createMailTransport, deliverDueMail } from '~/services/mail-delivery.server';
import { browserRequest } from '../support/factories';
import {
  decisionWorld,
  FAMILIES,
  FAMILY_KEYS,
  FINALISTS,
  REQUESTED,
  SOM,
  type DecisionWorld,
  type FamilyKey,
} from '../support/decision-world';
import { sessionUserOf } from '../support/session-user';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp-test-server';

const servers: TestSmtpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** Intl separates groups with U+00A0 or U+202F; compare what a reader sees. */
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

function decideAs(
  world: DecisionWorld,
  key: FamilyKey,
  decision: Decision,
  extra: { amount?: number | null; reason?: string } = {},
) {
  return decide(browserRequest(), sessionUserOf(world.staff), world.families[key].applicationId, {
    decision,
    ...extra,
  });
}

function statusOf(world: DecisionWorld, key: FamilyKey) {
  return findApplication(world.families[key].applicationId)!;
}

/** What the database says is awarded now: the sum and the count per locality. */
function awardedNow(world: DecisionWorld) {
  const awarded = listApplicationsForScreening({
    competitionId: world.competition.id,
    status: 'awarded',
  });
  return {
    sum: awarded.reduce((s, a) => s + (a.awardedAmount ?? 0), 0),
    north: awarded.filter((a) => a.localityId === world.north.id).length,
    south: awarded.filter((a) => a.localityId === world.south.id).length,
  };
}

function resultMails(world: DecisionWorld, key: FamilyKey) {
  return db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.recipientUserId, world.families[key].user.id))
    .all();
}

/** The decisions most tests start from: three winners in budget, a waiting list, feedback. */
function decideAll(world: DecisionWorld) {
  expect(decideAs(world, 'N1', 'awarded')).toEqual({ ok: true });
  expect(decideAs(world, 'S1', 'awarded')).toEqual({ ok: true });
  expect(decideAs(world, 'N2', 'awarded', { amount: 50_000 * SOM })).toEqual({ ok: true });
  expect(decideAs(world, 'S2', 'waitlisted')).toEqual({ ok: true });
  expect(decideAs(world, 'N3', 'waitlisted')).toEqual({ ok: true });
  expect(decideAs(world, 'S3', 'waitlisted')).toEqual({ ok: true });
  const staff = sessionUserOf(world.staff);
  for (const [key, text] of [
    ['X', 'Рынок описан слабо; приходите на консультацию.'],
    ['Z', 'The budget needs real prices; your facilitator can help.'],
  ] as const) {
    expect(setFeedback(browserRequest(), staff, world.families[key].applicationId, text)).toEqual({
      ok: true,
    });
  }
}

describe('deciding within the rules', () => {
  test('decisions wait while a round is open, and before any round is closed', async () => {
    const early = await decisionWorld({ stage: 'round-1-open' });
    expect(decisionBoard(early.competition.id)).toMatchObject({
      finalRoundId: null,
      roundStillOpen: true,
      rows: [],
    });
    expect(decideAs(early, 'N1', 'awarded')).toEqual({ ok: false, error: 'not-ready' });
    expect(announce(browserRequest(), sessionUserOf(early.staff), early.competition.id)).toEqual({
      ok: false,
      error: 'not-ready',
    });

    const later = await decisionWorld({ stage: 'round-2-open' });
    // Round 1 is closed, but round 2 is still being scored: its ranking is the one that counts.
    expect(decisionBoard(later.competition.id)!.roundStillOpen).toBe(true);
    expect(decideAs(later, 'N1', 'awarded')).toEqual({ ok: false, error: 'not-ready' });
    expect(statusOf(later, 'N1').status).toBe('in-review');
  });

  test('the board follows the final ranking and shows the budget and the quotas', async () => {
    const world = await decisionWorld();
    const board = decisionBoard(world.competition.id)!;
    expect(board.finalRoundId).toBe(world.rounds.second);
    expect(board.rows.map((r) => r.applicationId)).toEqual(
      FINALISTS.map((k) => world.families[k].applicationId),
    );
    expect(board.budget).toEqual({ total: 300_000 * SOM, awarded: 0, remaining: 300_000 * SOM });
    // Only the final round's applications are decided here; X and Z did not reach it.
    expect(decideAs(world, 'X', 'awarded', { reason: 'x' })).toEqual({
      ok: false,
      error: 'not-in-final-round',
    });

    expect(decideAs(world, 'N1', 'awarded')).toEqual({ ok: true });
    expect(decideAs(world, 'S1', 'awarded', { amount: 120_000 * SOM })).toEqual({ ok: true });
    const after = decisionBoard(world.competition.id)!;
    expect(after.budget).toEqual({
      total: 300_000 * SOM,
      awarded: 220_000 * SOM,
      remaining: 80_000 * SOM,
    });
    expect(after.quotas.map((q) => [q.localityId, q.quota, q.awarded])).toEqual(
      expect.arrayContaining([
        [world.north.id, 2, 1],
        [world.south.id, 2, 1],
      ]),
    );
  });

  test('the board pages its rows and filters them by village, status and range of places', async () => {
    const world = await decisionWorld();
    const id = (key: FamilyKey) => world.families[key].applicationId;
    const ids = (board: ReturnType<typeof decisionBoard>) =>
      board!.rows.map((r) => r.applicationId);
    const cid = world.competition.id;
    expect(ids(decisionBoard(cid, { filter: { localityId: world.north.id } }))).toEqual(
      ['N1', 'N2', 'N3'].map((k) => id(k as FamilyKey)),
    );
    expect(ids(decisionBoard(cid, { filter: { rankFrom: 2, rankTo: 4 } }))).toEqual(
      ['S1', 'N2', 'S2'].map((k) => id(k as FamilyKey)),
    );
    expect(decideAs(world, 'N1', 'awarded')).toEqual({ ok: true });
    expect(ids(decisionBoard(cid, { filter: { status: 'awarded' } }))).toEqual([id('N1')]);
    const second = decisionBoard(cid, { page: 2, pageSize: 4 })!;
    expect(ids(second)).toEqual([id('N3'), id('S3')]);
    expect(second.page).toEqual({ number: 2, size: 4, total: 6 });
    // A page past the end shows the last one; the budget and quotas count every row, not the page.
    expect(decisionBoard(cid, { page: 9, pageSize: 4 })!.page.number).toBe(2);
    expect(second.budget.awarded).toBe(REQUESTED);
    expect(second.quotas.find((q) => q.localityId === world.north.id)!.awarded).toBe(1);
  });

  test('an amount outside the competition min..max (or not whole tyiyn) is refused', async () => {
    const world = await decisionWorld();
    for (const amount of [
      50_000 * SOM - 1,
      150_000 * SOM + 1,
      0,
      -100,
      60_000 * SOM + 0.5,
      Number.NaN,
    ]) {
      expect(decideAs(world, 'N1', 'awarded', { amount })).toEqual({
        ok: false,
        error: 'amount-out-of-range',
      });
    }
    expect(statusOf(world, 'N1')).toMatchObject({ status: 'in-review', awardedAmount: null });
    expect(decideAs(world, 'N1', 'awarded', { amount: 50_000 * SOM })).toEqual({ ok: true });
    expect(decideAs(world, 'S1', 'awarded', { amount: 150_000 * SOM })).toEqual({ ok: true });
    // Without an amount, the family's request is awarded.
    expect(statusOf(world, 'N1').awardedAmount).toBe(50_000 * SOM);
    expect(decideAs(world, 'N1', 'awarded')).toEqual({ ok: true });
    expect(statusOf(world, 'N1').awardedAmount).toBe(REQUESTED);
  });

  test('the budget is never exceeded; changing an award counts only its new amount', async () => {
    const world = await decisionWorld({
      budget: 250_000 * SOM,
      quotas: { north: null, south: null },
    });
    expect(decideAs(world, 'N1', 'awarded', { amount: 150_000 * SOM })).toEqual({ ok: true });
    expect(decideAs(world, 'S1', 'awarded')).toEqual({ ok: true });
    expect(decideAs(world, 'N2', 'awarded', { amount: 50_000 * SOM, reason: 'r' })).toEqual({
      ok: false,
      error: 'over-budget',
    });
    expect(statusOf(world, 'N2').status).toBe('in-review');
    // N1's own award is not counted twice when staff lower it.
    expect(decideAs(world, 'N1', 'awarded', { amount: 100_000 * SOM })).toEqual({ ok: true });
    expect(decideAs(world, 'N2', 'awarded', { amount: 50_000 * SOM })).toEqual({ ok: true });
    expect(awardedNow(world).sum).toBe(250_000 * SOM);
    expect(decisionBoard(world.competition.id)!.budget.remaining).toBe(0);
  });

  test('one budget rule: withinBudget answers what deciding and offering a place both obey', async () => {
    const world = await decisionWorld({
      budget: 250_000 * SOM,
      quotas: { north: null, south: null },
    });
    const { competition } = world;
    const app = (key: FamilyKey) => world.families[key].applicationId;
    const rule = (key: FamilyKey, amount: number) =>
      writeTransaction((tx) => withinBudget(tx, competition, app(key), amount));
    expect(rule('N1', 250_000 * SOM)).toBe(true);
    expect(rule('N1', 250_000 * SOM + 1)).toBe(false);
    expect(decideAs(world, 'N1', 'awarded', { amount: 150_000 * SOM })).toEqual({ ok: true });
    // Her own award is left out when she is decided again; the others count.
    expect(rule('N1', 150_000 * SOM)).toBe(true);
    expect(rule('S1', 100_000 * SOM)).toBe(true);
    expect(rule('S1', 100_000 * SOM + 1)).toBe(false);
    // Deciding refuses exactly where the rule says no…
    expect(decideAs(world, 'S1', 'awarded', { amount: 100_000 * SOM + 100 })).toEqual({
      ok: false,
      error: 'over-budget',
    });
    expect(decideAs(world, 'S1', 'awarded', { amount: 100_000 * SOM })).toEqual({ ok: true });
    for (const key of ['N2', 'S2', 'N3', 'S3'] as const)
      expect(decideAs(world, key, 'waitlisted')).toEqual({ ok: true });
    expect(announce(browserRequest(), sessionUserOf(world.staff), competition.id)).toMatchObject({
      ok: true,
    });
    expect(
      withdrawAward(browserRequest(), sessionUserOf(world.staff), app('S1'), 'Не начала дело'),
    ).toEqual({ ok: true });
    // …and so does offering the freed place: 100 000 remain.
    expect(rule('S2', 100_000 * SOM + 100)).toBe(false);
    expect(
      offerPlace(browserRequest(), sessionUserOf(world.staff), app('S2'), 100_000 * SOM + 100),
    ).toEqual({ ok: false, error: 'over-budget' });
    expect(rule('S2', 100_000 * SOM)).toBe(true);
    expect(
      offerPlace(browserRequest(), sessionUserOf(world.staff), app('S2'), 100_000 * SOM),
    ).toEqual({ ok: true });
    expect(awardedNow(world).sum).toBe(250_000 * SOM);
  });

  test("a village's quota holds", async () => {
    const world = await decisionWorld({ budget: 1_000_000 * SOM, quotas: { north: 1, south: 2 } });
    expect(decideAs(world, 'N1', 'awarded')).toEqual({ ok: true });
    expect(decideAs(world, 'S1', 'awarded')).toEqual({ ok: true });
    expect(decideAs(world, 'N2', 'awarded', { reason: 'сильнее бизнес-план' })).toEqual({
      ok: false,
      error: 'over-quota',
    });
    expect(decideAs(world, 'S2', 'awarded')).toEqual({ ok: true });
    expect(decideAs(world, 'S3', 'awarded', { reason: 'r' })).toEqual({
      ok: false,
      error: 'over-quota',
    });
    expect(awardedNow(world)).toMatchObject({ north: 1, south: 2 });
  });

  test('passing over a higher-ranked application needs a written reason, kept for staff only', async () => {
    const world = await decisionWorld({ budget: 1_000_000 * SOM, quotas: { north: 1, south: 3 } });
    // S1 (rank 2) before N1 (rank 1) is decided: N1 is passed over.
    expect(decideAs(world, 'S1', 'awarded')).toEqual({ ok: false, error: 'reason-required' });
    expect(decideAs(world, 'S1', 'awarded', { reason: '   ' })).toEqual({
      ok: false,
      error: 'reason-required',
    });
    expect(decideAs(world, 'S1', 'awarded', { reason: 'Семья N1 получила грант в 2023' })).toEqual({
      ok: true,
    });
    expect(statusOf(world, 'S1').decisionReason).toBe('Семья N1 получила грант в 2023');
    expect(decideAs(world, 'N1', 'awarded')).toEqual({ ok: true });
    // N2 (rank 3) cannot be awarded: north's quota of one is used, so S2 passes over nobody.
    expect(decideAs(world, 'S2', 'awarded')).toEqual({ ok: true });
    // Turning down N1 while S1 and S2 stand: S2 was awarded with no reason, so now one is needed.
    expect(decideAs(world, 'N1', 'not-selected')).toEqual({ ok: false, error: 'reason-required' });
    expect(decideAs(world, 'N1', 'not-selected', { reason: 'Отказалась от участия' })).toEqual({
      ok: true,
    });
    // The reason is in the audit log and on the board, but not in the family's history.
    const audits = db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'application.decided'),
          eq(auditLog.entityId, String(world.families.N1.applicationId)),
        ),
      )
      .all();
    expect(JSON.stringify(audits.map((a) => a.after))).toContain('Отказалась от участия');
    expect(
      decisionBoard(world.competition.id)!.rows.find(
        (r) => r.applicationId === world.families.N1.applicationId,
      )!.decisionReason,
    ).toBe('Отказалась от участия');
  });

  test('waiting-list places follow the ranking within each village', async () => {
    const world = await decisionWorld();
    decideAll(world);
    expect(statusOf(world, 'S2').waitlistPosition).toBe(1);
    expect(statusOf(world, 'S3').waitlistPosition).toBe(2);
    expect(statusOf(world, 'N3').waitlistPosition).toBe(1);
    // S2 leaves the list: S3 moves up.
    expect(decideAs(world, 'S2', 'not-selected')).toEqual({ ok: true });
    expect(statusOf(world, 'S2').waitlistPosition).toBeNull();
    expect(statusOf(world, 'S3').waitlistPosition).toBe(1);
  });

  test('property: whatever staff click, in any order, the budget and every quota hold', async () => {
    const world = await decisionWorld({ budget: 300_000 * SOM, quotas: { north: 2, south: 1 } });
    const staff = sessionUserOf(world.staff);
    const step = fc.record({
      key: fc.constantFrom(...FINALISTS),
      decision: fc.constantFrom<Decision>('awarded', 'awarded', 'waitlisted', 'not-selected'),
      amount: fc.option(fc.integer({ min: 40_000 * SOM, max: 160_000 * SOM }), { nil: null }),
      reason: fc.constantFrom('', 'решение комиссии'),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        for (const s of steps) {
          const before = awardedNow(world);
          const result = decide(browserRequest(), staff, world.families[s.key].applicationId, {
            decision: s.decision,
            amount: s.amount,
            reason: s.reason,
          });
          const now = awardedNow(world);
          expect(now.sum).toBeLessThanOrEqual(300_000 * SOM);
          expect(now.north).toBeLessThanOrEqual(2);
          expect(now.south).toBeLessThanOrEqual(1);
          if (!result.ok) expect(now).toEqual(before);
          // Waiting-list places stay 1, 2, … in each village.
          for (const localityId of [world.north.id, world.south.id]) {
            const places = listApplicationsForScreening({
              competitionId: world.competition.id,
              status: 'waitlisted',
              localityId,
            })
              .map((r) => findApplication(r.id)!.waitlistPosition)
              .sort();
            expect(places).toEqual(places.map((_, i) => i + 1));
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('feedback', () => {
  test("jurors' comments come without who wrote them, in an order that does not follow them", async () => {
    const world = await decisionWorld({
      comments: { N2: ['Рынок описан хорошо.', 'Бюджет завышен.'] },
    });
    const comments = jurorCommentsFor(world.families.N2.applicationId);
    expect(comments).toEqual(['Бюджет завышен.', 'Рынок описан хорошо.']);
    for (const comment of comments) expect(typeof comment).toBe('string');
    const text = JSON.stringify(comments);
    for (const juror of world.jurors) {
      expect(text).not.toContain(juror.name);
      expect(text).not.toContain(String(juror.id));
    }
    expect(jurorCommentsFor(world.families.N1.applicationId)).toEqual([]);
  });
});

describe('announcing', () => {
  test('refused while rows are undecided, with no winner, and a second time', async () => {
    const world = await decisionWorld();
    const staff = sessionUserOf(world.staff);
    const announceNow = () => announce(browserRequest(), staff, world.competition.id);
    expect(announceNow()).toEqual({ ok: false, error: 'undecided' });
    for (const key of FINALISTS) expect(decideAs(world, key, 'waitlisted')).toEqual({ ok: true });
    expect(announcementPlan(world.competition.id)!.undecided).toEqual([]);
    expect(announceNow()).toEqual({ ok: false, error: 'no-winner' });
    expect(decideAs(world, 'N1', 'awarded')).toEqual({ ok: true });
    expect(announceNow()).toEqual({ ok: true, told: 8 });
    expect(announceNow()).toEqual({ ok: false, error: 'already-announced' });
    // Told once: one result notice per family, however often staff click.
    for (const key of FAMILY_KEYS)
      expect(resultMails(world, key).filter((m) => m.template === 'result')).toHaveLength(1);
  });

  test('a family who withdrew her application before the decision does not hold it up', async () => {
    const other = await decisionWorld();
    expect(
      withdrawApplication(
        browserRequest(),
        sessionUserOf(other.families.S3.user),
        other.families.S3.applicationId,
        'Уезжаем',
      ),
    ).toEqual({ ok: true });
    decideAllBut(other, 'S3');
    expect(decideAs(other, 'S3', 'awarded', { reason: 'r' })).toEqual({
      ok: false,
      error: 'not-in-final-round',
    });
    expect(announce(browserRequest(), sessionUserOf(other.staff), other.competition.id)).toEqual({
      ok: true,
      told: 7,
    });
    expect(statusOf(other, 'S3').status).toBe('withdrawn');
  });

  test('announcing locks the decisions, ends the others as not selected, and is audited', async () => {
    const world = await decisionWorld();
    decideAll(world);
    const staff = sessionUserOf(world.staff);
    expect(announcementPlan(world.competition.id)).toEqual({
      awarded: 3,
      waitlisted: 3,
      notSelected: 2,
      byEmail: 5,
      inPerson: 3,
      undecided: [],
    });
    expect(announce(browserRequest(), staff, world.competition.id)).toEqual({ ok: true, told: 8 });
    expect(findCompetition(world.competition.id)).toMatchObject({
      status: 'decided',
      announcedById: world.staff.id,
    });
    expect(statusOf(world, 'X').status).toBe('not-selected');
    expect(statusOf(world, 'Z').status).toBe('not-selected');
    const announced = db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'competition.announced'),
          eq(auditLog.entityId, String(world.competition.id)),
        ),
      )
      .all();
    expect(announced).toHaveLength(1);
    expect(announced[0]!.actorUserId).toBe(world.staff.id);

    for (const key of FAMILY_KEYS) {
      const id = world.families[key].applicationId;
      for (const decision of ['awarded', 'waitlisted', 'not-selected'] as const)
        expect(decide(browserRequest(), staff, id, { decision, reason: 'r' })).toEqual({
          ok: false,
          error: 'locked',
        });
      expect(setFeedback(browserRequest(), staff, id, 'поздно')).toEqual({
        ok: false,
        error: 'locked',
      });
    }
    expect(awardedNow(world)).toEqual({ sum: 250_000 * SOM, north: 2, south: 1 });
  });

  test('every family gets one result e-mail in her language, or is on her facilitator list', async () => {
    const world = await decisionWorld();
    decideAll(world);
    // X reads Russian; her feedback is marked as written in English (no Russian text yet), so
    // her mail says which language it is and that her facilitator can read it with her.
    const xFeedback = 'Рынок описан слабо; приходите на консультацию.';
    expect(
      setFeedback(
        browserRequest(),
        sessionUserOf(world.staff),
        world.families.X.applicationId,
        xFeedback,
        'en',
      ),
    ).toEqual({ ok: true });
    expect(
      announce(browserRequest(), sessionUserOf(world.staff), world.competition.id),
    ).toMatchObject({ ok: true });

    // In the outbox: exactly one result per family; withheld for those who must not get mail.
    const expectedWithheld: Partial<Record<FamilyKey, string>> = {
      N3: 'no-email-contact',
      S3: 'no-address',
      Z: 'via-facilitator-only',
    };
    for (const key of FAMILY_KEYS) {
      const results = resultMails(world, key).filter((m) => m.template === 'result');
      expect(results, key).toHaveLength(1);
      expect(results[0]!.locale).toBe(FAMILIES[key].locale);
      expect(results[0]!.status).toBe(expectedWithheld[key] ? 'withheld' : 'pending');
      expect(results[0]!.withheldReason).toBe(expectedWithheld[key] ?? null);
    }

    const server = await startTestSmtpServer();
    servers.push(server);
    await deliverDueMail({ transport: createMailTransport(server.url) });
    const mailTo = (key: FamilyKey) =>
      server.received.filter((m) => m.to.includes(world.families[key].user.email ?? '-'));
    for (const key of ['N3', 'S3', 'Z'] as const) expect(mailTo(key), key).toEqual([]);
    for (const key of ['N1', 'S1', 'N2', 'S2', 'X'] as const)
      expect(mailTo(key), key).toHaveLength(1);
    const ref = (key: FamilyKey) => world.families[key].reference;

    const n1 = mailTo('N1')[0]!;
    expect(n1.contentLanguage).toBe('ru');
    expect(n1.subject).toBe(`Ишеним: новое сообщение — ${ref('N1')}`);
    expect(n1.text).toContain('присуждён грант');
    expect(spaced(n1.text)).toContain('100 000,00 сом');
    expect(n1.text).toContain(`Конкурс решений ${world.suffix}`);
    expect(n1.text).toContain('Фасилитатор позвонит вам');

    const s1 = mailTo('S1')[0]!;
    expect(s1.contentLanguage).toBe('ky');
    expect(s1.subject).toBe(`Ишеним: жаңы билдирүү — ${ref('S1')}`);
    expect(spaced(s1.text)).toContain('100 000,00 сом');
    expect(s1.text).toContain(`Чечимдер сынагы ${world.suffix}`);

    const n2 = mailTo('N2')[0]!;
    expect(n2.contentLanguage).toBe('en');
    expect(n2.subject).toBe(`Ishenim: new message — ${ref('N2')}`);
    expect(spaced(n2.text)).toMatch(/(KGS|сом) ?50,000\.00/);
    expect(n2.text).toContain(`Decisions competition ${world.suffix}`);

    const s2 = mailTo('S2')[0]!;
    expect(s2.contentLanguage).toBe('ky');
    expect(s2.subject).toBe(`Ишеним: жаңы билдирүү — ${ref('S2')}`);
    expect(s2.text).toContain('күтүү тизмесиндеги ордуңуз: 1.');
    expect(s2.html).toContain('күтүү тизмесиндеги ордуңуз: 1.');

    const x = mailTo('X')[0]!;
    expect(x.contentLanguage).toBe('ru');
    expect(x.subject).toBe(`Ишеним: новое сообщение — ${ref('X')}`);
    expect(x.text).toContain('В этот раз ваша заявка не получила грант');
    expect(x.text).toContain('От программы: Рынок описан слабо; приходите на консультацию.');
    expect(x.text).toContain('Написано на языке «English»: на вашем языке текста пока нет.');
    expect(x.text).toContain('бесплатные консультации');
    // Nobody else's result or name is in her mail.
    for (const other of ['N1', 'S1', 'N2', 'S2'] as const) {
      expect(x.text).not.toContain(ref(other));
      expect(x.text).not.toContain(FAMILIES[other].kelin[1]);
    }

    // The facilitators' lists: her own village only, ticked off one by one.
    const north = sessionUserOf(world.facilitators.north);
    const south = sessionUserOf(world.facilitators.south);
    const listed = (facilitator: typeof north) =>
      resultsToTellInPerson(facilitator)
        .filter((e) => e.application.competitionId === world.competition.id)
        .map((e) => e.application.id);
    const ids = (...keys: FamilyKey[]) => keys.map((k) => world.families[k].applicationId);
    expect(listed(north)).toEqual(ids('N3'));
    expect(listed(south).sort()).toEqual(ids('S3', 'Z').sort());
    const zEntry = resultsToTellInPerson(south).find(
      (e) => e.application.id === world.families.Z.applicationId,
    )!;
    expect(zEntry.application).toMatchObject({
      status: 'not-selected',
      feedback: 'The budget needs real prices; your facilitator can help.',
      resultToldAt: null,
    });
    // Not another village's family.
    expect(markResultTold(browserRequest(), north, world.families.S3.applicationId)).toEqual({
      ok: false,
      error: 'not-found',
    });
    expect(markResultTold(browserRequest(), south, world.families.S3.applicationId)).toEqual({
      ok: true,
    });
    expect(statusOf(world, 'S3')).toMatchObject({ resultToldById: world.facilitators.south.id });
    expect(statusOf(world, 'S3').resultToldAt).toBeInstanceOf(Date);
    // A family who may be e-mailed is not on anyone's list.
    expect(markResultTold(browserRequest(), north, world.families.N1.applicationId)).toEqual({
      ok: false,
      error: 'not-found',
    });
  });

  test('nothing is on a facilitator list before the announcement', async () => {
    const world = await decisionWorld();
    decideAll(world);
    expect(
      resultsToTellInPerson(sessionUserOf(world.facilitators.south)).filter(
        (e) => e.application.competitionId === world.competition.id,
      ),
    ).toEqual([]);
  });
});

describe('after the announcement: stepping back and offering the place', () => {
  test('decline, withdraw, offer to the next of the same village; budget and quota follow', async () => {
    const world = await decisionWorld();
    decideAll(world);
    const staff = sessionUserOf(world.staff);
    const app = (key: FamilyKey) => world.families[key].applicationId;
    // Before the announcement there is nothing to step back from.
    expect(withdrawAward(browserRequest(), staff, app('N1'), 'r')).toEqual({
      ok: false,
      error: 'not-announced',
    });
    expect(offerPlace(browserRequest(), staff, app('N3'))).toEqual({
      ok: false,
      error: 'not-announced',
    });
    expect(announce(browserRequest(), staff, world.competition.id)).toMatchObject({ ok: true });
    const budget = () => decisionBoard(world.competition.id)!.budget;
    expect(budget().awarded).toBe(250_000 * SOM);

    // North's quota (2) is full: N3 gets nothing even within the budget.
    expect(offerPlace(browserRequest(), staff, app('N3'), 50_000 * SOM)).toEqual({
      ok: false,
      error: 'over-quota',
    });
    // S3 is second in the south: S2 comes first.
    expect(offerPlace(browserRequest(), staff, app('S3'), 50_000 * SOM)).toEqual({
      ok: false,
      error: 'not-next',
    });
    // S2 asks 100 000: only 50 000 remain.
    expect(offerPlace(browserRequest(), staff, app('S2'))).toEqual({
      ok: false,
      error: 'over-budget',
    });
    expect(offerPlace(browserRequest(), staff, app('S2'), 40_000 * SOM)).toEqual({
      ok: false,
      error: 'amount-out-of-range',
    });
    expect(offerPlace(browserRequest(), staff, app('X'))).toEqual({
      ok: false,
      error: 'not-waitlisted',
    });

    // N1 declines herself: only she (or her facilitator) may.
    expect(
      declineAward(browserRequest(), sessionUserOf(world.families.S1.user), app('N1'), ''),
    ).toEqual({ ok: false, error: 'not-found' });
    expect(
      declineAward(
        browserRequest(),
        sessionUserOf(world.families.N1.user),
        app('N1'),
        'Переезжаем в Бишкек',
      ),
    ).toEqual({ ok: true });
    expect(statusOf(world, 'N1')).toMatchObject({
      status: 'withdrawn',
      awardWithdrawnReason: 'Переезжаем в Бишкек',
    });
    expect(budget().awarded).toBe(150_000 * SOM);
    expect(
      declineAward(browserRequest(), sessionUserOf(world.families.N1.user), app('N1'), ''),
    ).toEqual({ ok: false, error: 'not-awarded' });

    // Her place goes to N3, the first waiting in the north; she may not get e-mail, so her
    // facilitator's list shows her new result, not yet told.
    expect(offerPlace(browserRequest(), staff, app('N3'))).toEqual({ ok: true });
    expect(statusOf(world, 'N3')).toMatchObject({
      status: 'awarded',
      awardedAmount: REQUESTED,
      waitlistPosition: null,
    });
    expect(budget().awarded).toBe(250_000 * SOM);
    const northList = resultsToTellInPerson(sessionUserOf(world.facilitators.north)).filter(
      (e) => e.application.competitionId === world.competition.id,
    );
    expect(
      northList.map((e) => [e.application.id, e.application.status, e.application.resultToldAt]),
    ).toEqual(expect.arrayContaining([[app('N3'), 'awarded', null]]));
    // N1 declined herself: on the list as already knowing, never as one to visit.
    const n1Entry = northList.find((e) => e.application.id === app('N1'));
    expect(n1Entry?.application.resultToldAt ?? new Date()).toBeInstanceOf(Date);
    const n3Mail = resultMails(world, 'N3').filter((m) => m.template === 'award-offered');
    expect(n3Mail).toHaveLength(1);
    expect(n3Mail[0]!.status).toBe('withheld');

    // Staff withdraw S1's award: a reason is required, and she is told it.
    expect(withdrawAward(browserRequest(), staff, app('S1'), '  ')).toEqual({
      ok: false,
      error: 'reason-required',
    });
    expect(
      withdrawAward(browserRequest(), staff, app('S1'), 'Бизнес уже работает на другой грант'),
    ).toEqual({ ok: true });
    expect(budget().awarded).toBe(150_000 * SOM);
    expect(offerPlace(browserRequest(), staff, app('S2'))).toEqual({ ok: true });
    expect(offerPlace(browserRequest(), staff, app('S2'))).toEqual({
      ok: false,
      error: 'not-waitlisted',
    });
    expect(statusOf(world, 'S3').waitlistPosition).toBe(1);
    expect(budget()).toEqual({
      total: 300_000 * SOM,
      awarded: 250_000 * SOM,
      remaining: 50_000 * SOM,
    });
    expect(awardedNow(world)).toMatchObject({ north: 2, south: 1 });

    const server = await startTestSmtpServer();
    servers.push(server);
    await deliverDueMail({ transport: createMailTransport(server.url) });
    const to = (key: FamilyKey) =>
      server.received.filter((m) => m.to.includes(world.families[key].user.email!));
    const withdrawn = to('S1').find((m) => m.text.includes('кайтарып алды'))!;
    expect(withdrawn.subject).toBe(`Ишеним: жаңы билдирүү — ${world.families.S1.reference}`);
    expect(withdrawn.text).toContain('Себеби: Бизнес уже работает на другой грант');
    const offer = to('S2').find((m) => m.text.includes('орун бошоду'))!;
    expect(offer.subject).toBe(`Ишеним: жаңы билдирүү — ${world.families.S2.reference}`);
    expect(spaced(offer.text)).toContain('100 000,00 сом');
    expect(offer.contentLanguage).toBe('ky');

    // Every step is in the audit log.
    const actions = db
      .select({ action: auditLog.action, entityId: auditLog.entityId })
      .from(auditLog)
      .all()
      .filter((a) =>
        [app('N1'), app('S1'), app('N3'), app('S2')].map(String).includes(a.entityId ?? ''),
      )
      .map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'application.award-declined',
        'application.award-withdrawn',
        'application.place-offered',
      ]),
    );
  });
});

describe('public results', () => {
  test('counts and money, winners by village and sector, and only consenting first names', async () => {
    const world = await decisionWorld();
    decideAll(world);
    expect(publicResults(world.competition.id)).toBeNull();
    const owner = (key: FamilyKey) => sessionUserOf(world.families[key].user);
    expect(
      setPublishConsent(browserRequest(), owner('N2'), world.families.N2.applicationId, true),
    ).toEqual({ ok: true });
    // Nobody else may give her consent.
    expect(
      setPublishConsent(browserRequest(), owner('S1'), world.families.N1.applicationId, true),
    ).toEqual({ ok: false, error: 'not-found' });
    // A family who consented but is not a winner is never named.
    expect(
      setPublishConsent(browserRequest(), owner('S2'), world.families.S2.applicationId, true),
    ).toEqual({ ok: true });
    announce(browserRequest(), sessionUserOf(world.staff), world.competition.id);

    const results = publicResults(world.competition.id)!;
    expect(results).toMatchObject({ applications: 8, winners: 3, totalAwarded: 250_000 * SOM });
    expect(results.named).toEqual([
      expect.objectContaining({ firstName: 'Гулиза', initial: 'Ж.' }),
    ]);
    expect(results.byLocality.map((l) => l.winners).sort()).toEqual([1, 2]);
    const text = JSON.stringify(results);
    for (const key of FAMILY_KEYS) {
      const spec = FAMILIES[key];
      expect(text).not.toContain(spec.kelin[1]);
      expect(text).not.toContain(spec.kelin[1].slice(0, -1)); // the husband's surname
      expect(text).not.toContain(world.families[key].reference);
      expect(text).not.toContain(world.families[key].household.benefitRegisterNumber!);
      if (key !== 'N2') expect(text).not.toContain(spec.kelin[0]);
    }
    for (const word of [
      'benefit',
      'Benefit',
      'income',
      'Income',
      'household',
      'member',
      'phone',
      'email',
    ])
      expect(text).not.toContain(word);
  });
});

function decideAllBut(world: DecisionWorld, skip: FamilyKey) {
  const plan: [FamilyKey, Decision][] = [
    ['N1', 'awarded'],
    ['S1', 'awarded'],
    ['N2', 'waitlisted'],
    ['S2', 'waitlisted'],
    ['N3', 'not-selected'],
    ['S3', 'not-selected'],
  ];
  for (const [key, decision] of plan) {
    if (key === skip) continue;
    expect(decideAs(world, key, decision), key).toEqual({ ok: true });
  }
}
