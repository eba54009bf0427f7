// The outcome views' rules (issue 14): staff close a competition early only with a reason and only
// while it pays out or is monitored; the visits export has one row per visit and never a
// safeguarding note or a place; the pages and files refuse anyone but staff.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { sqlite, writeTransaction } from '~db/client';
import { familyReports } from '~db/schema/outcomes';
import { formatMoney } from '~/i18n/format';
import { findCompetition } from '~/models/competition.server';
import {
  action as outcomesAction,
  loader as outcomesLoader,
} from '~/routes/staff.competitions.$competitionId_.outcomes/route';
import { loader as visitsCsvLoader } from '~/routes/staff.competitions.$competitionId_.visits[.]csv/route';
import { loader as visitsXlsxLoader } from '~/routes/staff.competitions.$competitionId_.visits[.]xlsx/route';
import { action as grantAction } from '~/routes/staff.grants.$grantId/route';
import { approveMoneyRequest, recordMoneyRequest } from '~/services/disbursement.server';
import { grantTimeline, resolveSafeguardingFlag } from '~/services/grant-timeline.server';
import { closeCompetition } from '~/services/outcome-lifecycle.server';
import { visitsCsv } from '~/services/visits-export.server';
import { browserRequest, createUser } from '../support/factories';
import { createGrantWorld, createMoneyStaff } from '../support/grant-factories';
import { sessionCookieFor } from '../support/jury-factories';
import {
  createCompetitionWithGrants,
  insertBaseline,
  insertSafeguardingFlag,
  insertVisit,
} from '../support/outcome-view-factories';
import { sessionUserOf } from '../support/session-user';

const SECRET = 'Синяк на руке — муж бьёт её (safeguarding-7731)';

function statusChanges(competitionId: number) {
  return sqlite
    .prepare(
      "select before, after from audit_log where action = 'competition.status-changed' and entity_type = 'competition' and entity_id = ? order by id",
    )
    .all(String(competitionId)) as { before: string; after: string }[];
}

async function call<T extends (args: never) => Promise<Response>>(
  handler: T,
  url: string,
  competitionId: number,
  user: { id: number },
  form?: Record<string, string>,
): Promise<Response> {
  try {
    return await handler({
      request: browserRequest(`http://localhost:3999${url}`, {
        cookie: await sessionCookieFor(user),
        ...(form ? { method: 'POST', body: new URLSearchParams(form) } : {}),
      }),
      params: { competitionId: String(competitionId) },
      context: {},
    } as never);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe('closing a competition early', () => {
  test('needs a reason, and keeps it in the audit log', async () => {
    const { world, staff } = await createCompetitionWithGrants(1, 'monitoring');
    const id = world.competition.id;
    expect(closeCompetition(browserRequest(), sessionUserOf(staff), id, '   ')).toEqual({
      ok: false,
      error: 'reason-required',
    });
    expect(findCompetition(id)!.status).toBe('monitoring');
    expect(
      closeCompetition(browserRequest(), sessionUserOf(staff), id, ' The family moved to Bishkek '),
    ).toEqual({ ok: true });
    expect(findCompetition(id)!.status).toBe('closed');
    const changes = statusChanges(id);
    expect(JSON.parse(changes.at(-1)!.before)).toEqual({ status: 'monitoring' });
    expect(JSON.parse(changes.at(-1)!.after)).toEqual({
      status: 'closed',
      reason: 'The family moved to Bishkek',
    });
  });

  test('only while the competition pays out or is monitored', async () => {
    for (const status of ['disbursing', 'monitoring'] as const) {
      const { world, staff } = await createCompetitionWithGrants(1, status);
      expect(
        closeCompetition(browserRequest(), sessionUserOf(staff), world.competition.id, 'x'),
      ).toEqual({
        ok: true,
      });
    }
    for (const status of ['decided', 'closed', 'open'] as const) {
      const { world, staff } = await createCompetitionWithGrants(1, status);
      expect(
        closeCompetition(browserRequest(), sessionUserOf(staff), world.competition.id, 'a reason'),
      ).toEqual({ ok: false, error: 'not-closable' });
      expect(findCompetition(world.competition.id)!.status).toBe(status);
    }
    const staff = await createUser({ roles: ['staff'] });
    expect(closeCompetition(browserRequest(), sessionUserOf(staff), 999_999, 'a reason')).toEqual({
      ok: false,
      error: 'not-found',
    });
  });

  test('the page’s form shows a missing reason next to the field, and closes with one', async () => {
    const { world, staff } = await createCompetitionWithGrants(1, 'disbursing');
    const id = world.competition.id;
    const url = `/staff/competitions/${id}/outcomes`;
    const blank = await call(outcomesAction, url, id, staff, {
      intent: 'close-competition',
      reason: '  ',
    });
    expect(blank.status).toBe(400);
    expect(await blank.json()).toMatchObject({ fieldErrors: { reason: 'validation.required' } });
    expect(findCompetition(id)!.status).toBe('disbursing');
    const done = await call(outcomesAction, url, id, staff, {
      intent: 'close-competition',
      reason: 'Two businesses ended early',
    });
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe(`${url}?done=closed`);
    expect(findCompetition(id)!.status).toBe('closed');
    const again = await call(outcomesAction, url, id, staff, {
      intent: 'close-competition',
      reason: 'Again',
    });
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ formError: 'outcomes:close.errors.not-closable' });
  });
});

