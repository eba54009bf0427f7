// The donor report (issue 15, item 4): its figures are the staff pages' own (the dashboard's
// funnel, the money page's aggregate, the outcomes page's figures) on a small fixture; it names only
// winners who agreed to publication, by first name and village — the loader's data is scanned
// against the database for every other name, phone, address and register number; and only staff
// open it.
import { beforeAll, describe, expect, test } from 'vitest';
import { sqlite } from '~db/client';
import { resources } from '~/i18n/resources';
import { applicationFunnel } from '~/models/dashboard.server';
import { loader as reportLoader } from '~/routes/staff.competitions.$competitionId_.report/route';
import { publicResults } from '~/services/decisions.server';
import { donorReport } from '~/services/donor-report.server';
import { moneyPage } from '~/services/grant-view.server';
import { outcomesPage } from '~/services/outcome-figures.server';
import { browserRequest, createUser, uniqueSuffix } from '../support/factories';
import { sessionCookieFor } from '../support/jury-factories';
import {
  createCompetitionWithGrants,
  insertBaseline,
  insertVisit,
  type OutcomeWorld,
} from '../support/outcome-view-factories';

let example: OutcomeWorld;
let competitionId: number;
/** The first names the report may show: consenting winners' beneficiaries. */
let allowed: string[];

type Member = { id: number; householdId: number; firstName: string; lastName: string };

function membersOfCompetition(id: number): Member[] {
  return sqlite
    .prepare(
      `select m.id as id, m.household_id as householdId, m.first_name as firstName,
         m.last_name as lastName
       from household_members m
       where m.household_id in (select household_id from applications where competition_id = ?)`,
    )
    .all(id) as Member[];
}

beforeAll(async () => {
  example = await createCompetitionWithGrants(4);
  competitionId = example.world.competition.id;
  // Every family gets names, a phone and an address of its own, so any leak is found.
  for (const m of membersOfCompetition(competitionId)) {
    const suffix = uniqueSuffix();
    sqlite
      .prepare('update household_members set first_name = ?, last_name = ? where id = ?')
      .run(`Айгүл${suffix}`, `Токтосунова${suffix}`, m.id);
    sqlite
      .prepare('update households set phone = ?, address = ? where id = ?')
      .run(`+99670${suffix.slice(-7).padStart(7, '1')}`, `Көчө ${suffix}`, m.householdId);
  }
  const applicationIds = example.grants.map((g) => g.applicationId);
  // The first two winners agreed to publication; the other two did not.
  for (const id of applicationIds.slice(0, 2))
    sqlite.prepare('update applications set publish_name_consent = 1 where id = ?').run(id);
  allowed = applicationIds
    .slice(0, 2)
    .map(
      (id) =>
        (
          sqlite
            .prepare(
              'select m.first_name as firstName from applications a join household_members m on m.id = a.beneficiary_member_id where a.id = ?',
            )
            .get(id) as { firstName: string }
        ).firstName,
    );
  const [a, b, c] = example.grants.map((g) => g.id) as [number, number, number];
  const by = example.staff;
  insertBaseline(a, by, { monthlyHouseholdIncome: 800_000, decidesOwnEarnings: 'husband' });
  insertBaseline(b, by, { monthlyHouseholdIncome: 1_000_000, decidesOwnEarnings: 'herself' });
  insertVisit(
    a,
    {
      month: 12,
      dueOn: '2026-01-10',
      businessStatus: 'operating',
      monthlyRevenue: 2_000_000,
      monthlyHouseholdIncome: 1_200_000,
    },
    by,
  );
  insertVisit(
    c,
    {
      month: 12,
      dueOn: '2026-01-10',
      businessStatus: 'closed',
      monthlyRevenue: 0,
      monthlyHouseholdIncome: 700_000,
    },
    by,
  );
});

