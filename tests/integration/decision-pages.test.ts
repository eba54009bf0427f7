// The staff's decision board and announcement preview through their real loaders and actions,
// signed in with a real session, on the hand-computed scenario (tests/support/decision-scenario):
// what the board shows in each state, where each refusal lands, 409 once announced, and what the
// preview promises — the e-mails in the staff's language, a public page without surnames.
import { noticeSubject } from '../support/notice-subject';
import { describe, expect, test } from 'vitest';
import { findApplication } from '~/models/application.server';
import { findCompetition } from '~/models/competition.server';
import {
  action as announceAction,
  loader as announceLoader,
} from '~/routes/staff.competitions.$competitionId_.announce/route';
import {
  action as boardAction,
  loader as boardLoader,
} from '~/routes/staff.competitions.$competitionId_.decisions/route';
import { resources } from '~/i18n/resources';
import { createUser } from '../support/factories';
import { sessionCookieFor } from '../support/jury-factories';
import { DEFAULT_MEMBERS } from '../support/programme-factories';
import {
  COMMENTS,
  REQUESTED,
  decisionWorld,
  type DecisionWorld,
} from '../support/decision-scenario';
import { APPLICATIONS, roundInput, type ApplicationKey } from '../support/round-scenario';
import { sessionUserOf } from '../support/session-user';
import { createRound } from '~/services/jury.server';
import { browserRequest } from '../support/factories';

const BASE = 'http://localhost:3999';

/** The board's data; with `decide`, that application's card is open (?decide=). */
async function board(world: DecisionWorld, cookie: string, decide?: ApplicationKey | number) {
  const id = typeof decide === 'number' ? decide : decide && world.applications[decide].id;
  const search = id ? `?decide=${id}` : '';
  const response = await boardLoader({
    request: browserRequest(
      `${BASE}/staff/competitions/${world.competition.id}/decisions${search}`,
      { cookie },
    ),
    params: { competitionId: String(world.competition.id) },
    context: {},
  });
  expect(response.status).toBe(200);
  return response.json();
}

function post(world: DecisionWorld, cookie: string, fields: Record<string, string>) {
  return boardAction({
    request: browserRequest(`${BASE}/staff/competitions/${world.competition.id}/decisions`, {
      cookie,
      method: 'POST',
      body: new URLSearchParams(fields),
    }),
    params: { competitionId: String(world.competition.id) },
    context: {},
  }) as Promise<Response>;
}

const award = (world: DecisionWorld, key: ApplicationKey, amount = '100000', reason = '') => ({
  intent: 'decide',
  applicationId: String(world.applications[key].id),
  decision: 'awarded',
  amount,
  reason,
});

const decision = (world: DecisionWorld, key: ApplicationKey, value: string) => ({
  intent: 'decide',
  applicationId: String(world.applications[key].id),
  decision: value,
  amount: '',
  reason: '',
});

async function thrownStatus(run: () => Promise<unknown>): Promise<number> {
  try {
    await run();
  } catch (error) {
    if (error instanceof Response) return error.status;
    throw error;
  }
  return 200;
}

async function staffCookie(world: DecisionWorld) {
  return sessionCookieFor(world.staff);
}

