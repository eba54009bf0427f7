// Screening: staff decide eligible or not eligible, one application or many at once (all or
// nothing), with history, audit and one notice per family in her language — withheld when she
// asked to be reached only through her facilitator.
import { noticeSubject } from '../support/notice-subject';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { db } from '~db/client';
import { applicationStatusHistory } from '~db/schema/applications';
import { auditLog } from '~db/schema/audit';
import type { Competition } from '~db/schema/competitions';
import { mailOutbox } from '~db/schema/mail';
import type { Locale, User } from '~db/schema/people';
import { findApplication } from '~/models/application.server';
import type { ApplicationStatus } from '~/schemas/enums';
import { screenApplications } from '~/services/applications.server';
import type { SessionUser } from '~/utils/session.server';
import { browserRequest, createLocality, createUser } from '../support/factories';
import {
  createApplication,
  createCompetition,
  createHousehold,
} from '../support/programme-factories';
import { sessionUserOf } from '../support/session-user';

let staff: SessionUser;
let localityId: number;
let competition: Competition;

beforeAll(async () => {
  staff = sessionUserOf(await createUser({ roles: ['staff'], locale: 'ru' }));
  localityId = createLocality().id;
  competition = createCompetition({ localityIds: [localityId], titleEn: 'Life in Dignity' });
});

let referenceCounter = 0;

/** A family (with an account unless `account: false`) and her submitted application. */
async function familyWithApplication(
  options: {
    locale?: Locale;
    account?: boolean;
    onlyViaFacilitator?: boolean;
    status?: ApplicationStatus;
    inCompetition?: Competition;
  } = {},
) {
  const family: User | null =
    options.account === false
      ? null
      : await createUser({
          roles: ['applicant'],
          locale: options.locale ?? 'ky',
          contactOnlyViaFacilitator: options.onlyViaFacilitator ?? false,
        });
  const household = createHousehold({ localityId, user: family });
  referenceCounter += 1;
  const application = createApplication({
    competition: options.inCompetition ?? competition,
    ...household,
    enteredBy: family ?? staff.user,
    status: options.status ?? 'submitted',
    reference: `TS-2024-${String(referenceCounter).padStart(4, '0')}`,
  });
  return { family, application };
}

function mailsTo(user: User | null) {
  if (!user) return [];
  return db.select().from(mailOutbox).where(eq(mailOutbox.recipientUserId, user.id)).all();
}

function historyOf(applicationId: number) {
  return db
    .select()
    .from(applicationStatusHistory)
    .where(eq(applicationStatusHistory.applicationId, applicationId))
    .all();
}

function screeningAudit(applicationId: number) {
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, 'application.screened'),
        eq(auditLog.entityId, String(applicationId)),
      ),
    )
    .all();
}