async function open(user: { id: number }, query = '') {
  try {
    return await reportLoader({
      request: browserRequest(
        `http://localhost:3999/staff/competitions/${competitionId}/report${query}`,
        { cookie: await sessionCookieFor(user) },
      ),
      params: { competitionId: String(competitionId) },
      context: {},
    } as never);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe('the donor report', () => {
  test('its figures are the dashboard’s, the money page’s and the outcomes page’s', () => {
    const report = donorReport(competitionId, 'ky')!;
    const funnel = applicationFunnel({ competitionId, localityId: null, sector: null });
    expect(report.figures).toMatchObject({
      applications: funnel.applied,
      eligible: funnel.eligible,
      awarded: funnel.awarded,
    });
    expect(report.figures.awarded).toBe(4);
    expect(report.villages.reduce((sum, v) => sum + v.awarded, 0)).toBe(4);
    const money = moneyPage(competitionId, example.staff.id, 'ky')!;
    expect(report.money.summary).toEqual(money.summary);
    const outcomes = outcomesPage(competitionId, 'ky')!;
    expect(report.outcomes.months).toEqual(outcomes.months);
    expect(report.outcomes.baseline).toEqual(outcomes.baseline);
    expect(report.outcomes.jobs).toEqual(outcomes.jobs);
    expect(report.outcomes.chart).toEqual(outcomes.chart);
    // 12 months: one operating, one closed → 50 %.
    expect(report.outcomes.months.find((m) => m.month === 12)!.recorded).toBe(2);
    // The stories are the public results' named winners, with their 12-month status.
    const named = publicResults(competitionId, { preview: true })!.named.map((n) => n.firstName);
    expect(report.stories.map((s) => s.firstName).sort()).toEqual([...named].sort());
    expect(report.stories.map((s) => s.firstName).sort()).toEqual([...allowed].sort());
    expect(report.stories.map((s) => s.status12).sort()).toEqual([null, 'operating'].sort());
  });

  test('PRIVACY: nothing of a family but a consenting winner’s first name and village', async () => {
    const staff = await createUser({ roles: ['staff'], locale: 'ky' });
    const response = await open(staff);
    expect(response.status).toBe(200);
    const data = (await response.json()) as Record<string, unknown>;
    delete data.bundle; // the report's words, the same for every competition
    const text = JSON.stringify(data);
    for (const name of allowed) expect(text).toContain(name);
    const members = membersOfCompetition(competitionId);
    expect(members.length).toBeGreaterThanOrEqual(4);
    for (const m of members) {
      expect(text).not.toContain(m.lastName);
      if (!allowed.includes(m.firstName)) expect(text).not.toContain(m.firstName);
    }
    const households = sqlite
      .prepare(
        `select phone, address, benefit_register_number as register from households
         where id in (select household_id from applications where competition_id = ?)`,
      )
      .all(competitionId) as { phone: string | null; address: string; register: string | null }[];
    for (const h of households) {
      for (const value of [h.phone, h.address, h.register])
        if (value) expect(text).not.toContain(value);
    }
    const accounts = sqlite
      .prepare(
        `select u.name as name, u.phone as phone, u.email as email from users u
         join households h on h.user_id = u.id
         where h.id in (select household_id from applications where competition_id = ?)`,
      )
      .all(competitionId) as { name: string; phone: string | null; email: string }[];
    for (const u of accounts) {
      for (const value of [u.name, u.phone, u.email]) if (value) expect(text).not.toContain(value);
    }
    for (const g of example.grants) expect(text).not.toContain(g.reference);
  });

  test('in the language asked for, and only for staff', async () => {
    const staff = await createUser({ roles: ['staff'], locale: 'en' });
    const ky = (await (await open(staff, '?lang=ky')).json()) as {
      pageTitle: string;
      report: { locale: string };
    };
    expect(ky.report.locale).toBe('ky');
    expect(ky.pageTitle).toContain(resources.ky.dashboard.report.title.split(':')[0]!);
    const family = example.world.family;
    const facilitator = await createUser({ roles: ['facilitator'] });
    for (const person of [family, facilitator]) {
      const refused = await open(person);
      expect(refused.status).not.toBe(200);
      expect(refused.status).toBeGreaterThanOrEqual(300);
    }
  });
});
