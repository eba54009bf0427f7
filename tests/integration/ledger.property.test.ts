// Property: whatever staff record, approve, reject, reverse, repay and verify — in any order, by
// anyone — the money rules hold on a real SQLite file: paid never exceeds the grant (nor goes
// below zero), the ledger sums to paid, no entry is ever changed or removed, nobody approves her
// own request, and a tranche is never paid twice while its payment stands.
import fc from 'fast-check';
import { beforeAll, expect, test } from 'vitest';
import { sqlite } from '~db/client';
import type { LedgerEntry } from '~db/schema/grants';
import type { User } from '~db/schema/people';
import {
  findMoneyRequest,
  ledgerOf,
  moneyRequestsOf,
  paidOnGrant,
} from '~/models/grant-ledger.server';
import {
  approveMoneyRequest,
  recordMoneyRequest,
  rejectMoneyRequest,
} from '~/services/disbursement.server';
import { verifyTrancheReceipts } from '~/services/grants.server';
import { browserRequest } from '../support/factories';
import { createGrantWorld, createMoneyStaff } from '../support/grant-factories';
import { sessionUserOf } from '../support/session-user';

let people: User[] = [];
beforeAll(async () => {
  const { staffA, staffB, admin } = await createMoneyStaff();
  people = [staffA, staffB, admin];
});

const who = fc.integer({ min: 0, max: 2 });
const command = fc.oneof(
  fc.record({
    op: fc.constant('record' as const),
    who,
    tranche: fc.integer({ min: 0, max: 1 }),
    size: fc.constantFrom('full', 'less', 'more'),
  }),
  fc.record({ op: fc.constant('approve' as const), who, pick: fc.nat(20), waiting: fc.boolean() }),
  fc.record({
    op: fc.constant('approve' as const),
    who,
    pick: fc.nat(20),
    waiting: fc.constant(true),
  }),
  fc.record({ op: fc.constant('reject' as const), who, pick: fc.nat(20), waiting: fc.boolean() }),
  fc.record({ op: fc.constant('reverse' as const), who, pick: fc.nat(20) }),
  fc.record({
    op: fc.constant('repay' as const),
    who,
    amount: fc.integer({ min: 1, max: 3_000_000 }),
  }),
  fc.record({ op: fc.constant('verify' as const), who, tranche: fc.integer({ min: 0, max: 1 }) }),
  fc.record({ op: fc.constant('tamper' as const), pick: fc.nat(20), remove: fc.boolean() }),
);

const req = () => browserRequest();
/** The kinds of entry the runs posted. */
const posted = new Set<string>();
const paidOn = new Date('2026-03-02T06:00:00Z');