describe('the visits export', () => {
  async function exampleWithFlag() {
    const example = await createCompetitionWithGrants(2, 'monitoring');
    const [a, b] = example.grants;
    insertBaseline(a!.id, example.staff, { monthlyHouseholdIncome: 800_000 });
    const visit = insertVisit(
      a!.id,
      {
        month: 3,
        dueOn: '2025-05-01',
        businessStatus: 'operating',
        monthlyRevenue: 1_500_050,
        monthlyCosts: 700_000,
        jobsWomenHundredths: 150,
        jobsMenHundredths: 50,
        monthlyHouseholdIncome: 1_200_000,
        assetState: 'present-used',
        decidesOwnEarnings: 'herself',
        decidesLargePurchases: 'jointly-husband',
        decidesBusinessMoney: 'herself',
        sayInMoney: 4,
        notes: 'Visit notes are not exported either',
        latitude: '42.8746',
        longitude: '74.5698',
      },
      example.staff,
    );
    insertVisit(b!.id, { month: 3, dueOn: '2099-05-01' });
    insertSafeguardingFlag(a!.id, example.staff, SECRET, visit.id);
    return example;
  }

  test('one row per visit, headers in the reader’s language, and no safeguarding note or place', async () => {
    const example = await exampleWithFlag();
    const csv = visitsCsv(example.world.competition.id, 'ru')!;
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Номер заявки;Получательница;Село;Визит (месяц);Срок;Дата визита;Состояние бизнеса;Месячная выручка;Месячные расходы;Рабочие места, женщины (ЭПЗ);Рабочие места, мужчины (ЭПЗ);Месячный доход семьи;Купленное имущество;Кто решает о её заработках;Кто решает о крупных покупках;Кто решает о деньгах бизнеса;Участие в решениях о деньгах (1–5)',
    );
    expect(lines).toHaveLength(3);
    const rows = lines.slice(1).map((line) => line.split(';'));
    const done = rows.find((r) => r[0] === example.grants[0]!.reference)!;
    expect(done.slice(3)).toEqual([
      '3',
      '2025-05-01',
      '2025-05-01',
      'Работает',
      '15000,50',
      '7000,00',
      '1,50',
      '0,50',
      '12000,00',
      'На месте и используется',
      'Она сама',
      'Вместе с мужем',
      'Она сама',
      '4',
    ]);
    const due = rows.find((r) => r[0] === example.grants[1]!.reference)!;
    expect(due[6]).toBe('Ещё не проведён');
    for (const locale of ['ru', 'ky', 'en'] as const) {
      const text = visitsCsv(example.world.competition.id, locale)!;
      expect(text).not.toContain('safeguarding-7731');
      expect(text).not.toContain('Синяк');
      expect(text).not.toContain('42.8746');
      expect(text).not.toContain('74.5698');
      expect(text).not.toContain('Visit notes');
    }
  });

  test('the CSV and XLSX routes give staff the files without the note, and refuse a family or a facilitator', async () => {
    const example = await exampleWithFlag();
    const id = example.world.competition.id;
    const staff = await createUser({ roles: ['staff'], locale: 'en' });
    const csv = await call(visitsCsvLoader, `/staff/competitions/${id}/visits.csv`, id, staff);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain(`visits-${id}.csv`);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text).toBe(visitsCsv(id, 'en'));
    expect(text).not.toContain('safeguarding-7731');

    const xlsx = await call(visitsXlsxLoader, `/staff/competitions/${id}/visits.xlsx`, id, staff);
    const chunks: Buffer[] = [];
    for await (const chunk of Readable.fromWeb(xlsx.body! as never)) chunks.push(chunk as Buffer);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => {
      for (const value of (row.values as unknown[]).slice(1)) cells.push(String(value ?? ''));
    });
    expect(workbook.worksheets[0]!.rowCount).toBe(3);
    expect(cells).toContain('Visit month');
    expect(cells).toContain('15000.5');
    expect(cells.join('|')).not.toContain('safeguarding-7731');
    expect(cells.join('|')).not.toContain('42.8746');

    const family = example.world.family;
    const facilitator = await createUser({ roles: ['facilitator'] });
    for (const person of [family, facilitator]) {
      for (const [handler, file] of [
        [visitsCsvLoader, 'visits.csv'],
        [visitsXlsxLoader, 'visits.xlsx'],
        [outcomesLoader, 'outcomes'],
      ] as const) {
        const response = await call(handler, `/staff/competitions/${id}/${file}`, id, person);
        expect(response.status).toBeGreaterThanOrEqual(300);
        expect(response.status).not.toBe(200);
      }
    }
  });
});

