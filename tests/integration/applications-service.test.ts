// The family-facing use cases of an application, on a real SQLite file and real files on disk:
// starting (also on a family's behalf), saving steps, submitting, withdrawing, attachments.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { db, writeTransaction } from '~db/client';
import {
  applicationAttachments,
  applicationBudgetItems,
  applications,
  applicationStatusHistory,
} from '~db/schema/applications';
import { auditLog } from '~db/schema/audit';
import type { Competition } from '~db/schema/competitions';
import { mailOutbox } from '~db/schema/mail';
import type { Role, User } from '~db/schema/people';
import { formatMoney } from '~/i18n/format';
import { insertApplication, updateApplicationRow } from '~/models/application.server';
import { budgetStepSchema } from '~/schemas/application';
import {
  addAttachment,
  attachmentForDownload,
  removeAttachment,
  saveDraftStep,
  startApplication,
  submitApplication,
  withdrawApplication,
} from '~/services/applications.server';
import { MAX_ATTACHMENT_BYTES } from '~/services/attachment-storage.server';
import { zonedLocalToUtc } from '~/utils/timezone';
import type { SessionUser } from '~/utils/session.server';
import { browserRequest, createLocality, createUser, uniqueSuffix } from '../support/factories';
import {
  DEFAULT_MEMBERS,
  createApplication,
  createCompetition,
  createHousehold,
} from '../support/programme-factories';

// Uploaded files go to a folder of this test file's own.
const uploads = vi.hoisted(() => {
  const dir = `test-results/vitest-uploads/${Date.now()}-${Math.random().toString(36).slice(2)}`;
  process.env.UPLOADS_PATH = dir;
  return dir;
});

afterAll(() => fs.rmSync(uploads, { recursive: true, force: true }));

const DAY = 24 * 60 * 60_000;

function as(user: User, roles: Role[] = ['applicant']): SessionUser {
  return { user, roles, sessionId: crypto.randomUUID() };
}

function prefix(): string {
  return uniqueSuffix()
    .slice(0, 4)
    .replace(/[0-9a-f]/g, (c) => String.fromCharCode(65 + parseInt(c, 16)));
}

/** A family (account + household) in a fresh village, and a competition open there. */
async function familyAndCompetition(
  options: {
    competition?: Partial<Omit<Competition, 'id'>>;
    user?: Parameters<typeof createUser>[0];
    members?: typeof DEFAULT_MEMBERS;
  } = {},
) {
  const locality = createLocality();
  const user = await createUser({ locale: 'ky', localityId: locality.id, ...options.user });
  const { household, members } = createHousehold({
    localityId: locality.id,
    user,
    members: options.members,
  });
  const competition = createCompetition({
    localityIds: [locality.id],
    referencePrefix: prefix(),
    ...options.competition,
  });
  return { locality, user, household, members, competition, actor: as(user) };
}

function applicationRow(id: number) {
  return db.select().from(applications).where(eq(applications.id, id)).get()!;
}

function auditActions(applicationId: number): string[] {
  return db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(
      and(eq(auditLog.entityType, 'application'), eq(auditLog.entityId, String(applicationId))),
    )
    .orderBy(asc(auditLog.id))
    .all()
    .map((row) => row.action);
}

function mailTo(userId: number) {
  return db.select().from(mailOutbox).where(eq(mailOutbox.recipientUserId, userId)).all();
}

// Files as their first bytes say they are, whatever their name.
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
// A whole 1×1 PNG: stored images are rewritten without metadata, so a stub would be cut short.
const PNG = new Uint8Array(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  ),
);
const PDF = new TextEncoder().encode('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');

