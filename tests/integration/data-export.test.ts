// "Download my data" (issue 16), on a real SQLite file: a family's ZIP holds her summary, her data
// as JSON and her files, and nothing of another family, of the jury, of safeguarding or of what
// only staff write; who may download it is checked, and every download is audited.
import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import { db, writeTransaction } from '~db/client';
import { applicationBudgetItems } from '~db/schema/applications';
import { auditLog } from '~db/schema/audit';
import { grantReceiptFiles, grantReceiptLines } from '~db/schema/grant-receipts';
import { users } from '~db/schema/people';
import { HTML_LANG } from '~/i18n/config';
import { resources } from '~/i18n/resources';
import { updateApplicationRow } from '~/models/application.server';
import { findHouseholdOfUser, membersOf, updateHouseholdRow } from '~/models/household.server';
import { criteriaOf } from '~/models/jury.server';
import { storeAttachmentFile } from '~/services/attachment-storage.server';
import { downloadHouseholdData } from '~/services/data-export.server';
import { saveScore } from '~/services/jury.server';
import { action as ownDataAction } from '~/routes/household_.data[.]zip/route';
import { action as householdDataAction } from '~/routes/households.$householdId.data[.]zip/route';
import { browserRequest, createUser } from '../support/factories';
import { createGrantWorld, type GrantWorld } from '../support/grant-factories';
import { addAttachment, addNotice, addReportWithPhoto } from '../support/household-data-factories';
import { assignAndOpen, roundWithJurors, sessionCookieFor } from '../support/jury-factories';
import { insertSafeguardingFlag, insertVisit } from '../support/outcome-view-factories';
import { createApplication, createCompetition } from '../support/programme-factories';
import { sessionUserOf } from '../support/session-user';

const PDF = Buffer.from('%PDF-1.4\n% a price quote\n%%EOF\n');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