describe('a grant’s outcomes timeline and its safeguarding concerns', () => {
  test('baseline, payments, visits and reports in date order; flags only when asked for', async () => {
    const { staffA, staffB } = await createMoneyStaff('en');
    const world = await createGrantWorld({ signed: true, status: 'disbursing' });
    const first = world.tranches[0]!;
    const recorded = recordMoneyRequest(browserRequest(), sessionUserOf(staffA), world.grant.id, {
      kind: 'payment',
      trancheId: first.id,
      amount: first.amount,
      method: 'e-wallet',
      paidOn: new Date('2025-02-03T06:00:00Z'),
      reference: 'ODENGI-1',
    });
    if (!recorded.ok) throw new Error(recorded.error);
    const approved = approveMoneyRequest(
      browserRequest(),
      sessionUserOf(staffB),
      recorded.request.id,
    );
    if (!approved.ok) throw new Error(approved.error);
    insertBaseline(world.grant.id, staffA, {
      monthlyHouseholdIncome: 900_000,
      recordedOn: new Date('2025-01-15T06:00:00Z'),
    });
    insertVisit(
      world.grant.id,
      {
        month: 3,
        dueOn: '2025-05-03',
        businessStatus: 'operating',
        monthlyRevenue: 1_500_000,
        monthlyHouseholdIncome: 1_100_000,
      },
      staffA,
    );
    insertVisit(world.grant.id, { month: 6, dueOn: '2025-08-03' });
    insertVisit(world.grant.id, { month: 12, dueOn: '2099-02-03' });
    writeTransaction((tx) =>
      tx
        .insert(familyReports)
        .values({
          grantId: world.grant.id,
          sentById: world.family.id,
          businessStatus: 'operating',
          monthlyRevenue: 1_300_000,
          question: 'When is the next visit?',
          createdAt: new Date('2025-06-20T06:00:00Z'),
        })
        .run(),
    );
    const flag = insertSafeguardingFlag(world.grant.id, staffA, SECRET);

    const now = new Date('2025-12-01T06:00:00Z');
    const timeline = grantTimeline(world.grant.id, 'en', { withFlags: true, now })!;
    expect(timeline.events.map((e) => [e.day, e.title])).toEqual([
      ['2025-01-15', 'Baseline'],
      ['2025-02-03', 'Payment'],
      ['2025-05-03', '3-month visit: visited'],
      ['2025-06-20', 'Report from the family'],
      ['2025-08-03', '6-month visit: overdue'],
      ['2099-02-03', '12-month visit: due'],
    ]);
    expect(timeline.events[2]!.details).toBe(
      `Operating; revenue ${formatMoney(1_500_000, 'KGS', 'en')}; household income ${formatMoney(1_100_000, 'KGS', 'en')}`,
    );
    expect(timeline.events[3]!.details).toContain('When is the next visit?');
    expect(timeline.chart!.series[1]!.points.map((p) => p.value)).toEqual([
      900_000,
      1_100_000,
      null,
      null,
    ]);
    expect(timeline.flags).toEqual([
      expect.objectContaining({ id: flag.id, note: SECRET, resolved: null }),
    ]);
    expect(grantTimeline(world.grant.id, 'en', { withFlags: false, now })!.flags).toBeNull();

    // Resolving: another grant's flag is not found; a note is kept and the audit names the flag only.
    const other = await createGrantWorld();
    expect(
      resolveSafeguardingFlag(
        browserRequest(),
        sessionUserOf(staffB),
        other.grant.id,
        flag.id,
        'x',
      ),
    ).toEqual({ ok: false, error: 'not-found' });
    const url = `http://localhost:3999/staff/grants/${world.grant.id}`;
    const post = async (form: Record<string, string>) => {
      try {
        return await grantAction({
          request: browserRequest(url, {
            cookie: await sessionCookieFor(staffB),
            method: 'POST',
            body: new URLSearchParams(form),
          }),
          params: { grantId: String(world.grant.id) },
          context: {},
        });
      } catch (thrown) {
        if (thrown instanceof Response) return thrown;
        throw thrown;
      }
    };
    const blank = await post({ intent: 'resolve-flag', flagId: String(flag.id), note: ' ' });
    expect(blank.status).toBe(400);
    expect(await blank.json()).toMatchObject({ fieldErrors: { note: 'validation.required' } });
    const done = await post({
      intent: 'resolve-flag',
      flagId: String(flag.id),
      note: 'Referred to the crisis centre',
    });
    expect(done.status).toBe(302);
    const after = grantTimeline(world.grant.id, 'en', { withFlags: true, now })!;
    expect(after.flags![0]!.resolved).toContain('Referred to the crisis centre');
    const audit = sqlite
      .prepare(
        "select after from audit_log where action = 'safeguarding.resolved' and entity_id = ? order by id desc",
      )
      .get(String(world.grant.id)) as { after: string };
    expect(JSON.parse(audit.after)).toEqual({ flagId: flag.id });
    const again = await post({ intent: 'resolve-flag', flagId: String(flag.id), note: 'Again' });
    expect(again.status).toBe(409);
  });
});