describe('startApplication', () => {
  test('a family starts her own application once, however often she presses Apply', async () => {
    const { household, competition, actor, user } = await familyAndCompetition();
    const first = startApplication(browserRequest(), actor, competition.id, household.id);
    const second = startApplication(browserRequest(), actor, competition.id, household.id);
    expect(first).toMatchObject({ ok: true, created: true });
    expect(second).toEqual({
      ok: true,
      applicationId: (first as { applicationId: number }).applicationId,
      created: false,
    });
    const rows = db
      .select()
      .from(applications)
      .where(eq(applications.householdId, household.id))
      .all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'draft', enteredById: user.id, consentId: null });
    expect(auditActions(rows[0]!.id)).toEqual(['application.started']);
  });

  test('the database itself allows one application per household and competition', async () => {
    const { household, competition, user } = await familyAndCompetition();
    const insert = () =>
      writeTransaction((tx) =>
        insertApplication(tx, {
          competitionId: competition.id,
          householdId: household.id,
          enteredById: user.id,
        }),
      );
    insert();
    expect(insert).toThrow(/UNIQUE/);
  });

  test("a family cannot apply for another family's household", async () => {
    const { competition } = await familyAndCompetition();
    const other = await familyAndCompetition();
    expect(
      startApplication(browserRequest(), other.actor, competition.id, other.household.id),
    ).toMatchObject({ ok: true });
    const { household } = await familyAndCompetition();
    expect(startApplication(browserRequest(), other.actor, competition.id, household.id)).toEqual({
      ok: false,
      error: 'no-household',
    });
  });

  test('a facilitator applies for a family of her village only with its consent on record', async () => {
    const locality = createLocality();
    const facilitator = await createUser({ roles: ['facilitator'], worksIn: [locality.id] });
    const competition = createCompetition({
      localityIds: [locality.id],
      referencePrefix: prefix(),
    });
    const withoutConsent = createHousehold({ localityId: locality.id, registeredBy: facilitator });
    const withConsent = createHousehold({
      localityId: locality.id,
      registeredBy: facilitator,
      consentBy: facilitator,
    });
    const elsewhere = createHousehold({ localityId: createLocality().id, consentBy: facilitator });
    const actor = as(facilitator, ['facilitator']);

    expect(
      startApplication(browserRequest(), actor, competition.id, withoutConsent.household.id),
    ).toEqual({ ok: false, error: 'no-consent' });
    expect(
      startApplication(browserRequest(), actor, competition.id, elsewhere.household.id),
    ).toEqual({ ok: false, error: 'no-household' });
    const started = startApplication(
      browserRequest(),
      actor,
      competition.id,
      withConsent.household.id,
    );
    expect(started).toMatchObject({ ok: true, created: true });
    const row = applicationRow((started as { applicationId: number }).applicationId);
    expect(row.enteredById).toBe(facilitator.id);
    expect(row.consentId).not.toBeNull();
    expect(auditActions(row.id)).toEqual(['application.started-on-behalf']);
  });

  test('nobody starts an application after the deadline or to a competition that is not open', async () => {
    const late = await familyAndCompetition({
      competition: {
        opensAt: new Date(Date.now() - 10 * DAY),
        closesAt: new Date(Date.now() - 1000),
      },
    });
    expect(
      startApplication(browserRequest(), late.actor, late.competition.id, late.household.id),
    ).toEqual({ ok: false, error: 'deadline-passed' });
    const screening = await familyAndCompetition({ competition: { status: 'screening' } });
    expect(
      startApplication(
        browserRequest(),
        screening.actor,
        screening.competition.id,
        screening.household.id,
      ),
    ).toEqual({ ok: false, error: 'competition-not-open' });
  });
});