describe('one application', () => {
  test('not eligible, with a reason: status, history, audit, and one e-mail in her language', async () => {
    const { family, application } = await familyWithApplication({ locale: 'ky' });
    const result = screenApplications(
      browserRequest(),
      staff,
      [application.id],
      'ineligible',
      '  Үй-бүлө Ивановкада жашабайт.  ',
    );
    expect(result).toEqual({
      ok: true,
      count: 1,
      outcomes: [{ applicationId: application.id, notice: 'email' }],
    });
    const saved = findApplication(application.id)!;
    expect(saved.status).toBe('ineligible');
    expect(saved.ineligibleReason).toBe('Үй-бүлө Ивановкада жашабайт.');
    expect(saved.screenedById).toBe(staff.user.id);
    const last = historyOf(application.id).at(-1)!;
    expect(last).toMatchObject({
      fromStatus: 'submitted',
      toStatus: 'ineligible',
      reason: 'Үй-бүлө Ивановкада жашабайт.',
      changedById: staff.user.id,
    });
    const audit = screeningAudit(application.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorUserId).toBe(staff.user.id);
    const mails = mailsTo(family);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.locale).toBe('ky');
    expect(mails[0]!.status).toBe('pending');
    expect(mails[0]!.template).toBe('screening-result');
    expect(mails[0]!.subject).toBe(noticeSubject('ky', application.reference!));
    expect(mails[0]!.text).toContain('Үй-бүлө Ивановкада жашабайт.');
  });

  test('an ineligible decision without a reason is refused before anything is written', async () => {
    const { family, application } = await familyWithApplication();
    expect(() =>
      screenApplications(browserRequest(), staff, [application.id], 'ineligible', '   '),
    ).toThrow(/reason/);
    expect(findApplication(application.id)!.status).toBe('submitted');
    expect(mailsTo(family)).toHaveLength(0);
    expect(screeningAudit(application.id)).toHaveLength(0);
  });

  test('deciding the same again sends nothing new; changing the decision does', async () => {
    const { family, application } = await familyWithApplication({ locale: 'ru' });
    screenApplications(browserRequest(), staff, [application.id], 'eligible', '');
    const again = screenApplications(browserRequest(), staff, [application.id], 'eligible', '');
    expect(again).toMatchObject({
      ok: true,
      outcomes: [{ applicationId: application.id, notice: 'unchanged' }],
    });
    expect(mailsTo(family)).toHaveLength(1);
    expect(screeningAudit(application.id)).toHaveLength(1);
    const changed = screenApplications(
      browserRequest(),
      staff,
      [application.id],
      'ineligible',
      'Запрошенная сумма больше бюджета.',
    );
    expect(changed.ok).toBe(true);
    expect(mailsTo(family)).toHaveLength(2);
    expect(mailsTo(family)[1]!.subject).toBe(noticeSubject('ru', application.reference!));
  });

  test('a family who chose "only through the facilitator" gets no e-mail; the notice is kept as withheld', async () => {
    const { family, application } = await familyWithApplication({ onlyViaFacilitator: true });
    const result = screenApplications(browserRequest(), staff, [application.id], 'eligible', '');
    expect(result).toMatchObject({
      ok: true,
      outcomes: [{ applicationId: application.id, notice: 'via-facilitator-only' }],
    });
    const mails = mailsTo(family);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ status: 'withheld', withheldReason: 'via-facilitator-only' });
  });

  test('a family without an account is told by her facilitator; no notice is queued', async () => {
    const { application } = await familyWithApplication({ account: false });
    const before = db.select().from(mailOutbox).all().length;
    const result = screenApplications(browserRequest(), staff, [application.id], 'eligible', '');
    expect(result).toMatchObject({
      ok: true,
      outcomes: [{ applicationId: application.id, notice: 'no-account' }],
    });
    expect(db.select().from(mailOutbox).all()).toHaveLength(before);
    expect(findApplication(application.id)!.status).toBe('eligible');
  });

  test('a draft, a withdrawn application, or a competition not open or in screening cannot be screened', async () => {
    const { application: draft } = await familyWithApplication({ status: 'draft' });
    const { application: withdrawn } = await familyWithApplication({ status: 'withdrawn' });
    const closed = createCompetition({ localityIds: [localityId], status: 'draft' });
    const { application: inDraftCompetition } = await familyWithApplication({
      inCompetition: closed,
    });
    for (const application of [draft, withdrawn, inDraftCompetition]) {
      expect(screenApplications(browserRequest(), staff, [application.id], 'eligible', '')).toEqual(
        {
          ok: false,
          refused: [{ applicationId: application.id, reason: 'not-screenable' }],
        },
      );
      expect(findApplication(application.id)!.status).toBe(application.status);
    }
  });

  test('only staff screen: an applicant, even the family herself, is refused as not found', async () => {
    const { family, application } = await familyWithApplication();
    const result = screenApplications(
      browserRequest(),
      sessionUserOf(family!),
      [application.id],
      'eligible',
      '',
    );
    expect(result).toEqual({
      ok: false,
      refused: [{ applicationId: application.id, reason: 'not-found' }],
    });
    expect(findApplication(application.id)!.status).toBe('submitted');
  });
});

describe('many at once', () => {
  test('two families, two languages: both eligible, one e-mail each in her own language', async () => {
    const a = await familyWithApplication({ locale: 'ky' });
    const b = await familyWithApplication({ locale: 'ru' });
    const result = screenApplications(
      browserRequest(),
      staff,
      [a.application.id, b.application.id, a.application.id],
      'eligible',
      '',
    );
    expect(result).toEqual({
      ok: true,
      count: 2,
      outcomes: [
        { applicationId: a.application.id, notice: 'email' },
        { applicationId: b.application.id, notice: 'email' },
      ],
    });
    for (const [{ family, application }, locale] of [
      [a, 'ky'],
      [b, 'ru'],
    ] as const) {
      expect(findApplication(application.id)!.status).toBe('eligible');
      const mails = mailsTo(family);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.locale).toBe(locale);
      expect(mails[0]!.subject).toBe(noticeSubject(locale, application.reference!));
      expect(screeningAudit(application.id)).toHaveLength(1);
    }
  });

  test('all or nothing: one that cannot be screened stops the whole batch', async () => {
    const a = await familyWithApplication();
    const b = await familyWithApplication();
    const withdrawn = await familyWithApplication({ status: 'withdrawn' });
    const historyBefore = [a, b].map(({ application }) => historyOf(application.id).length);
    const result = screenApplications(
      browserRequest(),
      staff,
      [a.application.id, withdrawn.application.id, b.application.id],
      'ineligible',
      'Не соответствует условиям.',
    );
    expect(result).toEqual({
      ok: false,
      refused: [{ applicationId: withdrawn.application.id, reason: 'not-screenable' }],
    });
    [a, b].forEach(({ family, application }, index) => {
      expect(findApplication(application.id)!.status).toBe('submitted');
      expect(historyOf(application.id)).toHaveLength(historyBefore[index]!);
      expect(screeningAudit(application.id)).toHaveLength(0);
      expect(mailsTo(family)).toHaveLength(0);
    });
  });

  test('an id that does not exist stops the batch too', async () => {
    const a = await familyWithApplication();
    const result = screenApplications(
      browserRequest(),
      staff,
      [a.application.id, 999_999],
      'eligible',
      '',
    );
    expect(result).toEqual({
      ok: false,
      refused: [{ applicationId: 999_999, reason: 'not-found' }],
    });
    expect(findApplication(a.application.id)!.status).toBe('submitted');
  });

  test('an empty batch is refused', () => {
    expect(screenApplications(browserRequest(), staff, [], 'eligible', '')).toEqual({
      ok: false,
      refused: [],
    });
  });
});
