// The agreement's paper trail (issue 13): the beneficiary's identity document (checked, named in
// full on the printed agreement and on staff's page, masked elsewhere), the scan of the signed
// paper (its type read from its bytes, stored without photo metadata, opened by staff only), and
// the money page's grants list paged in SQL — on a real SQLite file, through the real routes.
import { describe, expect, test } from 'vitest';
import { db, sqlite, writeTransaction } from '~db/client';
import { auditLog } from '~db/schema/audit';
import { updateApplicationRow } from '~/models/application.server';
import { findGrant } from '~/models/grant.server';
import { action as grantAction } from '~/routes/staff.grants.$grantId/route';
import { loader as scanLoader } from '~/routes/staff.grants.$grantId_.agreement-scan/route';
import { identityDocumentSchema, signingSchema } from '~/schemas/grants';
import { readAttachmentFile } from '~/services/attachment-storage.server';
import { agreementSheet, familyGrantPage, grantFor } from '~/services/family-grant.server';
import { moneyPage } from '~/services/grant-view.server';
import { approveMoneyRequest, recordMoneyRequest } from '~/services/disbursement.server';
import { maskDocumentNumber, openGrantFor, recordIdentityDocument } from '~/services/grants.server';
import { browserRequest, createUser, uniqueSuffix } from '../support/factories';
import { createGrantWorld, createMoneyStaff } from '../support/grant-factories';
import { sessionCookieFor } from '../support/jury-factories';
import { createApplication, createHousehold } from '../support/programme-factories';
import { sessionUserOf } from '../support/session-user';
import { desc, eq } from 'drizzle-orm';

const req = () => browserRequest();

/** A JPEG whose EXIF carries a place name — the stored copy must not. */
function photoWithLocation(): Uint8Array {
  const text = [...'Exif\0\0GPS Kochkor 42.21N'].map((c) => c.charCodeAt(0));
  const app1 = [0xff, 0xe1, (text.length + 2) >> 8, (text.length + 2) & 0xff, ...text];
  const body = [0xff, 0xda, 0x00, 0x08, 1, 2, 3, 4, 5, 6, 0x11, 0x22, 0x33, 0xff, 0xd9];
  return Uint8Array.from([0xff, 0xd8, ...app1, ...body]);
}

function signingForm(scan: { bytes: Uint8Array; name: string; type: string } | null) {
  const form = new FormData();
  form.set('intent', 'sign');
  form.set('identityDocumentKind', 'passport');
  form.set('identityDocumentNumber', 'an 765 43 21');
  form.set('signedOn', '2026-03-02');
  form.set('signedByName', 'Айпери Токтогулова');
  form.set('witnessName', 'Гүлзат Токтогулова');
  form.set('paymentMethod', 'cash');
  if (scan)
    form.set('scan', new File([new Uint8Array(scan.bytes)], scan.name, { type: scan.type }));
  return form;
}