describe('saveDraftStep', () => {
  test('the budget is kept in minor units and the request is the total less the own contribution', async () => {
    const { household, competition, actor } = await familyAndCompetition();
    const { applicationId } = startApplication(
      browserRequest(),
      actor,
      competition.id,
      household.id,
    ) as { applicationId: number };
    const input = budgetStepSchema.parse({
      items: [
        { name: 'Теплица', quantity: '1', unitPrice: '60 000,50' },
        { name: '', quantity: '', unitPrice: '' },
        { name: 'Үрөн', quantity: '12', unitPrice: '1250.25' },
      ],
      ownContribution: '5 000',
    });
    expect(
      saveDraftStep(browserRequest(), actor, applicationId, { step: 'budget', ...input }),
    ).toEqual({ ok: true });
    const items = db
      .select()
      .from(applicationBudgetItems)
      .where(eq(applicationBudgetItems.applicationId, applicationId))
      .orderBy(asc(applicationBudgetItems.position))
      .all();
    // The empty row is not kept; money is integer tyiyn: 60 000,50 → 6 000 050.
    expect(items.map((i) => [i.name, i.quantity, i.unitPrice])).toEqual([
      ['Теплица', 1, 6_000_050],
      ['Үрөн', 12, 125_025],
    ]);
    // 6 000 050 + 12 × 125 025 − 500 000 = 7 000 350
    expect(applicationRow(applicationId)).toMatchObject({
      ownContribution: 500_000,
      requestedAmount: 7_000_350,
    });

    // An own contribution larger than the budget asks for nothing, never a negative amount.
    saveDraftStep(browserRequest(), actor, applicationId, {
      step: 'budget',
      items: [{ name: 'Ун', quantity: 1, unitPrice: 100_00 }],
      ownContribution: 200_00,
    });
    expect(applicationRow(applicationId).requestedAmount).toBe(0);
  });

  test('the beneficiary must be a member of her own household', async () => {
    const { household, members, competition, actor } = await familyAndCompetition();
    const other = await familyAndCompetition();
    const { applicationId } = startApplication(
      browserRequest(),
      actor,
      competition.id,
      household.id,
    ) as { applicationId: number };
    expect(
      saveDraftStep(browserRequest(), actor, applicationId, {
        step: 'beneficiary',
        beneficiaryMemberId: other.members[3]!.id,
      }),
    ).toEqual({ ok: false, error: 'beneficiary-not-member' });
    expect(applicationRow(applicationId).beneficiaryMemberId).toBeNull();
    expect(
      saveDraftStep(browserRequest(), actor, applicationId, {
        step: 'beneficiary',
        beneficiaryMemberId: members[3]!.id,
      }),
    ).toEqual({ ok: true });
    expect(applicationRow(applicationId).beneficiaryMemberId).toBe(members[3]!.id);
    // Another family cannot save into it, and a sent application cannot change.
    expect(
      saveDraftStep(browserRequest(), other.actor, applicationId, {
        step: 'beneficiary',
        beneficiaryMemberId: null,
      }),
    ).toEqual({ ok: false, error: 'not-found' });
    writeTransaction((tx) => updateApplicationRow(tx, applicationId, { status: 'submitted' }));
    expect(
      saveDraftStep(browserRequest(), actor, applicationId, {
        step: 'beneficiary',
        beneficiaryMemberId: null,
      }),
    ).toEqual({ ok: false, error: 'not-draft' });
  });
});

