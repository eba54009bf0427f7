// The pilot's money in the demo: signed agreements, both tranches paid with four eyes (by
// e-wallet and in cash), receipts verified, one reversal of a mistyped payment, and one grant
// whose second tranche waits for the other staff member's approval.
import { and, eq, ne } from 'drizzle-orm';
import { expect, test } from 'vitest';
import { db } from '~db/client';
import { competitions } from '~db/schema/competitions';
import { grants, ledgerEntries, moneyRequests } from '~db/schema/grants';
import { users } from '~db/schema/people';
import { tranchesOf } from '~/models/grant.server';
import { paidOnGrant } from '~/models/grant-ledger.server';
import { seedDemo } from '~db/seed/demo';

test('the pilot’s winners have signed agreements and paid tranches; one reversal; one second tranche waits for Дмитрий', async () => {
  await seedDemo();
  const pilot = db
    .select()
    .from(competitions)
    .where(eq(competitions.titleRu, 'Татыктуу Жашоо 2024: малые гранты для семейного дела'))
    .get()!;
  const pilotGrants = db
    .select()
    .from(grants)
    .where(and(eq(grants.competitionId, pilot.id), ne(grants.status, 'cancelled')))
    .all();
  expect(pilotGrants.length).toBeGreaterThanOrEqual(4);
  // Signed, and completed once the 12-month visit is recorded (demo-outcomes.ts).
  expect(pilotGrants.every((g) => g.status === 'signed' || g.status === 'completed')).toBe(true);
  expect(new Set(pilotGrants.map((g) => g.paymentMethod))).toEqual(new Set(['e-wallet', 'cash']));
  const fullyPaid = pilotGrants.filter((g) => paidOnGrant(g.id) === g.amount);
  expect(fullyPaid.length).toBe(pilotGrants.length - 1);
  for (const g of pilotGrants) expect(tranchesOf(g.id)[0]!.receiptsVerifiedAt).toBeInstanceOf(Date);

  const entries = db.select().from(ledgerEntries).all();
  expect(entries.filter((e) => e.kind === 'reversal')).toHaveLength(1);
  expect(new Set(entries.filter((e) => e.kind === 'payment').map((e) => e.method))).toEqual(
    new Set(['e-wallet', 'cash']),
  );
  const waiting = db
    .select()
    .from(moneyRequests)
    .where(eq(moneyRequests.status, 'requested'))
    .all();
  expect(waiting).toHaveLength(1);
  const nurgul = db
    .select()
    .from(users)
    .where(eq(users.email, 'nurgul.staff@ishenim.example'))
    .get()!;
  expect(waiting[0]!.recordedById).toBe(nurgul.id);

  // A second run changes nothing.
  await seedDemo();
  expect(db.select().from(ledgerEntries).all()).toHaveLength(entries.length);
  expect(
    db.select().from(moneyRequests).where(eq(moneyRequests.status, 'requested')).all(),
  ).toHaveLength(1);
});