async function post(grantId: number, cookie: string, body: FormData) {
  try {
    return await grantAction({
      request: browserRequest(`http://localhost:3999/staff/grants/${grantId}`, {
        method: 'POST',
        cookie,
        body,
      }),
      params: { grantId: String(grantId) },
      context: {},
    });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

async function fetchScan(grantId: number, cookie: string) {
  try {
    return await scanLoader({
      request: browserRequest(`http://localhost:3999/staff/grants/${grantId}/agreement-scan`, {
        cookie,
      }),
      params: { grantId: String(grantId) },
      context: {},
    });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe('the identity document', () => {
  test('a passport is two letters and 7 digits, an ID card ID and 7 digits; spaces and case are normalised', () => {
    const ok = (kind: string, number: string) =>
      identityDocumentSchema.safeParse({
        identityDocumentKind: kind,
        identityDocumentNumber: number,
      });
    expect(ok('passport', ' an 123 45 67 ')).toMatchObject({
      success: true,
      data: { identityDocumentNumber: 'AN1234567' },
    });
    expect(ok('id-card', 'id1234567')).toMatchObject({
      success: true,
      data: { identityDocumentNumber: 'ID1234567' },
    });
    expect(ok('id-card', 'AN1234567').success).toBe(false);
    expect(ok('id-card', 'ID12345').success).toBe(false);
    expect(ok('passport', 'паспорт').success).toBe(false);
    expect(ok('passport', '').error?.issues[0]?.message).toBe('validation.required');
    expect(ok('driving-licence', 'AN1234567').success).toBe(false);
    const bad = ok('id-card', 'ID12');
    expect(bad.error?.issues[0]).toMatchObject({
      path: ['identityDocumentNumber'],
      message: 'validation.identityDocument',
    });
    // The signing form checks it too.
    const signing = signingSchema.safeParse({
      identityDocumentKind: 'id-card',
      identityDocumentNumber: 'X',
      signedOn: '2026-03-02',
      signedByName: 'Айпери',
      witnessName: 'Гүлзат',
      paymentMethod: 'cash',
    });
    expect(signing.error?.issues.map((i) => i.path.join('.'))).toContain('identityDocumentNumber');
  });

  test('masked as its first two and last two characters', () => {
    expect(maskDocumentNumber('AN1234567')).toBe('AN•••••67');
    expect(maskDocumentNumber('ID7654321')).toBe('ID•••••21');
    expect(maskDocumentNumber('AB12')).toBe('••••');
    expect(maskDocumentNumber(null)).toBeNull();
  });

  test('staff enter it before signing; the Kyrgyz agreement names it in full, her page masks it; the log keeps only its kind', async () => {
    const world = await createGrantWorld({ familyLocale: 'ky' });
    const staff = sessionUserOf(await createUser({ roles: ['staff'] }));
    expect(
      recordIdentityDocument(req(), staff, world.grant.id, {
        identityDocumentKind: 'id-card',
        identityDocumentNumber: 'ID2345678',
      }),
    ).toEqual({ ok: true });
    const staffContext = grantFor(staff, world.grant.id)!;
    const sheet = agreementSheet(staffContext, 'ky');
    expect(sheet.holder.rows).toContainEqual([
      'Инсандыгын күбөлөндүрүүчү документ',
      'ID-карта ID2345678',
    ]);
    expect(sheet.holder.document).toBe('Ким жана качан берген');
    const family = sessionUserOf(world.family);
    const page = familyGrantPage(grantFor(family, world.grant.id)!, 'ky');
    expect(page.grant.identityDocument).toBe('ID-карта ID•••••78');
    expect(JSON.stringify(page)).not.toContain('ID2345678');
    const logged = db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'grant.identity-recorded'))
      .orderBy(desc(auditLog.id))
      .get()!;
    expect(JSON.stringify(logged)).not.toContain('2345678');
    expect(logged.entityId).toBe(String(world.grant.id));
  });

  test('once the agreement is signed the document no longer changes', async () => {
    const world = await createGrantWorld({ signed: true });
    const staff = sessionUserOf(await createUser({ roles: ['staff'] }));
    expect(
      recordIdentityDocument(req(), staff, world.grant.id, {
        identityDocumentKind: 'passport',
        identityDocumentNumber: 'AN0000001',
      }),
    ).toEqual({ ok: false, error: 'already-signed' });
    expect(findGrant(world.grant.id)!.identityDocumentNumber).toBe('ID1234567');
  });
});

describe('the scan of the signed agreement', () => {
  test('staff sign with a photo: stored without its location, typed from its bytes, and only staff can open it', async () => {
    const world = await createGrantWorld({ familyLocale: 'ky' });
    const staff = await createUser({ roles: ['staff'] });
    const cookie = await sessionCookieFor(staff);
    // Called "scan.pdf" and sent as a PDF: it is a JPEG all the same.
    const response = await post(
      world.grant.id,
      cookie,
      signingForm({ bytes: photoWithLocation(), name: 'scan.pdf', type: 'application/pdf' }),
    );
    expect(response.status).toBe(302);
    const grant = findGrant(world.grant.id)!;
    expect(grant).toMatchObject({
      status: 'signed',
      identityDocumentKind: 'passport',
      identityDocumentNumber: 'AN7654321',
    });
    expect(grant.scanPath).toMatch(/^[\w-]+$/);
    const stored = readAttachmentFile(grant.scanPath!);
    expect(stored.includes(Buffer.from('Kochkor'))).toBe(false);

    const served = await fetchScan(world.grant.id, cookie);
    expect(served.status).toBe(200);
    expect(served.headers.get('Content-Type')).toBe('image/jpeg');
    expect(Buffer.from(await served.arrayBuffer()).equals(stored)).toBe(true);

    // The family, though she may open her agreement, may not open its scan.
    const familyResponse = await fetchScan(world.grant.id, await sessionCookieFor(world.family));
    expect(familyResponse.status).toBe(403);
    const anonymous = await fetchScan(world.grant.id, '');
    expect([302, 303, 401, 403]).toContain(anonymous.status);

    const signed = db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'grant.signed'))
      .orderBy(desc(auditLog.id))
      .get()!;
    expect(signed.entityId).toBe(String(world.grant.id));
    expect(JSON.stringify(signed)).not.toContain('7654321');
  });

  test('a file that is not a JPEG, PNG or PDF is refused next to the field, and nothing is signed', async () => {
    const world = await createGrantWorld();
    const cookie = await sessionCookieFor(await createUser({ roles: ['staff'] }));
    const response = await post(
      world.grant.id,
      cookie,
      signingForm({
        bytes: new TextEncoder().encode('<html>not a scan</html>'),
        name: 'scan.jpg',
        type: 'image/jpeg',
      }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      fieldErrors: { scan: 'grants:grant.scanType' },
    });
    expect(findGrant(world.grant.id)).toMatchObject({
      status: 'awaiting-signature',
      scanPath: null,
    });
    expect((await fetchScan(world.grant.id, cookie)).status).toBe(404);
  });

  test('a bad document number at signing is a field error, and nothing is stored', async () => {
    const world = await createGrantWorld();
    const cookie = await sessionCookieFor(await createUser({ roles: ['staff'] }));
    const form = signingForm({ bytes: photoWithLocation(), name: 'a.jpg', type: 'image/jpeg' });
    form.set('identityDocumentNumber', 'AN12');
    const response = await post(world.grant.id, cookie, form);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      fieldErrors: { identityDocumentNumber: 'validation.identityDocument' },
    });
    expect(findGrant(world.grant.id)!.status).toBe('awaiting-signature');
  });

  test('a signing recorded without the scan gets it once, later; a second scan is refused', async () => {
    const world = await createGrantWorld({ signed: true });
    const cookie = await sessionCookieFor(await createUser({ roles: ['staff'] }));
    expect((await fetchScan(world.grant.id, cookie)).status).toBe(404);
    const attach = (bytes: Uint8Array) => {
      const form = new FormData();
      form.set('intent', 'attach-scan');
      form.set('scan', new File([new Uint8Array(bytes)], 'scan.jpg', { type: 'image/jpeg' }));
      return post(world.grant.id, cookie, form);
    };
    const notAScan = await attach(new TextEncoder().encode('GIF89a'));
    expect(notAScan.status).toBe(400);
    expect((await attach(photoWithLocation())).status).toBe(302);
    const served = await fetchScan(world.grant.id, cookie);
    expect(served.status).toBe(200);
    expect(served.headers.get('Content-Type')).toBe('image/jpeg');
    const again = await attach(photoWithLocation());
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ formError: 'grants:refused.scan-not-open' });
  });
});