describe('submitApplication', () => {
  test('gives the next reference of the competition, writes history and audit, and e-mails the family in her language', async () => {
    const a = await familyAndCompetition({ user: { locale: 'ky' } });
    const draft = createApplication({ ...a, enteredBy: a.user });
    const result = submitApplication(browserRequest(), a.actor, draft.id);
    const year = new Intl.DateTimeFormat('en', {
      timeZone: 'Asia/Bishkek',
      year: 'numeric',
    }).format(a.competition.opensAt);
    expect(result).toEqual({
      ok: true,
      reference: `${a.competition.referencePrefix}-${year}-0001`,
    });
    expect(applicationRow(draft.id)).toMatchObject({
      status: 'submitted',
      submittedById: a.user.id,
    });
    const history = db
      .select()
      .from(applicationStatusHistory)
      .where(eq(applicationStatusHistory.applicationId, draft.id))
      .orderBy(asc(applicationStatusHistory.id))
      .all();
    expect(history.map((h) => [h.fromStatus, h.toStatus])).toEqual([
      [null, 'draft'],
      ['draft', 'submitted'],
    ]);
    expect(auditActions(draft.id)).toContain('application.submitted');
    const [mail] = mailTo(a.user.id);
    expect(mail).toMatchObject({
      status: 'pending',
      locale: 'ky',
      template: 'application-submitted',
      subject: `Ишеним: жаңы билдирүү — ${(result as { reference: string }).reference}`,
    });
    expect(mail!.text).toContain(formatMoney(100_000_00, 'KGS', 'ky'));

    // A second family of the same village, same competition: the next number.
    const secondUser = await createUser({ localityId: a.locality.id });
    const { household, members } = createHousehold({ localityId: a.locality.id, user: secondUser });
    const second = createApplication({
      competition: a.competition,
      household,
      members,
      enteredBy: secondUser,
    });
    expect(submitApplication(browserRequest(), as(secondUser), second.id)).toEqual({
      ok: true,
      reference: `${a.competition.referencePrefix}-${year}-0002`,
    });
    // Already sent: not again.
    expect(submitApplication(browserRequest(), a.actor, draft.id)).toEqual({
      ok: false,
      refusal: { kind: 'not-draft' },
    });
  });

  test('the confirmation is queued only as her contact choice allows', async () => {
    const noEmail = await familyAndCompetition({ user: { contactByEmail: false } });
    submitApplication(
      browserRequest(),
      noEmail.actor,
      createApplication({ ...noEmail, enteredBy: noEmail.user }).id,
    );
    expect(mailTo(noEmail.user.id)).toMatchObject([
      { status: 'withheld', withheldReason: 'no-email-contact' },
    ]);
    const viaFacilitator = await familyAndCompetition({
      user: { contactOnlyViaFacilitator: true },
    });
    submitApplication(
      browserRequest(),
      viaFacilitator.actor,
      createApplication({ ...viaFacilitator, enteredBy: viaFacilitator.user }).id,
    );
    expect(mailTo(viaFacilitator.user.id)).toMatchObject([
      { status: 'withheld', withheldReason: 'via-facilitator-only' },
    ]);
  });

  test('the deadline is an instant on the competition clock: 18:00 in Bishkek is 12:00 UTC', async () => {
    const closesAt = zonedLocalToUtc('2024-03-01T18:00', 'Asia/Bishkek')!;
    expect(closesAt.toISOString()).toBe('2024-03-01T12:00:00.000Z');
    const f = await familyAndCompetition({
      competition: { opensAt: new Date('2024-02-01T00:00:00Z'), closesAt },
    });
    const draft = createApplication({ ...f, enteredBy: f.user });
    expect(
      submitApplication(browserRequest(), f.actor, draft.id, new Date('2024-03-01T12:00:00Z')),
    ).toEqual({ ok: false, refusal: { kind: 'window', reason: 'deadline-passed' } });
    expect(applicationRow(draft.id).status).toBe('draft');
    expect(
      submitApplication(browserRequest(), f.actor, draft.id, new Date('2024-03-01T11:59:59Z')),
    ).toMatchObject({ ok: true, reference: `${f.competition.referencePrefix}-2024-0001` });
  });

  test('refused when the competition is not open, even before its deadline', async () => {
    const f = await familyAndCompetition({ competition: { status: 'screening' } });
    const draft = createApplication({ ...f, enteredBy: f.user });
    expect(submitApplication(browserRequest(), f.actor, draft.id)).toEqual({
      ok: false,
      refusal: { kind: 'window', reason: 'competition-not-open' },
    });
  });

  test('refused when something is missing, with the list of what and where', async () => {
    const f = await familyAndCompetition();
    const { applicationId } = startApplication(
      browserRequest(),
      f.actor,
      f.competition.id,
      f.household.id,
    ) as { applicationId: number };
    saveDraftStep(browserRequest(), f.actor, applicationId, {
      step: 'idea',
      title: 'Тигүү',
      sector: 'sewing',
      description: '',
      market: '',
      experience: '',
    });
    const result = submitApplication(browserRequest(), f.actor, applicationId);
    expect(result).toEqual({
      ok: false,
      refusal: {
        kind: 'incomplete',
        missing: [
          { step: 'beneficiary', field: 'beneficiaryMemberId' },
          { step: 'idea', field: 'description' },
          { step: 'idea', field: 'market' },
          { step: 'budget', field: 'items' },
          { step: 'plan', field: 'expectedMonthlyRevenue' },
          { step: 'plan', field: 'expectedMonthlyCosts' },
          { step: 'plan', field: 'jobsCreated' },
        ],
      },
    });
  });

  test.each([
    {
      rule: 'relation',
      competition: { beneficiaryRelations: ['daughter-in-law' as const] },
      holder: 'spouse',
    },
    { rule: 'sex', competition: { beneficiaryRelations: ['head' as const] }, holder: 'head' },
    {
      rule: 'age',
      competition: { beneficiaryRelations: ['daughter' as const] },
      holder: 'daughter',
    },
  ])('refused when the beneficiary breaks the $rule rule', async ({ competition, holder }) => {
    const year = new Date().getUTCFullYear();
    const members = [
      ...DEFAULT_MEMBERS,
      {
        firstName: 'Айжан',
        lastName: 'Токтогулова',
        sex: 'female' as const,
        birthYear: year - 15,
        relation: 'daughter' as const,
      },
    ];
    const f = await familyAndCompetition({ competition, members });
    const draft = createApplication({ ...f, enteredBy: f.user });
    const chosen = f.members.find((m) => m.relation === holder)!;
    saveDraftStep(browserRequest(), f.actor, draft.id, {
      step: 'beneficiary',
      beneficiaryMemberId: chosen.id,
    });
    const result = submitApplication(browserRequest(), f.actor, draft.id);
    expect(result).toMatchObject({ ok: false, refusal: { kind: 'ineligible' } });
    const failed = (result as { refusal: { failed: { code: string }[] } }).refusal.failed;
    expect(failed.map((c) => c.code)).toEqual(['beneficiary']);
    expect(applicationRow(draft.id).status).toBe('draft');
  });

  test('refused when the amount asked is outside the grant range', async () => {
    const f = await familyAndCompetition({
      competition: { maxGrant: 50_000_00, minGrant: 10_000_00 },
    });
    // The default budget asks for 100 000 som.
    const draft = createApplication({ ...f, enteredBy: f.user });
    const result = submitApplication(browserRequest(), f.actor, draft.id);
    expect(result).toMatchObject({
      ok: false,
      refusal: {
        kind: 'ineligible',
        failed: [
          {
            code: 'amount',
            passed: false,
            details: { requested: 100_000_00, min: 10_000_00, max: 50_000_00 },
          },
        ],
      },
    });
  });

  test('refused when the household does not receive social benefits the competition requires', async () => {
    const locality = createLocality();
    const user = await createUser({ localityId: locality.id });
    const { household, members } = createHousehold({
      localityId: locality.id,
      user,
      receivesSocialBenefits: false,
    });
    const competition = createCompetition({
      localityIds: [locality.id],
      referencePrefix: prefix(),
    });
    const draft = createApplication({ competition, household, members, enteredBy: user });
    const result = submitApplication(browserRequest(), as(user), draft.id);
    expect(result).toMatchObject({ ok: false, refusal: { kind: 'ineligible' } });
    expect(
      (result as { refusal: { failed: { code: string }[] } }).refusal.failed.map((c) => c.code),
    ).toEqual(['social-benefits']);
  });
});

