// The juror's pages through their real loaders and actions (signed in with a real session): a
// blind round's scoring data names nobody; a round that is not blind shows the grant holder;
// nobody reads an assignment that is not hers; conflicts kept across a search.
import { describe, expect, test } from 'vitest';
import { writeTransaction } from '~db/client';
import { insertAttachment } from '~/models/application.server';
import {
  assignmentsOfRound,
  conflictsOfCompetition,
  criteriaOf,
  setRoundJurorRows,
} from '~/models/jury.server';
import { searchable } from '~/models/juror-view.server';
import { loader as queueLoader } from '~/routes/jury._index/route';
import {
  action as scoringAction,
  loader as scoringLoader,
} from '~/routes/jury.assignments.$assignmentId/route';
import {
  action as conflictsAction,
  loader as conflictsLoader,
} from '~/routes/jury.rounds.$roundId.conflicts/route';
import { moveAssignment, saveScore } from '~/services/jury.server';
import { browserRequest, createLocality, createUser } from '../support/factories';
import { familyApplication, roundWithJurors, sessionCookieFor } from '../support/jury-factories';
import { createCompetition } from '../support/programme-factories';
import { sessionUserOf } from '../support/session-user';

const BASE = 'http://localhost:3999';

/** What the family told the programme, and none of it may reach a juror of a blind round. */
const FAMILY = {
  members: [
    {
      firstName: 'Жумагүл',
      lastName: 'Сарбагышева',
      sex: 'female' as const,
      birthYear: 1961,
      relation: 'head' as const,
    },
    {
      firstName: 'Бермет',
      lastName: 'Жээнбекова',
      sex: 'female' as const,
      birthYear: 1994,
      relation: 'daughter-in-law' as const,
    },
    {
      firstName: 'Талантбек',
      lastName: 'Сарбагышев',
      sex: 'male' as const,
      birthYear: 1990,
      relation: 'son' as const,
    },
  ],
  address: 'Ак-Тилек көчөсү 47, 3-үй',
  phone: '+996700481516',
};

const ENTERED_BY = 'Гүлнара Фасилитатор-Осмонова';
const PHOTO = 'бермет-менен-келини.jpg';

async function world(options: { isBlind: boolean }) {
  const locality = createLocality();
  const staff = await createUser({ roles: ['staff'] });
  const facilitator = await createUser({ roles: ['facilitator'], name: ENTERED_BY });
  const competition = createCompetition({ localityIds: [locality.id], status: 'screening' });
  const family = familyApplication({
    competition,
    localityId: locality.id,
    ...FAMILY,
    enteredBy: facilitator,
    consentBy: facilitator,
    title: 'Кийиз шырдак цехи',
  });
  writeTransaction((tx) =>
    insertAttachment(tx, {
      applicationId: family.applicationId,
      kind: 'photo',
      originalName: PHOTO,
      mimeType: 'image/jpeg',
      sizeBytes: 2048,
      storageKey: `test-${family.applicationId}-${Date.now()}`,
      uploadedById: facilitator.id,
    }),
  );
  const juror = await createUser({ roles: ['juror'], locale: 'ky' });
  const other = await createUser({ roles: ['juror'], locale: 'ru' });
  const roundId = roundWithJurors({
    staff,
    competition,
    jurors: [juror, other],
    input: { isBlind: options.isBlind, jurorsPerApplication: 2 },
    declare: [juror, other],
    open: true,
  });
  const own = assignmentsOfRound(roundId).find((a) => a.jurorId === juror.id)!;
  return { competition, family, juror, other, roundId, assignmentId: own.id };
}

