// The pilot's money in the demo, moved through the same services staff use (so the ledger, the
// audit log and the outbox read as they would): Нургүл records each signed agreement and each
// payment, Дмитрий approves (four eyes); the first tranche goes by e-wallet or in cash as the
// agreement says, receipts are verified, the second tranche is paid in cash. One payment was
// mistyped and is reversed; the last grant still waits for its second tranche, with a request
// Нургүл recorded that waits for Дмитрий. Idempotent: a grant already signed is left as it is.
import { and, asc, eq, ne } from 'drizzle-orm';
import { db } from '../client';
import { grantTranches, grants } from '../schema/grants';
import { users } from '../schema/people';
import { budgetItemsOf, findApplication } from '../../app/models/application.server';
import { tranchesOf } from '../../app/models/grant.server';
import { findHousehold, membersOf } from '../../app/models/household.server';
import { rolesOfUser } from '../../app/models/user.server';
import { approveMoneyRequest, recordMoneyRequest } from '../../app/services/disbursement.server';
import { grantFor } from '../../app/services/family-grant.server';
import {
  acceptReceipts,
  saveReceiptLine,
  submitReceipts,
} from '../../app/services/grant-receipts.server';
import { lineTotal } from '../../app/utils/money';
import { recordSigning } from '../../app/services/grants.server';
import { utcToZonedLocal, zonedLocalToUtc } from '../../app/utils/timezone';
import type { SessionUser } from '../../app/utils/session.server';

function sessionOf(email: string): SessionUser {
  return sessionOfUser(db.select().from(users).where(eq(users.email, email)).get()!);
}

function sessionOfUser(user: typeof users.$inferSelect): SessionUser {
  return { user, roles: rolesOfUser(user.id), sessionId: 'demo-seed' };
}

const request = () =>
  new Request('http://localhost/demo-seed', { headers: { 'x-ishenim-client-ip': '127.0.0.1' } });

function ok<T extends { ok: boolean }>(result: T, what: string): T {
  if (!result.ok) throw new Error(`demo ${what} refused: ${JSON.stringify(result)}`);
  return result;
}

const bishkek = (local: string) => zonedLocalToUtc(local, 'Asia/Bishkek')!;

/**
 * WHEN THE PILOT'S MONEY MOVED — the one place the demo's payment dates are set, relative to the
 * day the demo is seeded, so its monitoring visits (3, 6 and 12 months after the first tranche,
 * demo-outcomes.ts) read as a programme in its last months: most first tranches were paid 13–14
 * months ago (all three visits done), the third grant 12 months and two weeks ago (its 12-month
 * visit is overdue), the second and the last less than a year ago (their 12-month visits fall due
 * in the coming weeks). Each agreement was signed a week before its first tranche; the second
 * tranche followed five weeks later (the last grant's request, nine weeks later, still waits).
 */
const FIRST_PAYMENT_DAYS_AGO = [430, 355, 379, 420, 410, 400, 340];
const DAY = 24 * 60 * 60_000;
function pilotMoneyDates(index: number, last: boolean, now: Date) {
  const firstDaysAgo = FIRST_PAYMENT_DAYS_AGO[index] ?? 400;
  const at = (daysAgo: number, time: string) =>
    bishkek(
      `${utcToZonedLocal(now.getTime() - daysAgo * DAY, 'Asia/Bishkek').slice(0, 10)}T${time}`,
    );
  return {
    signedOn: at(firstDaysAgo + 7, '11:00'),
    firstOn: at(firstDaysAgo, '10:00'),
    secondOn: at(firstDaysAgo - (last ? 62 : 34), '10:00'),
  };
}

/**
 * A one-page PDF receipt the seed writes (Latin text in a built-in font, so no font file): small,
 * valid, and what a scanned shop receipt stands for on the demo's receipts page.
 */
