// The baseline and the family's own reports (DESIGN.md, "Outcomes"), on a real SQLite file: the
// baseline is recorded once a signed agreement exists, by staff or her village's facilitator, once
// (staff may correct it until the first visit); she (or her facilitator) sends a report with a
// photo stored without its metadata, and every active staff member is told in their language; her
// grant page shows visits and reports and never anything of a safeguarding concern.
import { and, eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { db, writeTransaction } from '~db/client';
import { auditLog } from '~db/schema/audit';
import { mailOutbox } from '~db/schema/mail';
import { monitoringVisits, outcomePhotos, safeguardingFlags } from '~db/schema/outcomes';
import { resources } from '~/i18n/resources';
import { findBaseline } from '~/models/baseline.server';
import { baselineSchema, type BaselineInput } from '~/schemas/baseline';
import { familyReportSchema } from '~/schemas/family-report';
import { readAttachmentFile } from '~/services/attachment-storage.server';
import { baselineDayProblem, baselineGrantFor, recordBaseline } from '~/services/baselines.server';
import { familyGrantPage, grantFor } from '~/services/family-grant.server';
import {
  INBOX_PAGE_SIZE,
  markReportRead,
  reportGrantFor,
  reportInbox,
  sendFamilyReport,
  unreadReportQuestions,
} from '~/services/family-reports.server';
import { utcToZonedLocal } from '~/utils/timezone';
import { browserRequest, createUser } from '../support/factories';
import { createGrantWorld, createMoneyStaff } from '../support/grant-factories';
import { sessionUserOf } from '../support/session-user';

const req = () => browserRequest();
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const segment = (marker: number, payload: number[]) => {
  const length = payload.length + 2;
  return [0xff, marker, length >> 8, length & 0xff, ...payload];
};
/** A JPEG carrying a place in a comment and in XMP: both must be gone once stored. */
const JPEG_WITH_PLACE = Uint8Array.from([
  0xff,
  0xd8,
  ...segment(0xe0, [...ascii('JFIF'), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
  ...segment(0xe1, ascii('http://ns.adobe.com/xap/1.0/ <exif:GPSLatitude>42,52N')),
  ...segment(0xfe, ascii('GPS 42.87N 74.59E')),
  ...[0xff, 0xda, 0x00, 0x08, 1, 2, 3, 4, 5, 6, 0x11, 0x22, 0x33, 0xff, 0xd9],
]);
const PDF = new Uint8Array(ascii('%PDF-1.4 a receipt'));

const todayIn = (timeZone: string) => utcToZonedLocal(new Date(), timeZone).slice(0, 10);

function baselineInput(overrides: Partial<BaselineInput> = {}): BaselineInput {
  return {
    monthlyHouseholdIncome: 18_000_00,
    incomeSources: ['livestock', 'remittances'],
    hasSavings: false,
    decidesOwnEarnings: 'husband',
    decidesLargePurchases: 'parent-in-law',
    decidesBusinessMoney: 'jointly-husband',
    sayInMoney: 2,
    recordedOn: todayIn('Asia/Bishkek'),
    ...overrides,
  };
}

async function world(options: { signed?: boolean } = { signed: true }) {
  const staff = await createMoneyStaff('ru');
  const grantWorld = await createGrantWorld({
    signed: options.signed,
    signer: staff.staffA,
    familyLocale: 'ru',
  });
  const localityId = grantWorld.family.localityId!;
  const facilitator = await createUser({ roles: ['facilitator'], worksIn: [localityId] });
  return { ...grantWorld, ...staff, facilitator };
}

describe('the baseline form', () => {
  test('needs an income in money, at least one source, every agency answer and a day', () => {
    const full = {
      monthlyHouseholdIncome: '18 000',
      incomeSources: ['livestock', 'remittances'],
      hasSavings: 'no',
      decidesOwnEarnings: 'husband',
      decidesLargePurchases: 'parent-in-law',
      decidesBusinessMoney: 'jointly-husband',
      sayInMoney: '2',
      recordedOn: '2026-03-02',
    };
    const ok = baselineSchema.safeParse(full);
    expect(ok.success && ok.data).toMatchObject({
      monthlyHouseholdIncome: 18_000_00,
      hasSavings: false,
      sayInMoney: 2,
    });
    // A single ticked box comes as a string: still a list.
    const one = baselineSchema.safeParse({ ...full, incomeSources: 'trade' });
    expect(one.success && one.data.incomeSources).toEqual(['trade']);
    const bad = baselineSchema.safeParse({
      ...full,
      monthlyHouseholdIncome: 'много',
      incomeSources: undefined,
      decidesOwnEarnings: undefined,
      sayInMoney: '7',
      recordedOn: '02.03.2026',
    });
    expect(bad.success).toBe(false);
    const messages = Object.fromEntries(
      (bad.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]),
    );
    expect(messages).toEqual({
      monthlyHouseholdIncome: 'validation.money',
      incomeSources: 'validation.chooseOne',
      decidesOwnEarnings: 'validation.required',
      sayInMoney: 'validation.required',
      recordedOn: 'validation.date',
    });
  });

  test('the day of the answers is not in the future (on the competition’s calendar) nor before signing', () => {
    const now = new Date('2026-03-02T20:00:00Z'); // 3 March, 02:00 in Bishkek
    expect(baselineDayProblem('2026-03-03', null, 'Asia/Bishkek', now)).toBeNull();
    expect(baselineDayProblem('2026-03-03', null, 'UTC', now)).toBe('futureDay');
    expect(
      baselineDayProblem('2026-02-27', new Date('2026-02-28T06:00:00Z'), 'Asia/Bishkek', now),
    ).toBe('beforeSigning');
  });
});

describe('recording the baseline', () => {
  test('her facilitator records it once; a second time is refused; the audit says so', async () => {
    const w = await world();
    const context = baselineGrantFor(sessionUserOf(w.facilitator), w.grant.id)!;
    expect(context.access).toBe('facilitator');
    const first = recordBaseline(req(), sessionUserOf(w.facilitator), context, baselineInput());
    expect(first).toEqual({ ok: true, corrected: false });
    expect(findBaseline(w.grant.id)).toMatchObject({
      monthlyHouseholdIncome: 18_000_00,
      incomeSources: ['livestock', 'remittances'],
      hasSavings: false,
      decidesOwnEarnings: 'husband',
      sayInMoney: 2,
      recordedById: w.facilitator.id,
    });
    const again = recordBaseline(
      req(),
      sessionUserOf(w.facilitator),
      context,
      baselineInput({ monthlyHouseholdIncome: 1 }),
    );
    expect(again).toEqual({ ok: false, error: 'already-recorded' });
    expect(findBaseline(w.grant.id)?.monthlyHouseholdIncome).toBe(18_000_00);
    const audit = db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'baseline.recorded'), eq(auditLog.entityId, String(w.grant.id))),
      )
      .all();
    expect(audit).toHaveLength(1);
  });

  test('staff may correct it until the first visit is recorded, then no more', async () => {
    const w = await world();
    const staff = sessionUserOf(w.staffA);
    const context = baselineGrantFor(staff, w.grant.id)!;
    expect(recordBaseline(req(), staff, context, baselineInput()).ok).toBe(true);
    expect(
      recordBaseline(req(), staff, context, baselineInput({ monthlyHouseholdIncome: 20_000_00 })),
    ).toEqual({ ok: true, corrected: true });
    expect(findBaseline(w.grant.id)?.monthlyHouseholdIncome).toBe(20_000_00);
    writeTransaction((tx) =>
      tx
        .insert(monitoringVisits)
        .values({ grantId: w.grant.id, month: 3, dueOn: '2026-06-02', status: 'done' })
        .run(),
    );
    expect(recordBaseline(req(), staff, context, baselineInput())).toEqual({
      ok: false,
      error: 'visit-recorded',
    });
  });

  test('a day in the future is refused next to its field; an unsigned grant has no baseline yet', async () => {
    const w = await world();
    const staff = sessionUserOf(w.staffA);
    const context = baselineGrantFor(staff, w.grant.id)!;
    expect(
      recordBaseline(req(), staff, context, baselineInput({ recordedOn: '2999-01-01' })),
    ).toEqual({
      ok: false,
      error: 'field',
      field: 'recordedOn',
      message: 'familyReports:baseline.errors.futureDay',
    });
    expect(findBaseline(w.grant.id)).toBeUndefined();
    const unsigned = await world({ signed: false });
    const unsignedContext = baselineGrantFor(sessionUserOf(unsigned.staffA), unsigned.grant.id)!;
    expect(
      recordBaseline(req(), sessionUserOf(unsigned.staffA), unsignedContext, baselineInput()),
    ).toEqual({ ok: false, error: 'not-signed' });
  });

  test('the family herself, another village’s facilitator and a juror may not record it', async () => {
    const w = await world();
    const otherFacilitator = await createUser({ roles: ['facilitator'], worksIn: [] });
    const juror = await createUser({ roles: ['juror'] });
    expect(baselineGrantFor(sessionUserOf(w.family), w.grant.id)).toBeNull();
    expect(baselineGrantFor(sessionUserOf(otherFacilitator), w.grant.id)).toBeNull();
    expect(baselineGrantFor(sessionUserOf(juror), w.grant.id)).toBeNull();
    expect(baselineGrantFor(sessionUserOf(w.staffB), w.grant.id)?.access).toBe('staff');
  });
});