describe('the money page', () => {
  test('pages its grants in SQL, waiting ones first; page 2 shows the next grants and the totals stay', async () => {
    const { staffA, staffB } = await createMoneyStaff();
    const world = await createGrantWorld({ signed: true });
    const { competition } = world;
    const household = sqlite
      .prepare(
        'select h.locality_id as localityId from applications a join households h on h.id = a.household_id where a.id = ?',
      )
      .get(world.applicationId) as { localityId: number };
    // Four more grants of 50 000 in the same competition, references sorting after the first.
    for (let i = 0; i < 4; i += 1) {
      const family = await createUser({ roles: ['applicant'], localityId: household.localityId });
      const created = createHousehold({ localityId: household.localityId, user: family });
      const application = createApplication({
        competition,
        household: created.household,
        members: created.members,
        enteredBy: family,
        status: 'awarded',
        reference: `ZZ-${i}-${uniqueSuffix()}`,
      });
      writeTransaction((tx) =>
        openGrantFor(
          tx,
          updateApplicationRow(tx, application.id, { awardedAmount: 50_000_00 }),
          competition,
          null,
        ),
      );
    }
    // The first grant's payment waits for approval: it leads page 1.
    const first = world.tranches[0]!;
    const recorded = recordMoneyRequest(req(), sessionUserOf(staffA), world.grant.id, {
      kind: 'payment',
      trancheId: first.id,
      amount: first.amount,
      method: 'cash',
      paidOn: new Date('2026-03-02T06:00:00Z'),
      reference: 'КО-1',
    });
    if (!recorded.ok) throw new Error(recorded.error);

    const all = moneyPage(competition.id, staffA.id, 'ru', { pageSize: 100 })!;
    expect(all.grants).toHaveLength(5);
    expect(all.grants[0]).toMatchObject({ id: world.grant.id, waiting: true });

    const page1 = moneyPage(competition.id, staffA.id, 'ru', { page: 1, pageSize: 2 })!;
    const page2 = moneyPage(competition.id, staffA.id, 'ru', { page: 2, pageSize: 2 })!;
    const page3 = moneyPage(competition.id, staffA.id, 'ru', { page: 3, pageSize: 2 })!;
    expect(page1.grants.map((g) => g.id)).toEqual(all.grants.slice(0, 2).map((g) => g.id));
    expect(page2.grants.map((g) => g.id)).toEqual(all.grants.slice(2, 4).map((g) => g.id));
    expect(page3.grants.map((g) => g.id)).toEqual(all.grants.slice(4).map((g) => g.id));
    expect(page2.grantsPage).toEqual({ page: 2, pageSize: 2, total: 5 });
    expect(page2.waitingTotal).toBe(1);
    expect(page2.waiting.map((r) => r.requestId)).toEqual([recorded.request.id]);
    expect(page2.summary).toEqual(page1.summary);
    expect(page1.summary.awarded).toMatch(/^300\s000,00/);
    // A page past the end shows the last page.
    expect(
      moneyPage(competition.id, staffA.id, 'ru', { page: 99, pageSize: 2 })!.grants.map(
        (g) => g.id,
      ),
    ).toEqual(page3.grants.map((g) => g.id));

    // Once approved, the grant no longer leads; paid shows in the same totals on every page.
    const approved = approveMoneyRequest(req(), sessionUserOf(staffB), recorded.request.id);
    if (!approved.ok) throw new Error(approved.error);
    const after1 = moneyPage(competition.id, staffA.id, 'ru', { page: 1, pageSize: 2 })!;
    const after2 = moneyPage(competition.id, staffA.id, 'ru', { page: 2, pageSize: 2 })!;
    expect(after1.summary.paid).toMatch(/^70\s000,00/);
    expect(after2.summary).toEqual(after1.summary);
    expect(after1.grants.every((g) => !g.waiting)).toBe(true);
  });
});
