// Receipts for a tranche (DESIGN.md, "Grants and money out"): she shows each budget line planned
// against actual with a reason where they differ and a receipt or photo; staff verify (which
// unlocks the next tranche) or ask for more; she is told in her language. On a real SQLite file.
import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { db } from '~db/client';
import { mailOutbox } from '~db/schema/mail';
import { budgetItemsOf } from '~/models/application.server';
import { findTranche } from '~/models/grant.server';
import { approveMoneyRequest, recordMoneyRequest } from '~/services/disbursement.server';
import {
  agreementSheet,
  familyGrantPage,
  grantFor,
  tellAgreementReady,
} from '~/services/family-grant.server';
import { formatMoney } from '~/i18n/format';
import { resources } from '~/i18n/resources';
import {
  acceptReceipts,
  askForMoreReceipts,
  receiptLineProblem,
  receiptsSubmitProblem,
  saveReceiptLine,
  submitReceipts,
} from '~/services/grant-receipts.server';
import { browserRequest, createUser } from '../support/factories';
import { createGrantWorld, createMoneyStaff } from '../support/grant-factories';
import { sessionUserOf } from '../support/session-user';

const req = () => browserRequest();
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
const day = new Date('2026-03-02T06:00:00Z');

describe('the receipts rules', () => {
  test('a line that differs from its plan needs a reason; an equal one does not', () => {
    expect(receiptLineProblem({ planned: 100, actual: 100, reason: null })).toBeNull();
    expect(receiptLineProblem({ planned: 100, actual: 90, reason: ' ' })).toBe('reason-required');
    expect(receiptLineProblem({ planned: 100, actual: 0, reason: 'Не купила' })).toBeNull();
  });

  test('to be sent, every line is entered and every line with money spent has a file', () => {
    const items = [{ id: 1 }, { id: 2 }];
    const line = (id: number, budgetItemId: number, actualAmount: number) => ({
      id,
      budgetItemId,
      actualAmount,
    });
    expect(receiptsSubmitProblem(items, [line(10, 1, 5)], new Map([[10, 1]]))).toBe(
      'lines-missing',
    );
    expect(receiptsSubmitProblem(items, [line(10, 1, 5), line(11, 2, 7)], new Map([[10, 1]]))).toBe(
      'files-missing',
    );
    // A line she bought nothing for (0, with its reason) needs no file.
    expect(
      receiptsSubmitProblem(items, [line(10, 1, 5), line(11, 2, 0)], new Map([[10, 1]])),
    ).toBeNull();
  });
});

test('she shows her purchases, staff ask for more, then accept: the second tranche unlocks and she is told each time', async () => {
  const { staffA, staffB } = await createMoneyStaff();
  const world = await createGrantWorld({ signed: true, signer: staffA, familyLocale: 'ky' });
  const [first, second] = world.tranches;
  const a = sessionUserOf(staffA);
  const b = sessionUserOf(staffB);
  const family = sessionUserOf(world.family);
  const context = grantFor(family, world.grant.id)!;
  expect(context.access).toBe('owner');

  // Nothing paid: no receipts are expected yet.
  const items = budgetItemsOf(world.applicationId);
  const line = (index: number, actualAmount: number, reason: string | null, file = true) =>
    saveReceiptLine(req(), family, context, first!.id, {
      budgetItemId: items[index]!.id,
      actualAmount,
      reason,
      file: file ? { name: 'чек.jpg', bytes: JPEG, kind: 'receipt' } : null,
    });
  expect(line(0, 80_000_00, null)).toEqual({ ok: false, error: 'not-open' });

  const paid = recordMoneyRequest(req(), a, world.grant.id, {
    kind: 'payment',
    trancheId: first!.id,
    amount: first!.amount,
    method: 'e-wallet',
    paidOn: day,
    reference: 'OD-1',
  });
  expect(paid.ok).toBe(true);
  expect(approveMoneyRequest(req(), b, paid.ok ? paid.request.id : 0).ok).toBe(true);

  expect(familyGrantPage(context, 'ky').receipts).toMatchObject({
    position: 1,
    state: 'collecting',
  });
  expect(line(0, 78_500_00, '')).toEqual({ ok: false, error: 'reason-required' });
  expect(
    saveReceiptLine(req(), family, context, first!.id, {
      budgetItemId: items[0]!.id,
      actualAmount: 80_000_00,
      reason: null,
      file: { name: 'note.txt', bytes: new TextEncoder().encode('hello'), kind: 'receipt' },
    }),
  ).toEqual({ ok: false, error: 'wrong-type' });
  expect(line(0, 78_500_00, 'Нашла дешевле на базаре')).toEqual({ ok: true });
  expect(line(1, 15_000_00, null, false)).toEqual({ ok: true });
  expect(submitReceipts(req(), family, context, first!.id)).toEqual({
    ok: false,
    error: 'lines-missing',
  });
  expect(line(2, 15_000_00, null, false)).toEqual({ ok: true });
  expect(submitReceipts(req(), family, context, first!.id)).toEqual({
    ok: false,
    error: 'files-missing',
  });
  expect(line(1, 15_000_00, null)).toEqual({ ok: true });
  expect(line(2, 15_000_00, null)).toEqual({ ok: true });
  expect(submitReceipts(req(), family, context, first!.id)).toEqual({ ok: true });
  expect(submitReceipts(req(), family, context, first!.id)).toEqual({
    ok: false,
    error: 'already-sent',
  });

  // Staff ask for more: she reads why, in her language, through the outbox.
  expect(askForMoreReceipts(req(), a, first!.id, '')).toEqual({
    ok: false,
    error: 'reason-required',
  });
  expect(askForMoreReceipts(req(), a, first!.id, 'Сфотографируйте теплицу')).toEqual({ ok: true });
  const page = familyGrantPage(context, 'ky');
  expect(page.receipts).toMatchObject({
    state: 'more-needed',
    moreNeeded: 'Сфотографируйте теплицу',
  });
  expect(submitReceipts(req(), family, context, first!.id)).toEqual({ ok: true });

  // Before verification the second tranche cannot be approved.
  const early = recordMoneyRequest(req(), a, world.grant.id, {
    kind: 'payment',
    trancheId: second!.id,
    amount: second!.amount,
    method: 'cash',
    paidOn: day,
    reference: 'KO-2',
  });
  expect(early.ok).toBe(true);
  expect(approveMoneyRequest(req(), b, early.ok ? early.request.id : 0)).toEqual({
    ok: false,
    error: 'earlier-receipts-not-verified',
  });

  expect(acceptReceipts(req(), b, first!.id)).toEqual({ ok: true });
  expect(acceptReceipts(req(), b, first!.id)).toEqual({ ok: false, error: 'already-verified' });
  expect(findTranche(first!.id)!.receiptsVerifiedById).toBe(staffB.id);
  expect(familyGrantPage(context, 'ky').receipts).toBeNull();
  // The request refused before verification still waits; now it is approved.
  expect(approveMoneyRequest(req(), b, early.ok ? early.request.id : 0).ok).toBe(true);
  expect(familyGrantPage(context, 'ky').grant.left).toMatch(/^0,00/);

  const mails = db
    .select({ template: mailOutbox.template, locale: mailOutbox.locale, text: mailOutbox.text })
    .from(mailOutbox)
    .where(eq(mailOutbox.recipientUserId, world.family.id))
    .all();
  expect(mails.map((m) => m.template)).toEqual(
    expect.arrayContaining(['receipts-more-needed', 'receipts-accepted']),
  );
  expect(mails.every((m) => m.locale === 'ky')).toBe(true);
  expect(mails.find((m) => m.template === 'receipts-more-needed')!.text).toContain(
    'Сфотографируйте теплицу',
  );
});