describe('the family’s report', () => {
  test('the form needs a business status; revenue and question are optional', () => {
    expect(familyReportSchema.safeParse({ businessStatus: 'operating' })).toEqual({
      success: true,
      data: { businessStatus: 'operating', monthlyRevenue: null, question: null },
    });
    const typed = familyReportSchema.safeParse({
      businessStatus: 'paused',
      monthlyRevenue: '12 500,50',
      question: '  Когда следующий визит?  ',
    });
    expect(typed.success && typed.data).toEqual({
      businessStatus: 'paused',
      monthlyRevenue: 12_500_50,
      question: 'Когда следующий визит?',
    });
    const bad = familyReportSchema.safeParse({ businessStatus: 'rich', monthlyRevenue: '-5' });
    expect(bad.success ? [] : bad.error.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['businessStatus', 'validation.required'],
      ['monthlyRevenue', 'validation.money'],
    ]);
  });

  test('only she and her village’s facilitator may send one, and only for a signed grant', async () => {
    const w = await world();
    const otherFamily = await world();
    const juror = await createUser({ roles: ['juror'] });
    expect(reportGrantFor(sessionUserOf(w.family), w.grant.id)?.access).toBe('owner');
    expect(reportGrantFor(sessionUserOf(w.facilitator), w.grant.id)?.access).toBe('facilitator');
    expect(reportGrantFor(sessionUserOf(otherFamily.family), w.grant.id)).toBeNull();
    expect(reportGrantFor(sessionUserOf(otherFamily.facilitator), w.grant.id)).toBeNull();
    expect(reportGrantFor(sessionUserOf(juror), w.grant.id)).toBeNull();
    expect(reportGrantFor(sessionUserOf(w.staffA), w.grant.id)).toBeNull();
    const unsigned = await world({ signed: false });
    const context = reportGrantFor(sessionUserOf(unsigned.family), unsigned.grant.id)!;
    expect(
      sendFamilyReport(
        req(),
        sessionUserOf(unsigned.family),
        context,
        { businessStatus: 'operating', monthlyRevenue: null, question: null },
        null,
      ),
    ).toEqual({ ok: false, error: 'not-open' });
  });

  test('sending one tells every active staff member in their own language, never her words', async () => {
    const w = await world();
    const kyStaff = await createUser({ roles: ['staff'], locale: 'ky' });
    const enStaff = await createUser({ roles: ['staff'], locale: 'en' });
    const gone = await createUser({ roles: ['staff'], disabled: true });
    const question = 'Можно ли купить вторую теплицу?';
    const family = sessionUserOf(w.family);
    const result = sendFamilyReport(
      req(),
      family,
      reportGrantFor(family, w.grant.id)!,
      { businessStatus: 'operating', monthlyRevenue: 35_000_00, question },
      null,
    );
    expect(result.ok).toBe(true);
    const mails = db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.template, 'family-report-received'))
      .all();
    const byRecipient = new Map(mails.map((m) => [m.recipientUserId, m]));
    expect(byRecipient.has(gone.id)).toBe(false);
    expect(byRecipient.has(w.family.id)).toBe(false);
    for (const [user, locale] of [
      [w.staffA, 'ru'],
      [w.staffB, 'ru'],
      [kyStaff, 'ky'],
      [enStaff, 'en'],
    ] as const) {
      const mail = byRecipient.get(user.id)!;
      expect(mail.locale).toBe(locale);
      const body = resources[locale].familyReports.email.body.replace('{{reference}}', w.reference);
      expect(mail.text).toContain(body);
      expect(mail.html).toContain(resources[locale].familyReports.email.action);
      expect(mail.text).toContain(resources[locale].familyReports.email.question);
      expect(mail.text).not.toContain(question);
      expect(mail.subject).not.toContain(question);
    }
    // The admin is not staff: no notice.
    expect(byRecipient.has(w.admin.id)).toBe(false);
    const audit = db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'family-report.sent'))
      .all()
      .filter((a) => a.entityId === String(w.grant.id));
    expect(audit).toHaveLength(1);
  });

  test('a photo is stored without its place; a PDF is refused and nothing is written', async () => {
    const w = await world();
    const facilitator = sessionUserOf(w.facilitator);
    const context = reportGrantFor(facilitator, w.grant.id)!;
    const input = { businessStatus: 'operating' as const, monthlyRevenue: null, question: null };
    expect(sendFamilyReport(req(), facilitator, context, input, { bytes: PDF })).toEqual({
      ok: false,
      error: 'wrong-type',
    });
    const sent = sendFamilyReport(req(), facilitator, context, input, { bytes: JPEG_WITH_PLACE });
    if (!sent.ok) throw new Error(sent.error);
    const photos = db
      .select()
      .from(outcomePhotos)
      .where(eq(outcomePhotos.grantId, w.grant.id))
      .all();
    expect(photos).toHaveLength(1);
    expect(photos[0]).toMatchObject({
      reportId: sent.reportId,
      visitId: null,
      contentType: 'image/jpeg',
      uploadedById: w.facilitator.id,
    });
    const stored = readAttachmentFile(photos[0]!.storagePath);
    expect(stored.includes(Buffer.from('GPS'))).toBe(false);
    expect(stored.includes(Buffer.from('GPSLatitude'))).toBe(false);
    expect(stored.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    // Her page links the photo.
    const page = familyGrantPage(grantFor(sessionUserOf(w.family), w.grant.id)!, 'ru');
    expect(page.reports[0]?.photoIds).toEqual([photos[0]!.id]);
  });

  test('staff read reports unread first and mark them read; the home count follows', async () => {
    const w = await world();
    const family = sessionUserOf(w.family);
    const context = reportGrantFor(family, w.grant.id)!;
    const before = unreadReportQuestions();
    const send = (question: string | null) => {
      const r = sendFamilyReport(
        req(),
        family,
        context,
        { businessStatus: 'paused', monthlyRevenue: 5_000_00, question },
        null,
      );
      if (!r.ok) throw new Error(r.error);
      return r.reportId;
    };
    const asked = send('Когда придут на визит?');
    const plain = send(null);
    expect(unreadReportQuestions()).toBe(before + 1);
    const staff = sessionUserOf(w.staffA);
    expect(markReportRead(req(), staff, asked)).toEqual({ ok: true });
    expect(unreadReportQuestions()).toBe(before);
    // Reading it again writes nothing more.
    expect(markReportRead(req(), staff, asked)).toEqual({ ok: true });
    const reads = db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'family-report.read'))
      .all()
      .filter((a) => a.entityId === String(w.grant.id));
    expect(reads).toHaveLength(1);
    const inbox = reportInbox(
      { competitionId: w.competition.id, page: 1 },
      'ru',
      w.competition.timezone,
    );
    expect(inbox.reports.map((r) => r.id)).toEqual([plain, asked]);
    expect(inbox.reports[1]).toMatchObject({
      question: 'Когда придут на визит?',
      businessStatus: 'paused',
      reference: w.reference,
    });
    expect(inbox.reports[1]?.readOn).not.toBeNull();
    expect(inbox.reports[0]?.readOn).toBeNull();
    expect(markReportRead(req(), staff, 999_999)).toEqual({ ok: false, error: 'not-found' });
  });
});