describe('the decision board', () => {
  test('it waits while the round is open, then shows the final ranking with formatted money', async () => {
    const scoring = await decisionWorld({ leaveOpen: true });
    const scoringData = await board(scoring, await staffCookie(scoring));
    expect(scoringData.state).toBe('no-closed-round');
    expect(scoringData.rows).toEqual([]);

    // A second round set up after the first closed: decisions wait for it.
    const later = await decisionWorld();
    const second = createRound(
      browserRequest(),
      sessionUserOf(later.staff),
      later.competition.id,
      roundInput({ nameKy: 'Тур 2' }),
    );
    expect(second.ok).toBe(true);
    const laterData = await board(later, await staffCookie(later));
    expect(laterData.state).toBe('round-open');
    expect(laterData.openRoundName).toBe('Тур 2');
    expect((await post(later, await staffCookie(later), award(later, 'A1'))).status).toBe(400);

    const world = await decisionWorld({ budget: 250_000_00, quota: 2 });
    const data = await board(world, await staffCookie(world));
    expect(data.state).toBe('ready');
    expect(data.rows.map((r) => r.reference)).toEqual(
      APPLICATIONS.map((key) => world.applications[key].reference),
    );
    expect(data.rows.map((r) => r.score)).toEqual(['75,0', '57,5', '55,0', '52,5']);
    // Russian money, formatted on the server (the browser may lack the locale's data).
    expect(data.budget.total).toMatch(/^250\s000,00\s(сом|KGS)$/);
    expect(data.budget.remaining).toBe(data.budget.total);
    expect(data.rows[0]!.requested).toMatch(/^100\s000,00/);
    // The table carries no forms: one application's card opens at a time (?decide=).
    expect(data.open).toBeNull();
    expect(Object.keys(data.rows[0]!)).not.toContain('comments');
    const a1 = (await board(world, await staffCookie(world), 'A1')).open!;
    expect(a1.reference).toBe(world.applications.A1.reference);
    expect(a1.requestedInput).toBe('100000');
    expect(a1.passesOver).toEqual([]);
    expect(data.quotas).toEqual([
      expect.objectContaining({ quota: 2, awarded: 0, name: world.village.nameRu }),
    ]);
    // The jurors' comments suggest the feedback, without saying who wrote them.
    const a4 = (await board(world, await staffCookie(world), 'A4')).open!;
    expect(a4.passesOver).toEqual(
      (['A1', 'A2', 'A3'] as const).map((key) => world.applications[key].reference),
    );
    expect(a4.comments.sort()).toEqual(Object.values(COMMENTS.A4).sort());
    expect(a4.suggestion).toContain(COMMENTS.A4.lenient);
    const json = JSON.stringify([data, a4]);
    for (const juror of Object.values(world.jurors)) expect(json).not.toContain(juror.name);
    // Nothing of the household beyond what deciding needs.
    for (const member of DEFAULT_MEMBERS) expect(json).not.toContain(member.lastName);
  });

  test('awards within the budget and quota; each refusal lands next to its field, what was typed kept', async () => {
    const world = await decisionWorld({ budget: 250_000_00, quota: 2 });
    const cookie = await staffCookie(world);

    const first = await post(world, cookie, award(world, 'A1'));
    expect(first.status).toBe(302);
    expect(first.headers.get('Location')).toContain('done=decided');
    expect(findApplication(world.applications.A1.id)!.awardedAmount).toBe(REQUESTED);

    // A3 passes over A2 (not awarded): a reason is needed.
    const noReason = await post(world, cookie, award(world, 'A3', '90000'));
    expect(noReason.status).toBe(400);
    expect(await noReason.json()).toMatchObject({
      rowFailure: {
        applicationId: world.applications.A3.id,
        form: 'decide',
        fieldErrors: { reason: 'decisions:errors.reason-required' },
        values: { amount: '90000' },
      },
      // The refused application's card comes with the refusal, whichever URL the post came to.
      card: {
        applicationId: world.applications.A3.id,
        passesOver: [world.applications.A2.reference],
      },
    });
    const withReason = await post(
      world,
      cookie,
      award(world, 'A3', '100000', 'Школа уже ждёт хлеб'),
    );
    expect(withReason.status).toBe(302);

    // 200 000 awarded of 250 000: A2's 100 000 is over the budget; 50 000 is over the quota.
    const overBudget = await post(world, cookie, award(world, 'A2'));
    expect(overBudget.status).toBe(400);
    expect((await overBudget.json()).rowFailure.fieldErrors).toEqual({
      amount: 'decisions:errors.over-budget',
    });
    const overQuota = await post(world, cookie, award(world, 'A2', '50000'));
    expect((await overQuota.json()).rowFailure.fieldErrors).toEqual({
      decision: 'decisions:errors.over-quota',
    });
    const outOfRange = await post(world, cookie, award(world, 'A2', '200000'));
    expect((await outOfRange.json()).rowFailure.fieldErrors).toEqual({
      amount: 'decisions:errors.amount-out-of-range',
    });
    const badMoney = await post(world, cookie, award(world, 'A2', 'сто тысяч'));
    expect((await badMoney.json()).rowFailure.fieldErrors).toEqual({ amount: 'validation.money' });

    const data = await board(world, cookie);
    expect(data.budget.awarded).toMatch(/^200\s000,00/);
    expect(data.budget.remaining).toMatch(/^50\s000,00/);
    expect(data.budget.percent).toBe(80);
    expect(data.quotas[0]!.awarded).toBe(2);
    expect((await board(world, cookie, 'A3')).open!.reason).toBe('Школа уже ждёт хлеб');
  });

  test('feedback is saved as staff wrote it', async () => {
    const world = await decisionWorld();
    const cookie = await staffCookie(world);
    const response = await post(world, cookie, {
      intent: 'feedback',
      applicationId: String(world.applications.A4.id),
      feedback: '  Подумайте о валяных изделиях: их берут туристы.  ',
    });
    expect(response.status).toBe(302);
    expect(findApplication(world.applications.A4.id)!.feedback).toBe(
      'Подумайте о валяных изделиях: их берут туристы.',
    );
    const data = await board(world, cookie, 'A4');
    expect(data.open!.feedback).toBe('Подумайте о валяных изделиях: их берут туристы.');
  });

  test('only staff; only this competition’s applications; an unknown intent is a 400', async () => {
    const world = await decisionWorld();
    const other = await decisionWorld();
    const cookie = await staffCookie(world);
    const family = await createUser({ roles: ['applicant'] });
    const familyCookie = await sessionCookieFor(family);
    expect(await thrownStatus(() => board(world, familyCookie))).toBe(403);
    expect(await thrownStatus(() => post(world, familyCookie, award(world, 'A1')))).toBe(403);
    expect(
      await thrownStatus(() =>
        post(world, cookie, {
          ...award(world, 'A1'),
          applicationId: String(other.applications.A1.id),
        }),
      ),
    ).toBe(404);
    expect(
      await thrownStatus(() => post(world, cookie, { ...award(world, 'A1'), intent: 'x' })),
    ).toBe(400);
    expect(findApplication(other.applications.A1.id)!.status).not.toBe('awarded');
    // Another competition's application never opens on this board.
    expect((await board(world, cookie, other.applications.A1.id)).open).toBeNull();
  });
});

