// The result as each person reads it, through the real loaders and actions with a real session:
// before the announcement no family or facilitator learns a decision anywhere; after it the
// family reads her result, a winner consents or declines, the facilitator ticks off what she
// told in person, and the public page shows only what may be printed in a newspaper.
import { describe, expect, test } from 'vitest';
import { findApplication } from '~/models/application.server';
import { loader as homeLoader } from '~/routes/_index/route';
import {
  action as applicationAction,
  loader as applicationLoader,
} from '~/routes/applications.$applicationId._index/route';
import { loader as printLoader } from '~/routes/applications.$applicationId.print/route';
import { loader as listLoader } from '~/routes/applications._index/route';
import { loader as competitionLoader } from '~/routes/competitions.$competitionId/route';
import { loader as publicLoader } from '~/routes/competitions.$competitionId_.results/route';
import { action as tellAction, loader as tellLoader } from '~/routes/facilitator.results/route';
import { loader as householdLoader } from '~/routes/households.$householdId._index/route';
import { publicResults } from '~/services/decisions.server';
import { browserRequest } from '../support/factories';
import { sessionCookieFor } from '../support/jury-factories';
import { AWARDS, FAMILIES, FEEDBACK, resultsWorld } from '../support/results-scenario';

const BASE = 'http://localhost:3999';
const DECIDED_WORDS = ['awarded', 'waitlisted', 'not-selected'];

async function json(response: Response | Promise<Response>) {
  const resolved = await response;
  expect(resolved.status).toBe(200);
  return (await resolved.json()) as Record<string, unknown>;
}

function get(path: string, cookie?: string) {
  return browserRequest(`${BASE}${path}`, { cookie });
}

function post(path: string, cookie: string, fields: Record<string, string>) {
  const body = new URLSearchParams(fields);
  const request = new Request(`${BASE}${path}`, {
    method: 'POST',
    headers: {
      Cookie: cookie,
      'Content-Type': 'application/x-www-form-urlencoded',
      'x-ishenim-client-ip': '203.0.113.7',
    },
    body,
  });
  return request;
}

async function thrownStatus(run: () => Promise<unknown>): Promise<number> {
  try {
    await run();
  } catch (error) {
    if (error instanceof Response) return error.status;
    throw error;
  }
  throw new Error('expected the route to throw a response');
}

const applicationPage = (id: number, cookie: string) =>
  json(
    applicationLoader({
      request: get(`/applications/${id}`, cookie),
      params: { applicationId: String(id) },
      context: {},
    }),
  );