describe('the staff inbox', () => {
  test('pages in SQL, unread first, and keeps to the competition asked for', async () => {
    const w = await world();
    const other = await world();
    const family = sessionUserOf(w.family);
    const context = reportGrantFor(family, w.grant.id)!;
    const ids: number[] = [];
    for (let i = 0; i < INBOX_PAGE_SIZE + 3; i++) {
      const r = sendFamilyReport(
        req(),
        family,
        context,
        { businessStatus: 'operating', monthlyRevenue: i * 100, question: null },
        null,
      );
      if (!r.ok) throw new Error(r.error);
      ids.push(r.reportId);
    }
    const otherFamily = sessionUserOf(other.family);
    const elsewhere = sendFamilyReport(
      req(),
      otherFamily,
      reportGrantFor(otherFamily, other.grant.id)!,
      { businessStatus: 'closed', monthlyRevenue: null, question: null },
      null,
    );
    expect(elsewhere.ok).toBe(true);
    // The oldest is read: it goes last.
    expect(markReportRead(req(), sessionUserOf(w.staffA), ids[0]!).ok).toBe(true);
    const tz = w.competition.timezone;
    const first = reportInbox({ competitionId: w.competition.id, page: 1 }, 'en', tz);
    const second = reportInbox({ competitionId: w.competition.id, page: 2 }, 'en', tz);
    expect(first).toMatchObject({ total: INBOX_PAGE_SIZE + 3, pages: 2, page: 1 });
    expect(first.reports).toHaveLength(INBOX_PAGE_SIZE);
    expect(second.reports).toHaveLength(3);
    const order = [...first.reports, ...second.reports].map((r) => r.id);
    expect(order).toEqual([...ids.slice(1).reverse(), ids[0]]);
    expect(order).not.toContain(elsewhere.ok && elsewhere.reportId);
    // A page past the end shows the last one.
    expect(reportInbox({ competitionId: w.competition.id, page: 9 }, 'en', tz).page).toBe(2);
    const all = reportInbox({ competitionId: null, page: 1 }, 'en', tz);
    expect(all.total).toBeGreaterThanOrEqual(INBOX_PAGE_SIZE + 4);
  });
});