describe('withdrawApplication', () => {
  test('until the decision the family withdraws, with her reason in the history', async () => {
    const f = await familyAndCompetition();
    const submitted = createApplication({ ...f, enteredBy: f.user, status: 'submitted' });
    const other = await familyAndCompetition();
    expect(withdrawApplication(browserRequest(), other.actor, submitted.id, '')).toEqual({
      ok: false,
      error: 'not-found',
    });
    expect(
      withdrawApplication(browserRequest(), f.actor, submitted.id, 'Күйөөм ооруп калды'),
    ).toEqual({
      ok: true,
    });
    const row = applicationRow(submitted.id);
    expect(row.status).toBe('withdrawn');
    expect(row.withdrawnAt).toBeInstanceOf(Date);
    const last = db
      .select()
      .from(applicationStatusHistory)
      .where(eq(applicationStatusHistory.applicationId, submitted.id))
      .orderBy(asc(applicationStatusHistory.id))
      .all()
      .at(-1)!;
    expect(last).toMatchObject({
      fromStatus: 'submitted',
      toStatus: 'withdrawn',
      reason: 'Күйөөм ооруп калды',
    });
    expect(auditActions(submitted.id)).toContain('application.withdrawn');
    expect(withdrawApplication(browserRequest(), f.actor, submitted.id, '')).toEqual({
      ok: false,
      error: 'not-withdrawable',
    });

    const awarded = await familyAndCompetition();
    const decided = createApplication({ ...awarded, enteredBy: awarded.user, status: 'awarded' });
    expect(withdrawApplication(browserRequest(), awarded.actor, decided.id, '')).toEqual({
      ok: false,
      error: 'not-withdrawable',
    });
  });
});