async function streamBytes(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A family with a grant, an attachment, a receipt, a report with a photo and a notice. */
async function familyWithEverything(marker: string): Promise<GrantWorld & { householdId: number }> {
  const world = await createGrantWorld({ signed: true });
  const household = findHouseholdOfUser(world.family.id)!;
  writeTransaction((tx) => {
    tx.update(users)
      .set({ name: `Name ${marker}` })
      .where(eq(users.id, world.family.id))
      .run();
    updateHouseholdRow(tx, household.id, { address: `Address ${marker}` });
    updateApplicationRow(tx, world.applicationId, { title: `Title ${marker}` });
    addAttachment(tx, world, {
      name: `quote-${marker}.pdf`,
      mimeType: 'application/pdf',
      bytes: PDF,
    });
    const budgetItem = tx
      .select()
      .from(applicationBudgetItems)
      .where(eq(applicationBudgetItems.applicationId, world.applicationId))
      .get()!;
    const line = tx
      .insert(grantReceiptLines)
      .values({
        grantId: world.grant.id,
        trancheId: world.tranches[0]!.id,
        budgetItemId: budgetItem.id,
        actualAmount: 79_000_00,
        reason: `Cheaper ${marker}`,
        enteredById: world.family.id,
      })
      .returning()
      .get();
    tx.insert(grantReceiptFiles)
      .values({
        receiptLineId: line.id,
        kind: 'receipt',
        fileName: `receipt-${marker}.png`,
        mimeType: 'image/png',
        sizeBytes: PNG.length,
        storageKey: storeAttachmentFile(PNG),
        uploadedById: world.family.id,
      })
      .run();
    addReportWithPhoto(tx, world, marker);
    addNotice(tx, world.family.id, marker, 'family@test.example');
  });
  return { ...world, householdId: household.id };
}

describe('the download of a family', () => {
  test("holds her data and files, and nothing of another family, the jury, safeguarding or staff's reasons", async () => {
    const a = await familyWithEverything('ALPHA-7f3e');
    await familyWithEverything('BRAVO-91cc');
    const staff = await createUser({ roles: ['staff'], name: 'Staff Kimdir' });

    // Staff-only writing on her own records.
    writeTransaction((tx) =>
      updateApplicationRow(tx, a.applicationId, {
        decisionReason: 'DECISION-REASON-SECRET',
        ineligibleReason: 'INELIGIBLE-SECRET',
      }),
    );
    const visit = insertVisit(
      a.grant.id,
      {
        month: 3,
        dueOn: '2025-04-15',
        businessStatus: 'operating',
        notes: 'Visit note for her',
        latitude: '42.874621',
        longitude: '74.569762',
      },
      staff,
    );
    insertSafeguardingFlag(a.grant.id, staff, 'SAFEGUARDING-NOTE-SECRET', visit.id);

    // A jury scored another application of hers, with a juror whose name must not appear.
    const household = findHouseholdOfUser(a.family.id)!;
    const competition = createCompetition({
      localityIds: [household.localityId],
      status: 'screening',
    });
    const members = membersOf(household.id);
    createApplication({
      competition,
      household,
      members,
      enteredBy: a.family,
      status: 'eligible',
    });
    const jurors = [
      await createUser({ roles: ['juror'], name: 'JUROR-ZARINA-SECRET' }),
      await createUser({ roles: ['juror'], name: 'JUROR-BOLOT-SECRET' }),
      await createUser({ roles: ['juror'], name: 'JUROR-ELENA-SECRET' }),
    ];
    const roundId = roundWithJurors({ staff, competition, jurors, declare: jurors });
    const assignments = assignAndOpen(staff, roundId);
    expect(assignments.length).toBeGreaterThan(0);
    const [idea, budget] = criteriaOf(roundId);
    for (const assignment of assignments) {
      const juror = jurors.find((j) => j.id === assignment.jurorId)!;
      const saved = saveScore(
        browserRequest(),
        sessionUserOf(juror),
        assignment.id,
        {
          items: [
            { criterionId: idea!.id, points: 9, comment: 'SCORE-COMMENT-SECRET' },
            { criterionId: budget!.id, points: 4, comment: '' },
          ],
          overallComment: 'OVERALL-COMMENT-SECRET',
        },
        true,
      );
      expect(saved.ok).toBe(true);
    }

    const result = downloadHouseholdData(browserRequest(), sessionUserOf(a.family), null, null);
    if (!result.ok) throw new Error(result.error);
    const zip = await JSZip.loadAsync(await streamBytes(result.stream));
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
    expect(names).toContain('summary.html');
    expect(names).toContain('data.json');
    const files = names.filter((n) => n.startsWith('files/'));
    expect(files.some((n) => n.endsWith('quote-ALPHA-7f3e.pdf'))).toBe(true);
    expect(files.some((n) => n.endsWith('receipt-ALPHA-7f3e.png'))).toBe(true);
    expect(files.some((n) => n.startsWith('files/reports/') && n.endsWith('.png'))).toBe(true);
    expect(files).toHaveLength(3);
    const quote = files.find((n) => n.endsWith('.pdf'))!;
    expect(Buffer.from(await zip.file(quote)!.async('uint8array')).equals(PDF)).toBe(true);

    const json = await zip.file('data.json')!.async('string');
    const html = await zip.file('summary.html')!.async('string');
    const data = JSON.parse(json) as {
      account: { name: string; locale: string };
      applications: { grant: { payments: unknown[]; visits: unknown[] } | null }[];
    };
    expect(data.account).toMatchObject({ name: 'Name ALPHA-7f3e', locale: 'ky' });
    for (const text of [json, html]) {
      for (const mine of [
        'Name ALPHA-7f3e',
        'Address ALPHA-7f3e',
        'Title ALPHA-7f3e',
        'Question ALPHA-7f3e',
        'Subject ALPHA-7f3e',
        'Visit note for her',
      ])
        expect(text).toContain(mine);
      for (const never of [
        'BRAVO-91cc',
        'SAFEGUARDING-NOTE-SECRET',
        'JUROR-',
        'SCORE-COMMENT-SECRET',
        'OVERALL-COMMENT-SECRET',
        'DECISION-REASON-SECRET',
        'INELIGIBLE-SECRET',
        '42.874621',
        '74.569762',
        'Body ALPHA-7f3e',
        'Staff Kimdir',
      ])
        expect(text).not.toContain(never);
    }
    // Her summary reads in her language (Kyrgyz).
    expect(html).toContain('<html lang="ky">');
    expect(html).toContain('Менин маалыматтарым');
    expect(data.applications.some((app) => app.grant?.visits.length)).toBe(true);
  });

  test("an Uzbek family's summary is marked as Uzbek in Cyrillic, as every page of the portal", async () => {
    const world = await familyWithEverything(`UZ-${crypto.randomBytes(3).toString('hex')}`);
    db.update(users).set({ locale: 'uz' }).where(eq(users.id, world.family.id)).run();
    const result = downloadHouseholdData(browserRequest(), sessionUserOf(world.family), null, null);
    if (!result.ok) throw new Error(result.error);
    const zip = await JSZip.loadAsync(await streamBytes(result.stream));
    const html = await zip.file('summary.html')!.async('string');
    expect(HTML_LANG.uz).toBe('uz-Cyrl');
    expect(html).toContain(`<html lang="${HTML_LANG.uz}">`);
    expect(html).toContain(`<h1>${resources.uz.households.dataExport.summary.title}</h1>`);
  });
});

describe('who may download', () => {
  test("her village's facilitator may; another village's facilitator and a juror may not", async () => {
    const a = await familyWithEverything(`F-${crypto.randomUUID()}`);
    const household = findHouseholdOfUser(a.family.id)!;
    const hers = await createUser({ roles: ['facilitator'], worksIn: [household.localityId] });
    const other = await createUser({ roles: ['facilitator'], worksIn: [] });
    const juror = await createUser({ roles: ['juror'] });
    const ok = downloadHouseholdData(browserRequest(), sessionUserOf(hers), household.id, null);
    expect(ok.ok).toBe(true);
    if (ok.ok) ok.stream.resume();
    for (const refused of [other, juror])
      expect(
        downloadHouseholdData(browserRequest(), sessionUserOf(refused), household.id, null),
      ).toEqual({ ok: false, error: 'forbidden' });
  });

  test('staff must name the written request, and every download is audited', async () => {
    const a = await familyWithEverything(`S-${crypto.randomUUID()}`);
    const household = findHouseholdOfUser(a.family.id)!;
    const staff = await createUser({ roles: ['staff'] });
    expect(
      downloadHouseholdData(browserRequest(), sessionUserOf(staff), household.id, '  '),
    ).toEqual({ ok: false, error: 'reference-required' });
    const ok = downloadHouseholdData(
      browserRequest(),
      sessionUserOf(staff),
      household.id,
      'Letter 2026/14',
    );
    expect(ok.ok).toBe(true);
    if (ok.ok) ok.stream.resume();
    const lines = db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'household.data-downloaded'),
          eq(auditLog.entityId, String(household.id)),
        ),
      )
      .all();
    expect(lines).toHaveLength(1);
    expect(lines[0]!.actorUserId).toBe(staff.id);
    expect(JSON.parse(lines[0]!.after!)).toMatchObject({
      as: 'staff',
      requestReference: 'Letter 2026/14',
      files: 3,
    });
  });
});