export function demoReceiptPdf(lines: string[]): Uint8Array {
  const escape = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = [
    'BT /F1 11 Tf 40 250 Td 14 TL',
    ...lines.map((line) => `(${escape(line)}) '`),
    'ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

/**
 * She enters what she bought with the first tranche, one line per budget item with a receipt
 * (one bought a little cheaper, with her reason), and sends them; staff then verify them.
 */
function seedFirstTrancheReceipts(
  grantId: number,
  trancheId: number,
  index: number,
  boughtOn: Date,
) {
  const grant = db.select().from(grants).where(eq(grants.id, grantId)).get()!;
  const household = findHousehold(findApplication(grant.applicationId)!.householdId)!;
  // She herself if she has an account, else her village's facilitator on her behalf.
  const candidates = [
    ...(household.userId
      ? [db.select().from(users).where(eq(users.id, household.userId)).get()!]
      : []),
    ...['gulzat.facilitator@ishenim.example', 'bakyt.facilitator@ishenim.example'].map((email) =>
      db.select().from(users).where(eq(users.email, email)).get()!,
    ),
  ];
  const found = candidates
    .map((user) => ({
      actor: sessionOfUser(user),
      context: grantFor(sessionOfUser(user), grantId),
    }))
    .find(({ context }) => context?.access === 'owner' || context?.access === 'facilitator');
  if (!found?.context) return;
  const { actor: family, context } = found;
  budgetItemsOf(grant.applicationId).forEach((item, line) => {
    const planned = lineTotal(item.quantity, item.unitPrice);
    const cheaper = index % 2 === 1 && line === 0 && planned > 1_000_00;
    const actual = cheaper ? planned - 500_00 : planned;
    ok(
      saveReceiptLine(request(), family, context, trancheId, {
        budgetItemId: item.id,
        actualAmount: actual,
        reason: cheaper ? 'Купила дешевле на рынке в Кочкоре' : null,
        file: {
          name: `chek-${grantId}-${line + 1}.pdf`,
          kind: 'receipt',
          bytes: demoReceiptPdf([
            `Receipt / Chek No. ${grantId}-${line + 1}`,
            utcToZonedLocal(boughtOn.getTime(), 'Asia/Bishkek').slice(0, 10),
            `${item.quantity} x ${(item.unitPrice / 100).toFixed(2)} KGS`,
            `Total: ${(actual / 100).toFixed(2)} KGS`,
          ]),
        },
      }),
      'receipt line',
    );
  });
  ok(submitReceipts(request(), family, context, trancheId), 'receipts sent');
}

/** Records a request as Нургүл and (unless it is to wait) approves it as Дмитрий. */
function move(
  grantId: number,
  input: Parameters<typeof recordMoneyRequest>[3],
  staff: { recorder: SessionUser; approver: SessionUser },
  approve = true,
) {
  const recorded = ok(recordMoneyRequest(request(), staff.recorder, grantId, input), 'request');
  if (!recorded.ok) return undefined;
  if (!approve) return undefined;
  const approved = ok(
    approveMoneyRequest(request(), staff.approver, recorded.request.id),
    'approval',
  );
  return approved.ok ? approved.entry : undefined;
}

export function seedPilotGrants(pilotId: number, now = new Date()): { grants: number } {
  const nurgul = sessionOf('nurgul.staff@ishenim.example');
  const dmitry = sessionOf('dmitry.staff@ishenim.example');
  const staff = { recorder: nurgul, approver: dmitry };
  const pilotGrants = db
    .select()
    .from(grants)
    .where(and(eq(grants.competitionId, pilotId), ne(grants.status, 'cancelled')))
    .orderBy(asc(grants.id))
    .all();
  pilotGrants.forEach((grant, index) => {
    if (grant.status !== 'awaiting-signature') return;
    const application = findApplication(grant.applicationId)!;
    const household = findHousehold(application.householdId)!;
    const holder = membersOf(household.id).find((m) => m.id === grant.beneficiaryMemberId);
    const byWallet = index % 2 === 0;
    const last = index === pilotGrants.length - 1;
    const dates = pilotMoneyDates(index, last, now);
    ok(
      recordSigning(request(), nurgul, grant.id, {
        // Invented numbers in the shape of a Kyrgyz ID card (ID + 7 digits) or passport (AN + 7).
        identityDocumentKind: index % 3 === 2 ? 'passport' : 'id-card',
        identityDocumentNumber: `${index % 3 === 2 ? 'AN' : 'ID'}${String(2_400_000 + grant.id * 7919).slice(-7)}`,
        signedOn: dates.signedOn,
        signedByName: holder ? `${holder.firstName} ${holder.lastName}` : '',
        witnessName: household.localityId % 2 ? 'Гүлзат Токтогулова' : 'Бакыт Жумабаев',
        paymentMethod: byWallet ? 'e-wallet' : 'cash',
        walletProvider: byWallet ? 'o-dengi' : null,
        walletPhone: byWallet ? `+996 555 ${String(100_000 + grant.id * 137).slice(-6)}` : null,
        bankAccount: null,
        perOperationLimit: byWallet ? 100_000_00 : null,
      }),
      'signing',
    );
    const [first, second] = tranchesOf(grant.id);
    if (!first) return;
    const firstOn = dates.firstOn;
    const firstMethod = byWallet ? 'e-wallet' : 'cash';
    const firstRef = byWallet ? `ODENGI-2024-${1000 + grant.id}` : `KO-2024-${100 + grant.id}`;
    if (index === 0) {
      // Typed 7 000 instead of 70 000: approved, then reversed (four eyes again), then paid right.
      const wrong = move(
        grant.id,
        {
          kind: 'payment',
          trancheId: first.id,
          amount: Math.floor(first.amount / 10),
          method: firstMethod,
          paidOn: firstOn,
          reference: firstRef,
        },
        staff,
      );
      if (wrong)
        move(
          grant.id,
          {
            kind: 'reversal',
            entryId: wrong.id,
            paidOn: firstOn,
            reference: `${firstRef}-STORNO`,
            reason: 'Сумма введена с ошибкой: 7 000 вместо 70 000',
          },
          { recorder: dmitry, approver: nurgul },
        );
    }
    move(
      grant.id,
      {
        kind: 'payment',
        trancheId: first.id,
        amount: first.amount,
        method: firstMethod,
        paidOn: firstOn,
        reference: index === 0 ? `${firstRef}-2` : firstRef,
      },
      staff,
    );
    if (!second) return;
    // She bought her things in the ten days after the first tranche.
    seedFirstTrancheReceipts(grant.id, first.id, index, new Date(firstOn.getTime() + 10 * DAY));
    ok(acceptReceipts(request(), dmitry, first.id), 'receipts');
    // The services stamp the check with today; in the demo's story Дмитрий checked the receipts
    // two weeks after the first tranche, before the second was paid.
    db.update(grantTranches)
      .set({ receiptsVerifiedAt: new Date(firstOn.getTime() + 14 * DAY) })
      .where(eq(grantTranches.id, first.id))
      .run();
    // The last grant's second tranche waits for Дмитрий's approval.
    move(
      grant.id,
      {
        kind: 'payment',
        trancheId: second.id,
        amount: second.amount,
        method: 'cash',
        paidOn: dates.secondOn,
        reference: `KO-2024-${200 + grant.id}`,
      },
      staff,
      !last,
    );
  });
  return { grants: pilotGrants.length };
}