describe('attachments', () => {
  async function draftOfFamily() {
    const f = await familyAndCompetition();
    return { ...f, draft: createApplication({ ...f, enteredBy: f.user }) };
  }

  function stored(applicationId: number) {
    return db
      .select()
      .from(applicationAttachments)
      .where(eq(applicationAttachments.applicationId, applicationId))
      .orderBy(asc(applicationAttachments.id))
      .all();
  }

  test('JPEG, PNG and PDF are recognised by their content, not their name', async () => {
    const { actor, draft } = await draftOfFamily();
    const add = (name: string, bytes: Uint8Array) =>
      addAttachment(browserRequest(), actor, draft.id, { name, bytes, kind: 'photo' });
    expect(add('photo.txt', JPEG)).toEqual({ ok: true });
    expect(add('теплица.png', PNG)).toEqual({ ok: true });
    expect(add('баалар.jpg', PDF)).toEqual({ ok: true });
    const rows = stored(draft.id);
    expect(rows.map((r) => [r.originalName, r.mimeType])).toEqual([
      ['photo.txt', 'image/jpeg'],
      ['теплица.png', 'image/png'],
      ['баалар.jpg', 'application/pdf'],
    ]);
    // Stored outside public/, under a random name, byte for byte.
    const file = path.resolve(uploads, rows[1]!.storageKey);
    expect(file.startsWith(path.resolve('public'))).toBe(false);
    expect(new Uint8Array(fs.readFileSync(file))).toEqual(PNG);
  });

  test('a .jpg that is really text, an empty file and a file over 5 MB are refused', async () => {
    const { actor, draft } = await draftOfFamily();
    const add = (name: string, bytes: Uint8Array) =>
      addAttachment(browserRequest(), actor, draft.id, { name, bytes, kind: 'photo' });
    expect(add('сүрөт.jpg', new TextEncoder().encode('hello, this is text'))).toEqual({
      ok: false,
      error: 'wrong-type',
    });
    expect(add('empty.png', new Uint8Array())).toEqual({ ok: false, error: 'empty' });
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(JPEG);
    expect(add('big.jpg', big)).toEqual({ ok: false, error: 'too-large' });
    const exactly = new Uint8Array(MAX_ATTACHMENT_BYTES);
    exactly.set(JPEG);
    expect(add('five-mb.jpg', exactly)).toEqual({ ok: true });
    expect(stored(draft.id)).toHaveLength(1);
  });

  test('the eleventh file is refused; removing one makes room and deletes its file', async () => {
    const { actor, draft } = await draftOfFamily();
    for (let i = 1; i <= 10; i += 1) {
      expect(
        addAttachment(browserRequest(), actor, draft.id, {
          name: `${i}.png`,
          bytes: PNG,
          kind: 'photo',
        }),
      ).toEqual({ ok: true });
    }
    expect(
      addAttachment(browserRequest(), actor, draft.id, {
        name: '11.png',
        bytes: PNG,
        kind: 'photo',
      }),
    ).toEqual({ ok: false, error: 'too-many' });
    const [first] = stored(draft.id);
    const file = path.resolve(uploads, first!.storageKey);
    expect(fs.existsSync(file)).toBe(true);
    expect(removeAttachment(browserRequest(), actor, draft.id, first!.id)).toEqual({ ok: true });
    expect(fs.existsSync(file)).toBe(false);
    expect(
      addAttachment(browserRequest(), actor, draft.id, {
        name: '11.png',
        bytes: PNG,
        kind: 'photo',
      }),
    ).toEqual({ ok: true });
  });

  test('files can no longer change once the application is sent', async () => {
    const { actor, draft } = await draftOfFamily();
    addAttachment(browserRequest(), actor, draft.id, { name: 'a.png', bytes: PNG, kind: 'photo' });
    writeTransaction((tx) => updateApplicationRow(tx, draft.id, { status: 'submitted' }));
    expect(
      addAttachment(browserRequest(), actor, draft.id, {
        name: 'b.png',
        bytes: PNG,
        kind: 'photo',
      }),
    ).toEqual({ ok: false, error: 'not-draft' });
    expect(removeAttachment(browserRequest(), actor, draft.id, stored(draft.id)[0]!.id)).toEqual({
      ok: false,
      error: 'not-draft',
    });
  });

  test('a download is for the family, her facilitator and staff only, checked each time', async () => {
    const { actor, draft, locality, user } = await draftOfFamily();
    addAttachment(browserRequest(), actor, draft.id, { name: 'a.png', bytes: PNG, kind: 'photo' });
    const attachmentId = stored(draft.id)[0]!.id;
    const facilitator = await createUser({ roles: ['facilitator'], worksIn: [locality.id] });
    const farAway = await createUser({ roles: ['facilitator'], worksIn: [createLocality().id] });
    const staff = await createUser({ roles: ['staff'] });
    const juror = await createUser({ roles: ['juror'] });
    const otherFamily = await draftOfFamily();

    const download = (who: SessionUser, applicationId = draft.id) =>
      attachmentForDownload(who, applicationId, attachmentId);
    expect(download(as(user))?.bytes).toEqual(Buffer.from(PNG));
    expect(download(as(facilitator, ['facilitator']))?.attachment.mimeType).toBe('image/png');
    expect(download(as(staff, ['staff']))).not.toBeNull();
    expect(download(otherFamily.actor)).toBeNull();
    expect(download(as(farAway, ['facilitator']))).toBeNull();
    expect(download(as(juror, ['juror']))).toBeNull();
    // Her own attachment asked for under another application's address is not found either.
    expect(download(otherFamily.actor, otherFamily.draft.id)).toBeNull();
    expect(download(as(user), otherFamily.draft.id)).toBeNull();
  });
});
