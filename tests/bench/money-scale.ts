// The competition's money page at programme scale (issue 13): 10,000 grants, a tenth of them
// with a payment waiting for approval, half with a ledger entry. Times the page the loader
// builds (one page of grants from SQL + the aggregate totals) against reading every grant.
//   DATABASE_PATH=/tmp/money.db npx tsx tests/bench/money-scale.ts
// Figures only; one process, the functions the loader calls (no HTTP).
import { sqlite, writeTransaction } from '~db/client';
import { moneyPage } from '~/services/grant-view.server';
import { createLocality, createUser } from '../support/factories';
import {
  createApplication,
  createCompetition,
  createHousehold,
} from '../support/programme-factories';

const GRANTS = Number(process.env.GRANTS ?? 10_000);
sqlite.pragma('synchronous = OFF');

const staffA = await createUser({ roles: ['staff'] });
const staffB = await createUser({ roles: ['staff'] });
const localityIds = Array.from({ length: 20 }, () => createLocality().id);
const competition = createCompetition({
  localityIds,
  status: 'disbursing',
  budgetTotal: GRANTS * 100_000_00,
});
const started = Date.now();
const applicationIds: number[] = [];
for (let i = 0; i < GRANTS; i += 1) {
  const created = createHousehold({ localityId: localityIds[i % localityIds.length]! });
  const application = createApplication({
    competition,
    ...created,
    enteredBy: staffA,
    status: 'awarded',
    reference: `TJ-2024-${String(i + 1).padStart(5, '0')}`,
  });
  applicationIds.push(application!.id);
}
// Grants, tranches, requests and entries straight in SQL: the services' checks are not what is
// measured here, and 10,000 of each through them would take minutes.
writeTransaction(() => {
  const now = Date.now();
  const grant = sqlite.prepare(
    "insert into grants (competition_id, application_id, amount, currency, status, created_at, updated_at) values (?, ?, 100000000, 'KGS', 'signed', ?, ?) returning id",
  );
  const tranche = sqlite.prepare(
    "insert into grant_tranches (grant_id, position, kind, value, condition, amount, created_at, updated_at) values (?, 1, 'percent', 7000, 'on-signing', 70000000, ?, ?) returning id",
  );
  const request = sqlite.prepare(
    "insert into money_requests (grant_id, kind, tranche_id, amount, method, paid_on, reference, status, recorded_by_id, decided_by_id, created_at, updated_at) values (?, 'payment', ?, 70000000, 'cash', ?, ?, ?, ?, ?, ?, ?) returning id",
  );
  const entry = sqlite.prepare(
    "insert into ledger_entries (grant_id, tranche_id, money_request_id, kind, amount, currency, method, reference, paid_at, recorded_by_id, approved_by_id, idempotency_key, created_at) values (?, ?, ?, 'payment', 70000000, 'KGS', 'cash', ?, ?, ?, ?, ?, ?)",
  );
  applicationIds.forEach((applicationId, i) => {
    const g = grant.get(competition.id, applicationId, now, now) as { id: number };
    const t = tranche.get(g.id, now, now) as { id: number };
    if (i % 10 === 3)
      request.run(g.id, t.id, now, `KO-${i}`, 'requested', staffA.id, null, now, now);
    else if (i % 2 === 0) {
      const r = request.get(
        g.id,
        t.id,
        now,
        `KO-${i}`,
        'approved',
        staffA.id,
        staffB.id,
        now,
        now,
      ) as {
        id: number;
      };
      entry.run(
        g.id,
        t.id,
        r.id,
        `KO-${i}`,
        now,
        staffA.id,
        staffB.id,
        `money-request:${r.id}`,
        now,
      );
    }
  });
});
sqlite.exec('analyze');
console.error(`${GRANTS} grants: ${Date.now() - started} ms`);

function time(label: string, work: () => unknown, runs = 5) {
  const first = performance.now();
  work();
  const once = performance.now() - first;
  const start = performance.now();
  for (let i = 0; i < runs; i += 1) work();
  console.log(
    `${label.padEnd(46)} first ${once.toFixed(1).padStart(8)} ms   then ${((performance.now() - start) / runs).toFixed(1).padStart(7)} ms`,
  );
}

const page = (n: number) => moneyPage(competition.id, staffA.id, 'ru', { page: n })!;
time('money page 1 (50 grants, waiting first)', () => page(1));
time('money page 100', () => page(100));
time('money page 200 (the last)', () => page(200));
const shown = page(1);
console.log(
  `page 1: ${shown.grants.length} grants, ${shown.grants.filter((g) => g.waiting).length} waiting, total ${shown.grantsPage.total}; paid ${shown.summary.paid}`,
);
// What the page did before: every grant (and every waiting request) on one page.
const everything = () => moneyPage(competition.id, staffA.id, 'ru', { pageSize: GRANTS })!;
time('(before) all grants on one page', everything, 3);
console.log(
  `loader data: page 1 ${(JSON.stringify(shown).length / 1024).toFixed(0)} KB, all grants ${(JSON.stringify(everything()).length / 1024).toFixed(0)} KB`,
);