describe('her grant page', () => {
  test('shows the visits and her reports, never a safeguarding concern or a visit’s place', async () => {
    const w = await world();
    const [visit] = writeTransaction((tx) => [
      tx
        .insert(monitoringVisits)
        .values({
          grantId: w.grant.id,
          month: 3,
          dueOn: '2026-06-02',
          status: 'done',
          visitedOn: '2026-06-01',
          businessStatus: 'operating',
          notes: 'Заметки фасилитатора для сотрудников',
          latitude: '42.8746',
          longitude: '74.5698',
        })
        .returning()
        .get(),
      tx
        .insert(monitoringVisits)
        .values({ grantId: w.grant.id, month: 6, dueOn: '2026-09-02' })
        .returning()
        .get(),
    ]);
    writeTransaction((tx) =>
      tx
        .insert(safeguardingFlags)
        .values({
          grantId: w.grant.id,
          visitId: visit!.id,
          note: 'SAFEGUARDING-SECRET: свекровь угрожает',
          raisedById: w.facilitator.id,
        })
        .run(),
    );
    const family = sessionUserOf(w.family);
    const sent = sendFamilyReport(
      req(),
      family,
      reportGrantFor(family, w.grant.id)!,
      { businessStatus: 'operating', monthlyRevenue: 40_000_00, question: null },
      null,
    );
    expect(sent.ok).toBe(true);
    for (const reader of [w.family, w.facilitator]) {
      const page = familyGrantPage(grantFor(sessionUserOf(reader), w.grant.id)!, 'ru');
      expect(page.visits).toEqual([
        expect.objectContaining({ month: 3, done: true, businessStatus: 'operating' }),
        expect.objectContaining({ month: 6, done: false, businessStatus: null }),
      ]);
      expect(page.reports).toHaveLength(1);
      expect(page.reports[0]).toMatchObject({ businessStatus: 'operating', read: false });
      const everything = JSON.stringify(page);
      expect(everything).not.toContain('SAFEGUARDING-SECRET');
      expect(everything).not.toContain('угрожает');
      expect(everything).not.toContain('42.8746');
      expect(everything).not.toContain('74.5698');
      expect(everything).not.toContain('Заметки фасилитатора');
      expect(everything).not.toMatch(/safeguard|latitude|longitude/i);
    }
  });
});
