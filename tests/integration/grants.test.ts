// Grants and money out (DESIGN.md): every award becomes a grant, a tranche is paid by one staff
// member and approved by another, and the ledger is append-only — on a real SQLite file.
import { and, eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { db, sqlite } from '~db/client';
import { auditLog } from '~db/schema/audit';
import { mailOutbox } from '~db/schema/mail';
import { findCompetition } from '~/models/competition.server';
import { findGrantOfApplication, tranchesOf } from '~/models/grant.server';
import { findMoneyRequest, ledgerOf, paidOnGrant } from '~/models/grant-ledger.server';
import { announce, decide, offerPlace, withdrawAward } from '~/services/decisions.server';
import {
  approveMoneyRequest,
  recordMoneyRequest,
  rejectMoneyRequest,
} from '~/services/disbursement.server';
import {
  changeGrantPlan,
  maskPhone,
  setTranchePlanTemplate,
  verifyTrancheReceipts,
} from '~/services/grants.server';
import { planSchema } from '~/schemas/grants';
import { ledgerCsv } from '~/services/ledger-export.server';
import { decisionWorld, SOM, type FamilyKey } from '../support/decision-world';
import { browserRequest } from '../support/factories';
import { createGrantWorld, createMoneyStaff } from '../support/grant-factories';
import { sessionUserOf } from '../support/session-user';

const req = () => browserRequest();
const day = new Date('2026-03-02T06:00:00Z');

describe('a grant for each award', () => {
  test('announcing makes one grant per award in the kelin’s name with a 70/30 plan; a place offered on gets one; a withdrawn award is cancelled', async () => {
    const world = await decisionWorld({ budget: 300_000 * SOM });
    const staff = sessionUserOf(world.staff);
    const app = (key: FamilyKey) => world.families[key].applicationId;
    const decideAs = (key: FamilyKey, decision: 'awarded' | 'waitlisted', amount?: number) =>
      decide(req(), staff, app(key), { decision, amount });
    expect(decideAs('N1', 'awarded', 74_000 * SOM + 1)).toEqual({ ok: true });
    expect(decideAs('S1', 'awarded')).toEqual({ ok: true });
    for (const key of ['N2', 'S2', 'N3', 'S3'] as const)
      expect(decideAs(key, 'waitlisted')).toEqual({ ok: true });
    expect(findGrantOfApplication(app('N1'))).toBeUndefined();
    expect(announce(req(), staff, world.competition.id)).toMatchObject({ ok: true });

    const n1 = findGrantOfApplication(app('N1'))!;
    expect(n1).toMatchObject({ amount: 7_400_001, currency: 'KGS', status: 'awaiting-signature' });
    const kelin = sqlite
      .prepare('select first_name as firstName, relation from household_members where id = ?')
      .get(n1.beneficiaryMemberId) as { firstName: string; relation: string };
    expect(kelin).toEqual({ firstName: 'Айпери', relation: 'daughter-in-law' });
    expect(tranchesOf(n1.id).map((t) => [t.amount, t.condition])).toEqual([
      [5_180_000, 'on-signing'],
      [2_220_001, 'after-receipts'],
    ]);
    expect(findGrantOfApplication(app('S1'))).toMatchObject({ amount: 100_000 * SOM });
    expect(findGrantOfApplication(app('N2'))).toBeUndefined();

    expect(withdrawAward(req(), staff, app('S1'), 'Не начала дело')).toEqual({ ok: true });
    expect(findGrantOfApplication(app('S1'))!.status).toBe('cancelled');
    expect(offerPlace(req(), staff, app('S2'), 90_000 * SOM)).toEqual({ ok: true });
    expect(findGrantOfApplication(app('S2'))).toMatchObject({
      amount: 90_000 * SOM,
      status: 'awaiting-signature',
    });
    const created = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'grant.created'), eq(auditLog.actorUserId, world.staff.id)))
      .all();
    expect(created).toHaveLength(3);
  });
});