test('property: paid ≤ grant, ledger sums to paid, entries never change, four eyes, one standing payment per tranche', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 0, max: 4 }).map((n) => n > 0),
      fc.array(command, { minLength: 15, maxLength: 40 }),
      async (signed, commands) => {
        // 74 000,01 som at 70 / the rest: 51 800,00 + 22 200,01.
        const world = await createGrantWorld({ amount: 7_400_001, signed, signer: people[2] });
        const grantId = world.grant.id;
        const seen = new Map<number, string>();
        for (const c of commands) {
          const requests = moneyRequestsOf(grantId).reverse();
          const entries = ledgerOf(grantId);
          switch (c.op) {
            case 'record': {
              const tranche = world.tranches[c.tranche]!;
              const amount =
                c.size === 'full'
                  ? tranche.amount
                  : c.size === 'less'
                    ? tranche.amount - 1
                    : tranche.amount + 1;
              const result = recordMoneyRequest(req(), sessionUserOf(people[c.who]!), grantId, {
                kind: 'payment',
                trancheId: tranche.id,
                amount,
                method: 'cash',
                paidOn,
                reference: `KO-${requests.length}`,
              });
              if (c.size === 'more') expect(result).toMatchObject({ ok: false });
              break;
            }
            case 'approve':
            case 'reject': {
              // Mostly a request that still waits; sometimes any, to meet "already decided".
              const pool = c.waiting ? requests.filter((r) => r.status === 'requested') : requests;
              if (pool.length === 0) break;
              const target = pool[c.pick % pool.length]!;
              const actor = people[c.who]!;
              const result =
                c.op === 'approve'
                  ? approveMoneyRequest(req(), sessionUserOf(actor), target.id)
                  : rejectMoneyRequest(req(), sessionUserOf(actor), target.id, 'Ошибка в сумме');
              if (result.ok) {
                if (c.op === 'approve') posted.add(target.kind);
                expect(actor.id).not.toBe(target.recordedById);
                expect(target.status).toBe('requested');
              }
              if (target.status !== 'requested')
                expect(result).toMatchObject({ ok: false, error: 'already-decided' });
              else if (actor.id === target.recordedById)
                expect(result).toEqual({ ok: false, error: 'own-request' });
              // A refused approval leaves the request waiting, as it was.
              if (!result.ok) expect(findMoneyRequest(target.id)!.status).toBe(target.status);
              break;
            }
            case 'reverse': {
              if (entries.length === 0) break;
              const entry = entries[c.pick % entries.length]!;
              recordMoneyRequest(req(), sessionUserOf(people[c.who]!), grantId, {
                kind: 'reversal',
                entryId: entry.id,
                paidOn,
                reference: `CORR-${entry.id}`,
                reason: 'Опечатка',
              });
              break;
            }
            case 'repay':
              recordMoneyRequest(req(), sessionUserOf(people[c.who]!), grantId, {
                kind: 'repayment',
                amount: c.amount,
                method: 'cash',
                paidOn,
                reference: 'ПКО',
                reason: 'Вернула',
              });
              break;
            case 'verify':
              verifyTrancheReceipts(
                req(),
                sessionUserOf(people[c.who]!),
                world.tranches[c.tranche]!.id,
              );
              break;
            case 'tamper': {
              if (entries.length === 0) break;
              const entry = entries[c.pick % entries.length]!;
              expect(() =>
                c.remove
                  ? sqlite.prepare('delete from ledger_entries where id = ?').run(entry.id)
                  : sqlite
                      .prepare('update ledger_entries set amount = amount + 1 where id = ?')
                      .run(entry.id),
              ).toThrow(/append-only/);
              break;
            }
          }
          checkInvariants(grantId, world.grant.amount, seen);
        }
      },
    ),
    // A fixed seed: the check below that the runs reached every kind of entry must not hang on
    // luck (one random run never posted a reversal).
    { numRuns: 40, seed: 20261206 },
  );
  // The runs did reach every kind of entry, so the checks above were not vacuous.
  expect(Array.from(posted).sort()).toEqual(['payment', 'repayment', 'reversal']);
});

function checkInvariants(grantId: number, amount: number, seen: Map<number, string>) {
  const entries = ledgerOf(grantId);
  const paid = paidOnGrant(grantId);
  expect(entries.reduce((sum, e) => sum + e.amount, 0)).toBe(paid);
  expect(paid).toBeGreaterThanOrEqual(0);
  expect(paid).toBeLessThanOrEqual(amount);
  // No entry ever changes or disappears.
  const now = new Map(entries.map((e) => [e.id, JSON.stringify(e)]));
  for (const [id, before] of seen) expect(now.get(id)).toBe(before);
  for (const [id, text] of now) seen.set(id, text);
  // Four eyes, on every entry and every decided request.
  for (const e of entries) expect(e.approvedById).not.toBe(e.recordedById);
  for (const r of moneyRequestsOf(grantId))
    if (r.decidedById !== null) expect(r.decidedById).not.toBe(r.recordedById);
  // A tranche has at most one payment that stands (not reversed).
  const reversed = new Set(entries.map((e) => e.reversesEntryId).filter((id) => id !== null));
  const standing = new Map<number, LedgerEntry[]>();
  for (const e of entries)
    if (e.kind === 'payment' && !reversed.has(e.id))
      standing.set(e.trancheId!, [...(standing.get(e.trancheId!) ?? []), e]);
  for (const list of standing.values()) expect(list).toHaveLength(1);
  // Each entry is reversed at most once, and one entry per approved request.
  expect(reversed.size).toBe(entries.filter((e) => e.reversesEntryId !== null).length);
  const approved = moneyRequestsOf(grantId).filter((r) => r.status === 'approved');
  expect(approved.map((r) => r.id).sort()).toEqual(entries.map((e) => e.moneyRequestId).sort());
}
