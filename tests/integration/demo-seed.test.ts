// The demo tells the programme's story: the pilot announced within its budget and quotas, with a
// waiting list and a winner replaced from it; the Kant competition with the jury at work. Seeding
// twice changes nothing.
import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { db } from '~db/client';
import { auditLog } from '~db/schema/audit';
import { competitions } from '~db/schema/competitions';
import { mailOutbox } from '~db/schema/mail';
import { users } from '~db/schema/people';
import { seedDemo } from '~db/seed/demo';
import { findApplication, listApplicationsForScreening } from '~/models/application.server';
import { roundsOfCompetition } from '~/models/jury.server';
import { rolesOfUser } from '~/models/user.server';
import { decisionBoard, publicResults, resultsToTellInPerson } from '~/services/decisions.server';
import { rankingOf } from '~/services/jury.server';

const competitionByTitle = (fragment: string) =>
  db
    .select()
    .from(competitions)
    .all()
    .find((c) => c.titleRu?.includes(fragment))!;

function facilitator(email: string) {
  const user = db.select().from(users).where(eq(users.email, email)).get()!;
  return { user, roles: rolesOfUser(user.id), sessionId: 'test' };
}

describe('the demo seed', () => {
  test('tells the pilot and the Kant stories, and a second run changes nothing', async () => {
    await seedDemo();
    const auditRows = db.select().from(auditLog).all().length;
    const mailRows = db.select().from(mailOutbox).all().length;

    // The pilot: both rounds closed, announced, within the budget and each village's quota.
    const pilot = competitionByTitle('Татыктуу Жашоо 2024');
    // Its first tranche was paid, so it moved on from decided (demo-grants.ts).
    expect(pilot).toMatchObject({ status: 'disbursing' });
    expect(pilot.announcedAt).toBeInstanceOf(Date);
    // Its timeline is where it happened: applications in January 2024, the jury in February,
    // results in March — not the day the demo was seeded.
    expect(pilot.opensAt.toISOString().slice(0, 7)).toBe('2024-01');
    expect(pilot.closesAt.toISOString().slice(0, 7)).toBe('2024-01');
    expect(roundsOfCompetition(pilot.id).map((r) => r.closedAt!.toISOString().slice(0, 7))).toEqual(
      ['2024-02', '2024-02'],
    );
    expect(pilot.announcedAt!.toISOString().slice(0, 7)).toBe('2024-03');
    for (const row of listApplicationsForScreening({ competitionId: pilot.id })) {
      const application = findApplication(row.id)!;
      for (const at of [application.decidedAt, application.resultToldAt]) {
        if (at) expect(at.getUTCFullYear()).toBe(2024);
      }
    }
    expect(roundsOfCompetition(pilot.id).map((r) => r.status)).toEqual(['closed', 'closed']);
    const board = decisionBoard(pilot.id)!;
    expect(board.budget.awarded).toBeLessThanOrEqual(board.budget.total);
    for (const q of board.quotas) {
      expect(q.awarded).toBeGreaterThan(0); // winners in both villages
      expect(q.awarded).toBeLessThanOrEqual(q.quota!);
    }
    const statuses = board.rows.map((r) => r.status);
    expect(statuses.filter((s) => s === 'waitlisted').length).toBeGreaterThanOrEqual(1);
    // One winner stepped back and the next family of her village got the place.
    const steppedBack = board.rows.filter((r) => r.status === 'withdrawn');
    expect(steppedBack).toHaveLength(1);
    const gone = findApplication(steppedBack[0]!.applicationId)!;
    expect(gone.awardWithdrawnAt).toBeInstanceOf(Date);
    const offered = db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'application.place-offered'))
      .all();
    expect(offered).toHaveLength(1);
    const replacement = board.rows.find((r) => r.applicationId === Number(offered[0]!.entityId))!;
    expect(replacement).toMatchObject({
      status: 'awarded',
      localityId: steppedBack[0]!.localityId,
    });
    // Everyone who reached the jury has a result; some not selected have feedback.
    const all = listApplicationsForScreening({ competitionId: pilot.id });
    expect(all.filter((a) => ['in-review', 'shortlisted', 'eligible'].includes(a.status))).toEqual(
      [],
    );
    expect(
      all.filter((a) => a.status === 'not-selected' && findApplication(a.id)!.feedback).length,
    ).toBeGreaterThan(3);
    // The decisions went through the services: audited, results in the outbox.
    expect(
      db.select().from(auditLog).where(eq(auditLog.action, 'application.decided')).all().length,
    ).toBe(10);
    expect(
      db.select().from(mailOutbox).where(eq(mailOutbox.template, 'result')).all().length,
    ).toBeGreaterThan(0);
    // Each facilitator has families to tell in person, some already ticked off.
    for (const email of [
      'gulzat.facilitator@ishenim.example',
      'bakyt.facilitator@ishenim.example',
    ]) {
      const list = resultsToTellInPerson(facilitator(email));
      expect(list.some((e) => e.application.resultToldAt)).toBe(true);
      expect(list.some((e) => !e.application.resultToldAt)).toBe(true);
    }
    const results = publicResults(pilot.id)!;
    expect(results.named.length).toBeGreaterThan(0);
    expect(results.named.length).toBeLessThan(results.winners);

    // Kant: round 1 closed — normalising changes the order, disagreements flagged — round 2 open.
    const kant = competitionByTitle('Кант');
    expect(kant.status).toBe('judging');
    const [first, second] = roundsOfCompetition(kant.id);
    expect([first!.status, second!.status]).toEqual(['closed', 'open']);
    const ranking = rankingOf(first!.id)!;
    expect(ranking.round.normalise).toBe(true);
    const byMean = [...ranking.ranked]
      .sort((a, b) => (b.meanTotal ?? 0) - (a.meanTotal ?? 0))
      .map((r) => r.applicationId);
    expect(ranking.ranked.map((r) => r.applicationId)).not.toEqual(byMean);
    expect(ranking.ranked.some((r) => r.flagged)).toBe(true);
    expect(decisionBoard(kant.id)!.roundStillOpen).toBe(true);
    // This year's competition is open for applications, and a small one in Kazakhstan: in
    // tenge, its pages in Kazakh for whoever never chose a language.
    const open = db
      .select()
      .from(competitions)
      .all()
      .filter((c) => c.status === 'open');
    expect(open.map((c) => [c.currency, c.defaultLocale]).sort()).toEqual([
      ['KGS', null],
      ['KZT', 'kk'],
    ]);

    const again = await seedDemo();
    expect(again).toMatchObject({
      created: 0,
      households: 0,
      applications: 0,
      rounds: 0,
      decided: 0,
    });
    // Only the accounts' refresh is audited again; no decision, mail or round is repeated.
    expect(db.select().from(mailOutbox).all().length).toBe(mailRows);
    expect(
      db
        .select()
        .from(auditLog)
        .all()
        .slice(auditRows)
        .filter((a) => !a.action.startsWith('demo.user')),
    ).toEqual([]);
  }, 120_000);
});