describe('the download pages', () => {
  async function post(
    run: typeof householdDataAction,
    url: string,
    user: { id: number },
    form: Record<string, string> = {},
  ): Promise<Response> {
    try {
      return await run({
        request: browserRequest(url, {
          cookie: await sessionCookieFor(user),
          method: 'POST',
          body: new URLSearchParams(form),
        }),
        params: { householdId: url.split('/')[4] },
        context: {},
      });
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  }

  test('the family gets a ZIP; staff without a reference are asked for it; a juror is refused', async () => {
    const a = await familyWithEverything(`P-${crypto.randomUUID()}`);
    const household = findHouseholdOfUser(a.family.id)!;
    const own = await post(ownDataAction, 'http://localhost:3999/household/data.zip', a.family);
    expect(own.status).toBe(200);
    expect(own.headers.get('Content-Type')).toBe('application/zip');
    const zip = await JSZip.loadAsync(Buffer.from(await own.arrayBuffer()));
    expect(zip.file('summary.html')).not.toBeNull();

    const url = `http://localhost:3999/households/${household.id}/data.zip`;
    const staff = await createUser({ roles: ['staff'] });
    // Without the written request's reference, staff are sent back to the page, which asks for it.
    const asked = await post(householdDataAction, url, staff, { requestReference: '' });
    expect(asked.status).toBe(303);
    expect(asked.headers.get('Location')).toBe(
      `/households/${household.id}/data?missing=reference`,
    );
    const named = await post(householdDataAction, url, staff, { requestReference: 'Letter 7' });
    expect(named.headers.get('Content-Type')).toBe('application/zip');
    const juror = await createUser({ roles: ['juror'] });
    expect((await post(householdDataAction, url, juror)).status).toBe(403);
  });
});