describe('before the announcement', () => {
  test('the family and her facilitator see every application as still being scored, everywhere', async () => {
    const world = await resultsWorld({ announced: false });
    const family = await sessionCookieFor(world.families.A1);
    const facilitator = await sessionCookieFor(world.facilitator);
    const staff = await sessionCookieFor(world.staff);
    const { A1, A3, A4 } = world.applications;

    const pages: [string, Record<string, unknown>][] = [];
    for (const [who, cookie, id] of [
      ['family', family, A1.id],
      ['facilitator', facilitator, A1.id],
      ['facilitator', facilitator, A3.id],
    ] as const) {
      const page = await applicationPage(id, cookie);
      const summary = page.summary as { status: string };
      // The status before the decision: the round left them in review.
      expect(DECIDED_WORDS, `${who} on ${id}`).not.toContain(summary.status);
      expect(page.result).toBeNull();
      // Withdrawing waits for the announcement, for everyone in the competition alike.
      expect(page.canWithdraw).toBe(false);
      expect(page.withdrawPaused).toBe(true);
      pages.push([`application ${id} as ${who}`, page]);
      pages.push([
        `print ${id} as ${who}`,
        await json(
          printLoader({
            request: get(`/applications/${id}/print`, cookie),
            params: { applicationId: String(id) },
            context: {},
          }),
        ),
      ]);
    }
    pages.push([
      'list as family',
      await json(listLoader({ request: get('/applications', family), params: {}, context: {} })),
    ]);
    pages.push([
      'list as facilitator',
      await json(
        listLoader({ request: get('/applications', facilitator), params: {}, context: {} }),
      ),
    ]);
    pages.push([
      'home as family',
      await json(homeLoader({ request: get('/', family), params: {}, context: {} })),
    ]);
    pages.push([
      'household as facilitator',
      await json(
        householdLoader({
          request: get(`/households/${A4.household.id}`, facilitator),
          params: { householdId: String(A4.household.id) },
          context: {},
        }),
      ),
    ]);
    for (const [name, page] of pages) {
      const text = JSON.stringify(page);
      for (const word of DECIDED_WORDS) expect(text, name).not.toContain(`"${word}"`);
      // Nor the amount, the waiting-list place or the feedback.
      expect(text, name).not.toContain(FEEDBACK.A4);
      expect(text, name).not.toContain('100 000');
    }
    // The lists still show the applications, as being scored.
    const list = pages.find(([name]) => name === 'list as facilitator')![1];
    const helped = list.helped as { id: number; status: string }[];
    expect(helped.map((r) => r.id).sort()).toEqual(
      [A1.id, world.applications.A2.id, A3.id, A4.id].sort(),
    );
    expect(new Set(helped.map((r) => r.status))).toEqual(new Set(['in-review']));

    // Staff see the decision as it is.
    const staffPage = await applicationPage(A1.id, staff);
    expect((staffPage.summary as { status: string }).status).toBe('awarded');

    // The public page does not exist yet, and the competition does not link to it.
    expect(
      await thrownStatus(() =>
        publicLoader({
          request: get(`/competitions/${world.competition.id}/results`),
          params: { competitionId: String(world.competition.id) },
          context: {},
        }),
      ),
    ).toBe(404);
    const competition = await json(
      competitionLoader({
        request: get(`/competitions/${world.competition.id}`),
        params: { competitionId: String(world.competition.id) },
        context: {},
      }),
    );
    expect(competition.resultsUrl).toBeNull();

    // A winner cannot consent or decline what she has not been told.
    const consent = await applicationAction({
      request: post(`/applications/${A1.id}`, family, {
        intent: 'publish-consent',
        consent: 'yes',
      }),
      params: { applicationId: String(A1.id) },
      context: {},
    }).catch((error: unknown) => error);
    expect((consent as Response).status).toBe(404);
    expect(findApplication(A1.id)!.publishNameConsent).toBe(false);

    // And the facilitator has nothing to tell yet.
    const tell = await json(
      tellLoader({ request: get('/facilitator/results', facilitator), params: {}, context: {} }),
    );
    expect(tell.todo).toEqual([]);
  });
});

