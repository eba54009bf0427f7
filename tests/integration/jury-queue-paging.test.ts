// The juror's queue at scale: 50 applications a page, and a filter for those still to score,
// her drafts and what she submitted, counted in SQL — the page never carries all of them.
import { beforeAll, describe, expect, test } from 'vitest';
import type { User } from '~db/schema/people';
import { assignmentsOfRound, criteriaOf } from '~/models/jury.server';
import { loader as queueLoader } from '~/routes/jury._index/route';
import { saveScore } from '~/services/jury.server';
import { browserRequest, createLocality, createUser } from '../support/factories';
import { familyApplication, roundWithJurors, sessionCookieFor } from '../support/jury-factories';
import { createCompetition } from '../support/programme-factories';
import { sessionUserOf } from '../support/session-user';

const BASE = 'http://localhost:3999';
const APPLICATIONS = 63;
const SUBMITTED = 5;
const DRAFTS = 7;

let juror: User;

beforeAll(async () => {
  const locality = createLocality();
  const staff = await createUser({ roles: ['staff'] });
  const competition = createCompetition({ localityIds: [locality.id], status: 'screening' });
  for (let i = 0; i < APPLICATIONS; i += 1) {
    familyApplication({
      competition,
      localityId: locality.id,
      members: [
        {
          firstName: 'Бермет',
          lastName: `Асанова${i}`,
          sex: 'female',
          birthYear: 1990,
          relation: 'head',
        },
      ],
      address: 'ул. Токтогула 1',
      phone: '+996700000000',
      enteredBy: staff,
      title: `Идея ${i}`,
    });
  }
  juror = await createUser({ roles: ['juror'], locale: 'ru' });
  const roundId = roundWithJurors({
    staff,
    competition,
    jurors: [juror],
    declare: [juror],
    open: true,
  });
  const criteria = criteriaOf(roundId);
  const mine = assignmentsOfRound(roundId).filter((a) => a.jurorId === juror.id);
  expect(mine).toHaveLength(APPLICATIONS);
  mine.slice(0, SUBMITTED + DRAFTS).forEach((assignment, index) => {
    const saved = saveScore(
      browserRequest(),
      sessionUserOf(juror),
      assignment.id,
      {
        items: criteria.map((c) => ({ criterionId: c.id, points: 1, comment: '' })),
        overallComment: '',
      },
      index < SUBMITTED,
    );
    expect(saved).toMatchObject({ ok: true });
  });
});

async function queue(search = '') {
  const response = await queueLoader({
    request: browserRequest(`${BASE}/jury${search}`, { cookie: await sessionCookieFor(juror) }),
    params: {},
    context: {},
  });
  const data = (await response.json()) as {
    rounds: {
      id: number;
      assignments: { reference: string; state: string }[];
      counts: Record<string, number>;
      page: number;
      pages: number;
    }[];
  };
  return data.rounds[0]!;
}

describe('the juror’s queue', () => {
  test('shows 50 applications a page, with the counts of all of them', async () => {
    const first = await queue();
    expect(first.assignments).toHaveLength(50);
    expect(first.counts).toEqual({
      all: APPLICATIONS,
      'to-score': APPLICATIONS - SUBMITTED - DRAFTS,
      draft: DRAFTS,
      submitted: SUBMITTED,
    });
    expect(first.pages).toBe(2);
    const second = await queue(`?round=${first.id}&page=2`);
    expect(second.page).toBe(2);
    expect(second.assignments).toHaveLength(APPLICATIONS - 50);
    const references = [...first.assignments, ...second.assignments].map((a) => a.reference);
    expect(new Set(references).size).toBe(APPLICATIONS);
    expect(references).toEqual([...references].sort());
  });

  test('filters to those still to score, her drafts, or what she submitted', async () => {
    const toScore = await queue('?show=to-score');
    expect(toScore.assignments).toHaveLength(50);
    expect(toScore.assignments.every((a) => a.state === 'none')).toBe(true);
    const drafts = await queue('?show=draft');
    expect(drafts.assignments.map((a) => a.state)).toEqual(Array(DRAFTS).fill('draft'));
    expect(drafts.pages).toBe(1);
    const submitted = await queue('?show=submitted');
    expect(submitted.assignments.map((a) => a.state)).toEqual(Array(SUBMITTED).fill('submitted'));
  });
});