describe('paying a tranche: four eyes', () => {
  test('A records, A (and A as admin) cannot approve, B approves once; she is told in Kyrgyz; the competition starts disbursing', async () => {
    const { staffA, staffB, admin } = await createMoneyStaff();
    const world = await createGrantWorld({ signed: true, signer: staffA, familyLocale: 'ky' });
    const [first, second] = world.tranches;
    const recorded = recordMoneyRequest(req(), sessionUserOf(staffA), world.grant.id, {
      kind: 'payment',
      trancheId: first!.id,
      amount: first!.amount,
      method: 'e-wallet',
      paidOn: day,
      reference: 'ODENGI-778812',
    });
    if (!recorded.ok) throw new Error(recorded.error);
    const requestId = recorded.request.id;
    expect(approveMoneyRequest(req(), sessionUserOf(staffA), requestId)).toEqual({
      ok: false,
      error: 'own-request',
    });
    expect(rejectMoneyRequest(req(), sessionUserOf(staffA), requestId, 'нет')).toEqual({
      ok: false,
      error: 'own-request',
    });
    // An admin who recorded a request cannot approve it either.
    const byAdmin = recordMoneyRequest(req(), sessionUserOf(admin), world.grant.id, {
      kind: 'payment',
      trancheId: second!.id,
      amount: second!.amount,
      method: 'cash',
      paidOn: day,
      reference: 'КО-17',
    });
    if (!byAdmin.ok) throw new Error(byAdmin.error);
    expect(approveMoneyRequest(req(), sessionUserOf(admin), byAdmin.request.id)).toEqual({
      ok: false,
      error: 'own-request',
    });
    expect(paidOnGrant(world.grant.id)).toBe(0);

    const approved = approveMoneyRequest(req(), sessionUserOf(staffB), requestId);
    expect(approved).toMatchObject({ ok: true, entry: { amount: 70_000 * SOM } });
    expect(approveMoneyRequest(req(), sessionUserOf(admin), requestId)).toEqual({
      ok: false,
      error: 'already-decided',
    });
    expect(paidOnGrant(world.grant.id)).toBe(70_000 * SOM);
    expect(ledgerOf(world.grant.id)).toMatchObject([
      {
        kind: 'payment',
        amount: 70_000 * SOM,
        recordedById: staffA.id,
        approvedById: staffB.id,
        idempotencyKey: `money-request:${requestId}`,
        reference: 'ODENGI-778812',
      },
    ]);
    expect(findCompetition(world.competition.id)!.status).toBe('disbursing');
    const mail = db
      .select()
      .from(mailOutbox)
      .where(
        and(
          eq(mailOutbox.recipientUserId, world.family.id),
          eq(mailOutbox.template, 'tranche-paid'),
        ),
      )
      .all();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.locale).toBe('ky');
    expect(mail[0]!.text.replace(/[\u00a0\u202f]/g, ' ')).toContain('70 000,00 сом');
    expect(mail[0]!.text).toContain('Электрондук капчык');
    // The subject names no amount (someone at home may see her phone).
    expect(mail[0]!.subject).not.toContain('70');

    // The second tranche waits for the first tranche's purchases to be verified.
    expect(approveMoneyRequest(req(), sessionUserOf(staffB), byAdmin.request.id)).toEqual({
      ok: false,
      error: 'earlier-receipts-not-verified',
    });
    expect(findMoneyRequest(byAdmin.request.id)!.status).toBe('requested');
    expect(verifyTrancheReceipts(req(), sessionUserOf(staffB), second!.id)).toEqual({
      ok: false,
      error: 'not-paid',
    });
    expect(verifyTrancheReceipts(req(), sessionUserOf(staffB), first!.id)).toEqual({ ok: true });
    expect(approveMoneyRequest(req(), sessionUserOf(staffB), byAdmin.request.id)).toMatchObject({
      ok: true,
    });
    expect(paidOnGrant(world.grant.id)).toBe(world.grant.amount);
  });

  test('an unsigned agreement refuses every tranche; a paid tranche cannot be asked again', async () => {
    const { staffA, staffB } = await createMoneyStaff();
    const world = await createGrantWorld();
    const first = world.tranches[0]!;
    const recorded = recordMoneyRequest(req(), sessionUserOf(staffA), world.grant.id, {
      kind: 'payment',
      trancheId: first.id,
      amount: first.amount,
      method: 'cash',
      paidOn: day,
      reference: 'КО-1',
    });
    if (!recorded.ok) throw new Error(recorded.error);
    expect(
      recordMoneyRequest(req(), sessionUserOf(staffA), world.grant.id, {
        kind: 'payment',
        trancheId: first.id,
        amount: first.amount,
        method: 'cash',
        paidOn: day,
        reference: 'КО-2',
      }),
    ).toEqual({ ok: false, error: 'already-requested' });
    expect(approveMoneyRequest(req(), sessionUserOf(staffB), recorded.request.id)).toEqual({
      ok: false,
      error: 'agreement-not-signed',
    });
    expect(rejectMoneyRequest(req(), sessionUserOf(staffB), recorded.request.id, '  ')).toEqual({
      ok: false,
      error: 'reason-required',
    });
    expect(
      rejectMoneyRequest(req(), sessionUserOf(staffB), recorded.request.id, 'Договор не подписан'),
    ).toEqual({ ok: true });
    expect(findMoneyRequest(recorded.request.id)).toMatchObject({
      status: 'rejected',
      decidedById: staffB.id,
      rejectionReason: 'Договор не подписан',
    });
    expect(ledgerOf(world.grant.id)).toEqual([]);
  });

  test('a mistaken payment is reversed by a new entry naming it (four eyes too), then paid again; money returned is negative', async () => {
    const { staffA, staffB } = await createMoneyStaff();
    const world = await createGrantWorld({ signed: true });
    const first = world.tranches[0]!;
    const pay = (reference: string) => {
      const r = recordMoneyRequest(req(), sessionUserOf(staffA), world.grant.id, {
        kind: 'payment',
        trancheId: first.id,
        amount: first.amount,
        method: 'e-wallet',
        paidOn: day,
        reference,
      });
      if (!r.ok) throw new Error(r.error);
      const a = approveMoneyRequest(req(), sessionUserOf(staffB), r.request.id);
      if (!a.ok) throw new Error(a.error);
      return a.entry;
    };
    const mistyped = pay('ODENGI-0000');
    expect(
      recordMoneyRequest(req(), sessionUserOf(staffA), world.grant.id, {
        kind: 'payment',
        trancheId: first.id,
        amount: first.amount,
        method: 'e-wallet',
        paidOn: day,
        reference: 'again',
      }),
    ).toEqual({ ok: false, error: 'tranche-paid' });
    const reversal = recordMoneyRequest(req(), sessionUserOf(staffB), world.grant.id, {
      kind: 'reversal',
      entryId: mistyped.id,
      paidOn: day,
      reference: 'CORR-1',
      reason: 'Неверный номер транзакции',
    });
    if (!reversal.ok) throw new Error(reversal.error);
    expect(approveMoneyRequest(req(), sessionUserOf(staffB), reversal.request.id)).toEqual({
      ok: false,
      error: 'own-request',
    });
    expect(approveMoneyRequest(req(), sessionUserOf(staffA), reversal.request.id)).toMatchObject({
      ok: true,
      entry: { kind: 'reversal', amount: -first.amount, reversesEntryId: mistyped.id },
    });
    expect(paidOnGrant(world.grant.id)).toBe(0);
    pay('ODENGI-778812');
    expect(paidOnGrant(world.grant.id)).toBe(first.amount);

    expect(
      recordMoneyRequest(req(), sessionUserOf(staffA), world.grant.id, {
        kind: 'repayment',
        amount: first.amount + 1,
        method: 'cash',
        paidOn: day,
        reference: 'ПКО-3',
        reason: 'Вернула остаток',
      }),
    ).toEqual({ ok: false, error: 'amount-over-paid' });
    const repaid = recordMoneyRequest(req(), sessionUserOf(staffA), world.grant.id, {
      kind: 'repayment',
      amount: 5_000 * SOM,
      method: 'cash',
      paidOn: day,
      reference: 'ПКО-3',
      reason: 'Вернула остаток',
    });
    if (!repaid.ok) throw new Error(repaid.error);
    expect(approveMoneyRequest(req(), sessionUserOf(staffB), repaid.request.id)).toMatchObject({
      ok: true,
      entry: { kind: 'repayment', amount: -5_000 * SOM },
    });
    expect(paidOnGrant(world.grant.id)).toBe(first.amount - 5_000 * SOM);
    expect(ledgerOf(world.grant.id).map((e) => e.amount)).toEqual([
      first.amount,
      -first.amount,
      first.amount,
      -5_000 * SOM,
    ]);
  });

  test('the ledger refuses UPDATE and DELETE, also from someone with the database file', async () => {
    const { staffA, staffB } = await createMoneyStaff();
    const world = await createGrantWorld({ signed: true });
    const first = world.tranches[0]!;
    const r = recordMoneyRequest(req(), sessionUserOf(staffA), world.grant.id, {
      kind: 'payment',
      trancheId: first.id,
      amount: first.amount,
      method: 'bank',
      paidOn: day,
      reference: 'PP-1',
    });
    if (!r.ok) throw new Error(r.error);
    const a = approveMoneyRequest(req(), sessionUserOf(staffB), r.request.id);
    if (!a.ok) throw new Error(a.error);
    expect(() =>
      sqlite.prepare('update ledger_entries set amount = 1 where id = ?').run(a.entry.id),
    ).toThrow(/append-only/);
    expect(() => sqlite.prepare('delete from ledger_entries where id = ?').run(a.entry.id)).toThrow(
      /append-only/,
    );
    expect(ledgerOf(world.grant.id)).toEqual([a.entry]);
  });

  test('the ledger exports as CSV with a BOM, headers in her language, a reversal naming its entry', async () => {
    const { staffA, staffB } = await createMoneyStaff();
    const world = await createGrantWorld({ signed: true });
    const first = world.tranches[0]!;
    const r = recordMoneyRequest(req(), sessionUserOf(staffA), world.grant.id, {
      kind: 'payment',
      trancheId: first.id,
      amount: first.amount,
      method: 'e-wallet',
      paidOn: day,
      reference: '=ODENGI-1',
    });
    if (!r.ok) throw new Error(r.error);
    const a = approveMoneyRequest(req(), sessionUserOf(staffB), r.request.id);
    if (!a.ok) throw new Error(a.error);
    const rev = recordMoneyRequest(req(), sessionUserOf(staffB), world.grant.id, {
      kind: 'reversal',
      entryId: a.entry.id,
      paidOn: day,
      reference: 'CORR-1',
      reason: 'Опечатка; номер',
    });
    if (!rev.ok) throw new Error(rev.error);
    expect(approveMoneyRequest(req(), sessionUserOf(staffA), rev.request.id)).toMatchObject({
      ok: true,
    });
    const csv = ledgerCsv(world.competition.id, 'ru')!;
    expect(csv.startsWith('\uFEFFЗапись;Заявка;Получательница;Что;Транш;Сумма')).toBe(true);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`;Выплата;1;70000,00;KGS;Электронный кошелёк;'=ODENGI-1;`);
    expect(lines[2]).toContain(`;Сторно;1;-70000,00;KGS;`);
    expect(lines[2]).toContain(`;${a.entry.id};"Опечатка; номер"`);
  });

  test('staff change a plan before signing (the form reads percent, fixed and rest), never after', async () => {
    const { staffA } = await createMoneyStaff();
    const world = await createGrantWorld({ amount: 74_000 * SOM + 1 });
    const form = planSchema.safeParse({
      kind1: 'fixed',
      value1: '30000',
      condition1: 'on-signing',
      kind2: 'percent',
      value2: '33,33',
      condition2: 'after-receipts',
      kind3: 'rest',
      value3: '',
      condition3: 'after-receipts',
    });
    if (!form.success) throw new Error('plan form refused');
    expect(form.data).toEqual([
      { kind: 'fixed', value: 30_000 * SOM, condition: 'on-signing' },
      { kind: 'percent', value: 3333, condition: 'after-receipts' },
      { kind: 'rest', value: 0, condition: 'after-receipts' },
    ]);
    expect(changeGrantPlan(req(), sessionUserOf(staffA), world.grant.id, form.data)).toEqual({
      ok: true,
    });
    const amounts = tranchesOf(world.grant.id).map((t) => t.amount);
    expect(amounts).toEqual([3_000_000, 2_466_420, 1_933_581]);
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(7_400_001);
    expect(
      changeGrantPlan(req(), sessionUserOf(staffA), world.grant.id, [
        { kind: 'percent', value: 6000, condition: 'on-signing' },
      ]),
    ).toEqual({ ok: false, error: 'does-not-sum' });
    const signed = await createGrantWorld({ signed: true });
    expect(changeGrantPlan(req(), sessionUserOf(staffA), signed.grant.id, form.data)).toEqual({
      ok: false,
      error: 'already-signed',
    });
  });

  test("a competition's plan template is copied onto its new grants; one that cannot split its smallest grant is refused", async () => {
    const { staffA } = await createMoneyStaff();
    const world = await createGrantWorld({
      amount: 74_000 * SOM + 1,
      plan: [
        { kind: 'fixed', value: 30_000 * SOM, condition: 'on-signing' },
        { kind: 'rest', value: 0, condition: 'after-receipts' },
      ],
    });
    expect(world.tranches.map((t) => t.amount)).toEqual([3_000_000, 4_400_001]);
    expect(
      setTranchePlanTemplate(req(), sessionUserOf(staffA), world.competition.id, [
        { kind: 'fixed', value: 60_000 * SOM, condition: 'on-signing' },
        { kind: 'rest', value: 0, condition: 'after-receipts' },
      ]),
    ).toEqual({ ok: false, error: 'fixed-over-amount' });
    expect(
      setTranchePlanTemplate(req(), sessionUserOf(staffA), world.competition.id, [
        { kind: 'percent', value: 5000, condition: 'on-signing' },
        { kind: 'rest', value: 0, condition: 'after-receipts' },
      ]),
    ).toEqual({ ok: true });
  });

  test('a wallet phone is shown masked', () => {
    expect(maskPhone('+996 555 123 456')).toBe('••• •• 34 56');
    expect(maskPhone(null)).toBeNull();
  });
});