describe('after the announcement', () => {
  test('each family reads her result: the amount and next steps, her place, the feedback and where to get help', async () => {
    const world = await resultsWorld();
    const a1 = await applicationPage(
      world.applications.A1.id,
      await sessionCookieFor(world.families.A1),
    );
    expect(a1.result).toMatchObject({
      kind: 'awarded',
      amount: expect.stringMatching(/^100\s000,00\s(сом|KGS)$/),
      publishConsent: false,
      publicName: 'Айпери Т.',
    });
    expect((a1.summary as { status: string }).status).toBe('awarded');

    const a4 = await applicationPage(
      world.applications.A4.id,
      await sessionCookieFor(world.families.A4),
    );
    expect(a4.result).toMatchObject({
      kind: 'not-selected',
      feedback: FEEDBACK.A4,
      help: [{ name: world.facilitator.name, phone: world.facilitator.phone }],
    });

    const facilitator = await sessionCookieFor(world.facilitator);
    const a3 = await applicationPage(world.applications.A3.id, facilitator);
    expect(a3.result).toMatchObject({ kind: 'waitlisted', position: 1, feedback: FEEDBACK.A3 });
    expect(a3.actingFor).toBe(true);
  });

  test('a winner consents to be named; another declines, after confirming, and the public page follows', async () => {
    const world = await resultsWorld();
    const a1 = world.applications.A1.id;
    const a2 = world.applications.A2.id;
    const first = await sessionCookieFor(world.families.A1);
    const consent = (await applicationAction({
      request: post(`/applications/${a1}`, first, { intent: 'publish-consent', consent: 'yes' }),
      params: { applicationId: String(a1) },
      context: {},
    })) as Response;
    expect(consent.status).toBe(302);
    expect(findApplication(a1)!.publishNameConsent).toBe(true);

    // Her facilitator declines for the second winner: first without ticking the confirmation.
    const facilitator = await sessionCookieFor(world.facilitator);
    const unconfirmed = (await applicationAction({
      request: post(`/applications/${a2}`, facilitator, {
        intent: 'decline-award',
        reason: 'Семья переезжает в Бишкек.',
      }),
      params: { applicationId: String(a2) },
      context: {},
    })) as Response;
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.json()).toMatchObject({
      fieldErrors: { confirm: 'results:errors.confirmDecline' },
      values: { reason: 'Семья переезжает в Бишкек.' },
    });
    expect(findApplication(a2)!.status).toBe('awarded');
    const declined = (await applicationAction({
      request: post(`/applications/${a2}`, facilitator, {
        intent: 'decline-award',
        reason: 'Семья переезжает в Бишкек.',
        confirm: 'on',
      }),
      params: { applicationId: String(a2) },
      context: {},
    })) as Response;
    expect(declined.status).toBe(302);
    expect(findApplication(a2)!.status).toBe('withdrawn');
    const page = await applicationPage(a2, await sessionCookieFor(world.families.A2));
    expect(page.result).toMatchObject({ kind: 'declined', reason: 'Семья переезжает в Бишкек.' });

    const results = publicResults(world.competition.id)!;
    expect(results.winners).toBe(1);
    expect(results.totalAwarded).toBe(AWARDS.A1);
    expect(results.named).toEqual([
      expect.objectContaining({ firstName: 'Айпери', initial: 'Т.' }),
    ]);
  });

  test('the facilitator tells in person the families who cannot be e-mailed, and ticks them off', async () => {
    const world = await resultsWorld();
    const cookie = await sessionCookieFor(world.facilitator);
    const before = await json(
      tellLoader({ request: get('/facilitator/results', cookie), params: {}, context: {} }),
    );
    const todo = before.todo as {
      applicationId: number;
      family: string;
      decision: string;
      phone: string | null;
      feedback: string | null;
      waitlistPosition: number | null;
    }[];
    // A3 has no account; A4 asked for no e-mail. The winners were e-mailed.
    expect(todo.map((r) => r.applicationId).sort()).toEqual(
      [world.applications.A3.id, world.applications.A4.id].sort(),
    );
    expect(todo.find((r) => r.applicationId === world.applications.A3.id)).toMatchObject({
      family: 'Бермет Казакбаева',
      decision: 'waitlisted',
      waitlistPosition: 1,
      phone: '+996555112233',
      feedback: FEEDBACK.A3,
    });
    const told = (await tellAction({
      request: post('/facilitator/results', cookie, {
        intent: 'told',
        applicationId: String(world.applications.A4.id),
      }),
      params: {},
      context: {},
    })) as Response;
    expect(told.status).toBe(302);
    const after = await json(
      tellLoader({
        request: get(`/facilitator/results?told=${world.applications.A4.id}`, cookie),
        params: {},
        context: {},
      }),
    );
    expect((after.todo as { applicationId: number }[]).map((r) => r.applicationId)).toEqual([
      world.applications.A3.id,
    ]);
    expect(after.done).toEqual([
      expect.objectContaining({
        applicationId: world.applications.A4.id,
        toldAt: expect.objectContaining({ text: expect.any(String) }),
      }),
    ]);
    expect(after.toldFamily).toBe('Асель Бообекова');

    // Another village's facilitator cannot tick it off.
    const stranger = await sessionCookieFor(
      await (await import('../support/factories')).createUser({ roles: ['facilitator'] }),
    );
    const refused = (await tellAction({
      request: post('/facilitator/results', stranger, {
        intent: 'told',
        applicationId: String(world.applications.A3.id),
      }),
      params: {},
      context: {},
    })) as Response;
    expect(refused.status).toBe(404);
    expect(findApplication(world.applications.A3.id)!.resultToldAt).toBeNull();
  });

  test('the public page: figures formatted on the server, only consenting winners named, no household facts', async () => {
    const world = await resultsWorld();
    const page = await json(
      publicLoader({
        request: get(`/competitions/${world.competition.id}/results`),
        params: { competitionId: String(world.competition.id) },
        context: {},
      }),
    );
    const results = page.results as Record<string, unknown>;
    expect(results).toMatchObject({ applications: '4', winners: '2', named: [] });
    expect(results.totalAwarded).toMatch(/^220\s000,00\s(сом|KGS)$/);
    expect(results.byLocality).toEqual([
      { name: expect.stringMatching(/^results-village-\w+ ky$/), winners: 2 },
    ]);
    const text = JSON.stringify(page);
    for (const members of Object.values(FAMILIES)) {
      for (const member of members) {
        expect(text).not.toContain(member.lastName);
        expect(text).not.toContain(member.firstName);
      }
    }
    expect(text).not.toContain('receivesSocialBenefits');
    expect(text).not.toContain('expectedMonthly');
  });
});