test('the agreement and the grant are hers, her facilitator’s and staff’s only; the agreement names her in Kyrgyz with the amount in words', async () => {
  const world = await createGrantWorld({ amount: 74_000_01, familyLocale: 'ky' });
  const stranger = await createUser({ roles: ['applicant'] });
  const juror = await createUser({ roles: ['juror'] });
  const staff = await createUser({ roles: ['staff'] });
  expect(grantFor(sessionUserOf(stranger), world.grant.id)).toBeNull();
  expect(grantFor(sessionUserOf(juror), world.grant.id)).toBeNull();
  const context = grantFor(sessionUserOf(staff), world.grant.id)!;
  expect(context.access).toBe('staff');
  const sheet = agreementSheet(context, 'ky');
  expect(sheet.title).toBe('Грант берүү жөнүндө келишим');
  expect(sheet.signatures.holderName).toContain('Айпери');
  expect(sheet.holder.rows.find(([label]) => label === 'Үй-бүлөдө ким болот')![1]).toBe('Келин');
  expect(sheet.amount.text).toContain('жетимиш төрт миң сом 01 тыйын');
  expect(sheet.tranches.rows.map((r) => r[2])).toEqual([
    expect.stringContaining('элүү бир миң сегиз жүз сом 00 тыйын'),
    expect.stringContaining('жыйырма эки миң эки жүз сом 01 тыйын'),
  ]);
});

test('staff tell her the agreement is ready to sign, in her language, only while it waits for signing', async () => {
  const world = await createGrantWorld({ familyLocale: 'ru' });
  const staff = sessionUserOf(await createUser({ roles: ['staff'] }));
  expect(tellAgreementReady(req(), staff, world.grant.id)).toEqual({ ok: true });
  const mail = db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.recipientUserId, world.family.id))
    .all()
    .find((m) => m.template === 'agreement-ready')!;
  expect(mail.locale).toBe('ru');
  expect(mail.text).toContain(resources.ru.grantFamily.email.agreementBring);
  expect(mail.text).toContain(`/grants/${world.grant.id}`);
  const signed = await createGrantWorld({ signed: true });
  expect(tellAgreementReady(req(), staff, signed.grant.id)).toEqual({
    ok: false,
    error: 'not-awaiting-signature',
  });
});

test('her facilitator opens her grant and reads what comes next; a facilitator of another village cannot', async () => {
  const world = await createGrantWorld({ signed: true });
  const village = world.family.localityId!;
  const hers = sessionUserOf(await createUser({ roles: ['facilitator'], worksIn: [village] }));
  const other = sessionUserOf(await createUser({ roles: ['facilitator'], worksIn: [] }));
  expect(grantFor(other, world.grant.id)).toBeNull();
  const context = grantFor(hers, world.grant.id)!;
  expect(context.access).toBe('facilitator');
  expect(familyGrantPage(context, 'ru').next).toBe(
    resources.ru.grantFamily.page.nextPayOpen
      .replace('{{position}}', '1')
      .replace('{{amount}}', formatMoney(world.tranches[0]!.amount, 'KGS', 'ru')),
  );
});