describe('the announcement', () => {
  test('the preview counts, renders the e-mails in the staff’s language and a public page without surnames', async () => {
    const world = await decisionWorld({ staffLocale: 'en' });
    const cookie = await staffCookie(world);
    const preview = async () => {
      const response = await announceLoader({
        request: browserRequest(`${BASE}/staff/competitions/${world.competition.id}/announce`, {
          cookie,
        }),
        params: { competitionId: String(world.competition.id) },
        context: {},
      });
      return response.json();
    };
    const before = await preview();
    expect(before.undecided.map((u) => u.reference)).toEqual(
      APPLICATIONS.map((key) => world.applications[key].reference),
    );
    await post(world, cookie, award(world, 'A1'));
    await post(world, cookie, decision(world, 'A2', 'waitlisted'));
    await post(world, cookie, decision(world, 'A3', 'not-selected'));
    await post(world, cookie, decision(world, 'A4', 'not-selected'));
    const data = await preview();
    expect(data.undecided).toEqual([]);
    expect(data.plan).toEqual({
      awarded: 1,
      waitlisted: 1,
      notSelected: 2,
      byEmail: 2,
      inPerson: 2,
      total: 4,
    });
    const en = resources.en.email.result;
    const awarded = data.emails.find((e) => e.kind === 'awarded')!;
    expect(awarded.subject).toBe(noticeSubject('en', world.applications.A1.reference));
    expect(awarded.text).toContain(en.awardedNext);
    expect(awarded.text).toContain('100,000.00');
    expect(awarded.text).toContain(resources.en.decisions.announce.sampleName);
    const json = JSON.stringify(data.public);
    expect(data.public.winners).toBe(1);
    for (const member of DEFAULT_MEMBERS) expect(json).not.toContain(member.lastName);
    // Previewing announces nothing.
    expect(findCompetition(world.competition.id)!.announcedAt).toBeNull();
  });

  test('announcing is refused while undecided, then locks: deciding afterwards answers 409', async () => {
    const world = await decisionWorld();
    const cookie = await staffCookie(world);
    const announce = () =>
      announceAction({
        request: browserRequest(`${BASE}/staff/competitions/${world.competition.id}/announce`, {
          cookie,
          method: 'POST',
          body: new URLSearchParams({ intent: 'announce' }),
        }),
        params: { competitionId: String(world.competition.id) },
        context: {},
      }) as Promise<Response>;
    const early = await announce();
    expect(early.status).toBe(400);
    expect(await early.json()).toEqual({ formError: 'decisions:announce.refused.undecided' });

    await post(world, cookie, award(world, 'A1'));
    await post(world, cookie, award(world, 'A2'));
    await post(world, cookie, decision(world, 'A3', 'waitlisted'));
    await post(world, cookie, decision(world, 'A4', 'not-selected'));
    const done = await announce();
    expect(done.status).toBe(302);
    expect(done.headers.get('Location')).toBe(
      `/staff/competitions/${world.competition.id}/decisions?done=announced&count=4`,
    );
    const again = await announce();
    expect(again.status).toBe(409);

    const locked = await post(world, cookie, decision(world, 'A2', 'not-selected'));
    expect(locked.status).toBe(409);
    expect((await locked.json()).rowFailure.formError).toBe('decisions:errors.locked');
    const lockedFeedback = await post(world, cookie, {
      intent: 'feedback',
      applicationId: String(world.applications.A2.id),
      feedback: 'поздно',
    });
    expect(lockedFeedback.status).toBe(409);
    expect(findApplication(world.applications.A2.id)!.status).toBe('awarded');

    // After: withdraw A2's award (a reason is required), offer the place to A3, the next waiting.
    const noReason = await post(world, cookie, {
      intent: 'withdraw',
      applicationId: String(world.applications.A2.id),
      reason: '',
    });
    expect((await noReason.json()).rowFailure.fieldErrors).toEqual({
      reason: 'validation.required',
    });
    const withdrawn = await post(world, cookie, {
      intent: 'withdraw',
      applicationId: String(world.applications.A2.id),
      reason: 'Семья переехала в город',
    });
    expect(withdrawn.status).toBe(302);
    let data = await board(world, cookie, 'A3');
    expect(data.open!.nextOnWaitlist).toBe(true);
    expect(data.budget.awarded).toMatch(/^100\s000,00/);
    const offered = await post(world, cookie, {
      intent: 'offer',
      applicationId: String(world.applications.A3.id),
      amount: '80000',
    });
    expect(offered.status).toBe(302);
    data = await board(world, cookie);
    expect(data.rows[2]!.status).toBe('awarded');
    expect(data.budget.awarded).toMatch(/^180\s000,00/);
  });
});