async function loaderJson(assignmentId: number, cookie: string): Promise<string> {
  const response = await scoringLoader({
    request: browserRequest(`${BASE}/jury/assignments/${assignmentId}`, { cookie }),
    params: { assignmentId: String(assignmentId) },
    context: {},
  });
  expect(response.status).toBe(200);
  return JSON.stringify(await response.json());
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

describe('the scoring page’s data', () => {
  test('in a blind round holds the idea and budget, and none of the family’s names or contacts', async () => {
    const { juror, assignmentId } = await world({ isBlind: true });
    const data = await loaderJson(assignmentId, await sessionCookieFor(juror));
    // It is the application's data: the idea, the budget, the village.
    expect(data).toContain('Кийиз шырдак цехи');
    expect(data).toContain('Теплица 6×20 м');
    expect(data).toContain('Идеянын сапаты');
    const secrets = [
      ...FAMILY.members.flatMap((m) => [m.firstName, m.lastName]),
      FAMILY.address,
      'Ак-Тилек',
      FAMILY.phone,
      '700481516',
      ENTERED_BY,
      'Фасилитатор',
      // The consent's "given by", as the factory writes it.
      'Айпери Токтогулова',
      PHOTO,
      'SR-',
    ];
    expect(secrets.filter((secret) => data.includes(secret))).toEqual([]);
  });

  test('in a round that is not blind also names the grant holder and the household', async () => {
    const { juror, assignmentId } = await world({ isBlind: false });
    const data = await loaderJson(assignmentId, await sessionCookieFor(juror));
    expect(data).toContain('Бермет Жээнбекова');
    expect(data).toContain('Талантбек Сарбагышев');
    // Still never contacts, who typed it in, or the photos.
    expect(
      [FAMILY.address, FAMILY.phone, ENTERED_BY, PHOTO].filter((s) => data.includes(s)),
    ).toEqual([]);
  });
});

describe('what a juror may open', () => {
  test('another juror’s assignment, an unknown one and another round are 404; a family is 403', async () => {
    const { other, assignmentId, roundId } = await world({ isBlind: true });
    const stranger = await createUser({ roles: ['juror'] });
    const otherCookie = await sessionCookieFor(other);
    const strangerCookie = await sessionCookieFor(stranger);
    const familyCookie = await sessionCookieFor(await createUser({ roles: ['applicant'] }));
    const scoring = (cookie: string, id: number) => () =>
      scoringLoader({
        request: browserRequest(`${BASE}/jury/assignments/${id}`, { cookie }),
        params: { assignmentId: String(id) },
        context: {},
      });
    expect(await thrownStatus(scoring(otherCookie, assignmentId))).toBe(404);
    expect(await thrownStatus(scoring(otherCookie, 987_654_321))).toBe(404);
    expect(await thrownStatus(scoring(familyCookie, assignmentId))).toBe(403);
    const conflicts = (cookie: string) => () =>
      conflictsLoader({
        request: browserRequest(`${BASE}/jury/rounds/${roundId}/conflicts`, { cookie }),
        params: { roundId: String(roundId) },
        context: {},
      });
    expect(await thrownStatus(conflicts(strangerCookie))).toBe(404);
    // A POST is checked the same way: scoring someone else's assignment is a 404.
    const body = new URLSearchParams({ intent: 'save-draft', overallComment: 'x' });
    expect(
      await thrownStatus(() =>
        scoringAction({
          request: browserRequest(`${BASE}/jury/assignments/${assignmentId}`, {
            cookie: otherCookie,
            method: 'POST',
            body,
          }),
          params: { assignmentId: String(assignmentId) },
          context: {},
        }),
      ),
    ).toBe(404);
  });

  test('her queue lists her assignment without names', async () => {
    const { juror } = await world({ isBlind: true });
    const response = await queueLoader({
      request: browserRequest(`${BASE}/jury`, { cookie: await sessionCookieFor(juror) }),
      params: {},
      context: {},
    });
    const data = JSON.stringify(await response.json());
    expect(data).toMatch(/TJ-2024-/);
    expect(FAMILY.members.filter((m) => data.includes(m.lastName))).toEqual([]);
  });
});

describe('another juror’s score', () => {
  test('is never shown: an assignment moved to her comes without the previous juror’s draft', async () => {
    const { juror, roundId, assignmentId } = await world({ isBlind: true });
    const [idea] = criteriaOf(roundId);
    saveScore(
      browserRequest(),
      sessionUserOf(juror),
      assignmentId,
      {
        items: [{ criterionId: idea!.id, points: 2, comment: 'Слабый рынок, по-моему' }],
        overallComment: 'Мнение первого члена жюри',
      },
      false,
    );
    // A third juror, not yet on this application, takes it over.
    const staff = await createUser({ roles: ['staff'] });
    const third = await createUser({ roles: ['juror'] });
    writeTransaction((tx) =>
      setRoundJurorRows(tx, roundId, [
        ...assignmentsOfRound(roundId).map((a) => a.jurorId),
        third.id,
      ]),
    );
    expect(moveAssignment(browserRequest(), sessionUserOf(staff), assignmentId, third.id)).toEqual({
      ok: true,
    });
    const data = await loaderJson(assignmentId, await sessionCookieFor(third));
    expect(data).not.toContain('Мнение первого члена жюри');
    expect(data).not.toContain('Слабый рынок');
    expect(JSON.parse(data).view.score.state).toBe('none');
  });
});

describe('declaring conflicts', () => {
  test('a search matches names in any case, and saving keeps what the search hid', async () => {
    const locality = createLocality();
    const staff = await createUser({ roles: ['staff'] });
    const facilitator = await createUser({ roles: ['facilitator'] });
    const competition = createCompetition({ localityIds: [locality.id], status: 'screening' });
    const first = familyApplication({
      competition,
      localityId: locality.id,
      ...FAMILY,
      enteredBy: facilitator,
      title: 'Шырдак',
    });
    const second = familyApplication({
      competition,
      localityId: locality.id,
      members: [
        {
          firstName: 'Өмүрбек',
          lastName: 'Үсөнов',
          sex: 'male',
          birthYear: 1970,
          relation: 'head',
        },
        {
          firstName: 'Нургүл',
          lastName: 'Үсөнова',
          sex: 'female',
          birthYear: 1975,
          relation: 'spouse',
        },
      ],
      address: 'Борбордук көчө 1',
      phone: '+996555000111',
      enteredBy: facilitator,
      title: 'Нан',
    });
    const juror = await createUser({ roles: ['juror'], locale: 'ru' });
    const roundId = roundWithJurors({ staff, competition, jurors: [juror] });
    const cookie = await sessionCookieFor(juror);
    const url = `${BASE}/jury/rounds/${roundId}/conflicts`;
    const read = async (query: string) => {
      const response = await conflictsLoader({
        request: browserRequest(`${url}?q=${encodeURIComponent(query)}`, { cookie }),
        params: { roundId: String(roundId) },
        context: {},
      });
      return (await response.json()) as {
        open: { families: { id: number; names: string[]; known: boolean }[] };
      };
    };
    // The list shows names and villages, never the idea.
    const all = await read('');
    expect(all.open.families).toHaveLength(2);
    expect(JSON.stringify(all)).not.toContain('Шырдак');
    // Upper-case Kyrgyz letters find lower-case ones.
    const found = await read('ҮСӨНОВА');
    expect(found.open.families.map((f) => f.id)).toEqual([second.household.id]);
    expect(searchable('ӨМҮРБЕК  Үсөнов', 'ky')).toBe('өмүрбек үсөнов');

    const post = (fields: [string, string][]) =>
      conflictsAction({
        request: browserRequest(url, {
          cookie,
          method: 'POST',
          body: new URLSearchParams(fields),
        }),
        params: { roundId: String(roundId) },
        context: {},
      });
    // She knows the first family (all shown), then searches the second and ticks it too.
    let response = await post([
      ['intent', 'save'],
      ['shown', String(first.household.id)],
      ['shown', String(second.household.id)],
      ['householdIds', String(first.household.id)],
    ]);
    expect(response.status).toBe(302);
    response = await post([
      ['intent', 'save'],
      ['q', 'үсөнова'],
      ['shown', String(second.household.id)],
      ['householdIds', String(second.household.id)],
    ]);
    expect(response.headers.get('Location')).toBe(
      `/jury/rounds/${roundId}/conflicts?saved=1&q=%D2%AF%D1%81%D3%A9%D0%BD%D0%BE%D0%B2%D0%B0`,
    );
    const declared = () =>
      conflictsOfCompetition(competition.id)
        .filter((c) => c.jurorId === juror.id)
        .map((c) => c.householdId)
        .sort((a, b) => a - b);
    expect(declared()).toEqual([first.household.id, second.household.id].sort((a, b) => a - b));
    // "I know none of them" clears every declaration, and still counts as declaring.
    await post([['intent', 'none']]);
    expect(declared()).toEqual([]);
    expect((await read('')).open.families.every((f) => !f.known)).toBe(true);
  });
});
