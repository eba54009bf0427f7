// The competitions service: create and update (times typed on the competition's wall clock),
// the currency locked once families applied, and the status changes with their refusals.
// Runs in UTC and in Asia/Bishkek (a *.tz.test.ts): the stored instants must not move.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { db } from '~db/client';
import { auditLog } from '~db/schema/audit';
import { competitionLocalityRows, findCompetition } from '~/models/competition.server';
import { competitionSchema, parseQuotas } from '~/schemas/competition';
import {
  changeCompetitionStatus,
  createCompetition,
  updateCompetition,
  type CompetitionInput,
} from '~/services/competitions.server';
import type { SessionUser } from '~/utils/session.server';
import { browserRequest, createLocality, createUser } from '../support/factories';
import {
  createApplication,
  createCompetition as createCompetitionRow,
  createHousehold,
} from '../support/programme-factories';
import { sessionUserOf } from '../support/session-user';

let staff: SessionUser;
let ivanovka: number;
let osh: number;

beforeAll(async () => {
  staff = sessionUserOf(await createUser({ roles: ['staff'] }));
  ivanovka = createLocality().id;
  osh = createLocality().id;
});

let prefixes = 0;
/** A reference prefix no other competition of this file uses ("AA", "AB", …). */
function freshPrefix(): string {
  const n = prefixes++;
  return `Q${String.fromCharCode(65 + Math.floor(n / 26))}${String.fromCharCode(65 + (n % 26))}`;
}

/** The form as staff would post it, through the real schema and quota parser. */
function formInput(overrides: Record<string, unknown> = {}): CompetitionInput {
  const values = {
    titleRu: 'Татыктуу Жашоо 2024',
    titleKy: '',
    titleEn: '',
    descriptionRu: 'Малые гранты для семей',
    referencePrefix: freshPrefix(),
    currency: 'KGS',
    budgetTotal: '3 000 000',
    minGrant: '50 000',
    maxGrant: '150 000,50',
    timezone: 'Asia/Bishkek',
    opensAt: '2024-01-01T09:00',
    closesAt: '2099-01-31T18:00',
    requireSocialBenefits: 'on',
    requiredTrainingSessions: '0',
    requiredConsultations: '0',
    maxOpenBookings: '2',
    bookingCancelNoticeHours: '24',
    bookingMoveNoticeHours: '24',
    beneficiaryRelations: ['daughter-in-law', 'spouse'],
    beneficiarySex: 'female',
    beneficiaryAdultOnly: 'on',
    localityIds: [String(ivanovka), String(osh)],
    [`quota_${ivanovka}`]: '15',
    [`quota_${osh}`]: '',
    ...overrides,
  };
  const data = competitionSchema.parse(values);
  const { quotas, errors } = parseQuotas(values, data.localityIds);
  expect(errors).toEqual({});
  return { ...data, quotas };
}

function auditActions(competitionId: number): string[] {
  return db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(
      and(eq(auditLog.entityType, 'competition'), eq(auditLog.entityId, String(competitionId))),
    )
    .all()
    .map((row) => row.action);
}

describe('creating and editing a competition', () => {
  test('a Kazakhstan competition: titles in Kazakh and Uzbek, Kazakh as its default language', () => {
    const result = createCompetition(
      browserRequest(),
      staff,
      formInput({
        titleRu: '',
        titleKk: 'Мөлдір: шағын гранттар',
        titleUz: 'Ишонч: кичик грантлар',
        descriptionKk: 'Отбасылық кәсіпке',
        defaultLocale: 'kk',
        currency: 'KZT',
        timezone: 'Asia/Almaty',
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const saved = findCompetition(result.competitionId)!;
    expect([saved.titleKk, saved.titleUz, saved.descriptionKk, saved.defaultLocale]).toEqual([
      'Мөлдір: шағын гранттар',
      'Ишонч: кичик грантлар',
      'Отбасылық кәсіпке',
      'kk',
    ]);
    // A title in Kazakh alone is enough; "no special language" clears the default.
    expect(
      competitionSchema.safeParse({ titleKk: 'Мөлдір' }).error?.issues.map((i) => i.path[0]),
    ).not.toContain('titleKy');
    const cleared = updateCompetition(
      browserRequest(),
      staff,
      result.competitionId,
      formInput({ titleKk: 'Мөлдір', defaultLocale: '', referencePrefix: saved.referencePrefix }),
    );
    expect(cleared.ok).toBe(true);
    expect(findCompetition(result.competitionId)!.defaultLocale).toBeNull();
  });

  test('times typed on the Bishkek clock are stored as UTC instants; money in tyiyn; quotas kept', () => {
    const result = createCompetition(browserRequest(), staff, formInput({ referencePrefix: 'tj' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const saved = findCompetition(result.competitionId)!;
    expect(saved.status).toBe('draft');
    expect(saved.opensAt.toISOString()).toBe('2024-01-01T03:00:00.000Z');
    expect(saved.closesAt.toISOString()).toBe('2099-01-31T12:00:00.000Z');
    expect(saved.referencePrefix).toBe('TJ');
    expect(saved.budgetTotal).toBe(3_000_000_00);
    expect(saved.maxGrant).toBe(150_000_50);
    expect(saved.titleKy).toBeNull();
    expect(
      competitionLocalityRows(result.competitionId).map((l) => [l.localityId, l.quota]),
    ).toEqual(
      expect.arrayContaining([
        [ivanovka, 15],
        [osh, null],
      ]),
    );
    expect(auditActions(result.competitionId)).toEqual(['competition.created']);
  });

  test('changing the time zone re-reads the same wall-clock times in the new zone', () => {
    const created = createCompetition(browserRequest(), staff, formInput());
    if (!created.ok) throw new Error('not created');
    const result = updateCompetition(
      browserRequest(),
      staff,
      created.competitionId,
      formInput({ timezone: 'Asia/Almaty', closesAt: '2099-01-31T18:00' }),
    );
    expect(result).toEqual({ ok: true });
    const saved = findCompetition(created.competitionId)!;
    expect(saved.timezone).toBe('Asia/Almaty');
    // Almaty is on UTC+5 since March 2024.
    expect(saved.closesAt.toISOString()).toBe('2099-01-31T13:00:00.000Z');
    expect(auditActions(created.competitionId)).toEqual([
      'competition.created',
      'competition.updated',
    ]);
  });

  test('an unknown time zone is refused on the field', () => {
    const result = createCompetition(
      browserRequest(),
      staff,
      formInput({ timezone: 'Asia/Nowhere' }),
    );
    expect(result).toEqual({ ok: false, field: 'timezone', error: 'validation.timezone' });
  });

  test('the currency is locked once a family has applied; other changes still save', () => {
    const created = createCompetition(browserRequest(), staff, formInput());
    if (!created.ok) throw new Error('not created');
    const competition = findCompetition(created.competitionId)!;
    const family = createHousehold({ localityId: ivanovka });
    createApplication({ competition, ...family, enteredBy: staff.user, status: 'submitted' });
    expect(
      updateCompetition(browserRequest(), staff, competition.id, formInput({ currency: 'KZT' })),
    ).toEqual({ ok: false, field: 'currency', error: 'competition.currencyLocked' });
    expect(findCompetition(competition.id)!.currency).toBe('KGS');
    expect(
      updateCompetition(
        browserRequest(),
        staff,
        competition.id,
        formInput({ maxGrant: '120 000' }),
      ),
    ).toEqual({ ok: true });
    expect(findCompetition(competition.id)!.maxGrant).toBe(120_000_00);
  });

  test('without applications the currency may change', () => {
    const created = createCompetition(browserRequest(), staff, formInput());
    if (!created.ok) throw new Error('not created');
    expect(
      updateCompetition(
        browserRequest(),
        staff,
        created.competitionId,
        formInput({ currency: 'KZT' }),
      ),
    ).toEqual({ ok: true });
    expect(findCompetition(created.competitionId)!.currency).toBe('KZT');
  });
});

describe('status changes', () => {
  test('draft → open → screening → open → draft, each audited', () => {
    const created = createCompetition(browserRequest(), staff, formInput());
    if (!created.ok) throw new Error('not created');
    const id = created.competitionId;
    const change = (to: 'draft' | 'open' | 'screening') =>
      changeCompetitionStatus(browserRequest(), staff, id, to);
    expect(change('open')).toEqual({ ok: true });
    expect(change('screening')).toEqual({ ok: true });
    expect(change('open')).toEqual({ ok: true });
    expect(change('draft')).toEqual({ ok: true });
    expect(findCompetition(id)!.status).toBe('draft');
    expect(auditActions(id).filter((a) => a === 'competition.status-changed')).toHaveLength(4);
  });

  test('a change the lifecycle does not allow is refused', () => {
    const created = createCompetition(browserRequest(), staff, formInput());
    if (!created.ok) throw new Error('not created');
    expect(
      changeCompetitionStatus(browserRequest(), staff, created.competitionId, 'screening'),
    ).toEqual({ ok: false, error: 'not-allowed' });
    expect(
      changeCompetitionStatus(browserRequest(), staff, created.competitionId, 'judging'),
    ).toEqual({ ok: false, error: 'not-allowed' });
    expect(findCompetition(created.competitionId)!.status).toBe('draft');
  });

  test('not ready to open: no locality, no title, or a deadline already past', () => {
    const noLocality = createCompetitionRow({ status: 'draft', localityIds: [] });
    expect(changeCompetitionStatus(browserRequest(), staff, noLocality.id, 'open')).toEqual({
      ok: false,
      error: 'not-ready',
    });
    const noTitle = createCompetitionRow({
      status: 'draft',
      titleKy: null,
      titleRu: null,
      titleEn: null,
    });
    expect(changeCompetitionStatus(browserRequest(), staff, noTitle.id, 'open')).toEqual({
      ok: false,
      error: 'not-ready',
    });
    const past = createCompetitionRow({
      status: 'draft',
      opensAt: new Date('2024-01-01T03:00:00Z'),
      closesAt: new Date('2024-01-31T12:00:00Z'),
    });
    // One minute before the deadline it may open; at the deadline it may not.
    expect(
      changeCompetitionStatus(
        browserRequest(),
        staff,
        past.id,
        'open',
        new Date('2024-01-31T12:00:00Z'),
      ),
    ).toEqual({ ok: false, error: 'not-ready' });
    expect(
      changeCompetitionStatus(
        browserRequest(),
        staff,
        past.id,
        'open',
        new Date('2024-01-31T11:59:00Z'),
      ),
    ).toEqual({ ok: true });
  });

  test('back to draft is refused once a family has applied', () => {
    const competition = createCompetitionRow({ status: 'open', localityIds: [ivanovka] });
    const family = createHousehold({ localityId: ivanovka });
    createApplication({ competition, ...family, enteredBy: staff.user, status: 'draft' });
    expect(changeCompetitionStatus(browserRequest(), staff, competition.id, 'draft')).toEqual({
      ok: false,
      error: 'has-applications',
    });
    expect(findCompetition(competition.id)!.status).toBe('open');
    expect(auditActions(competition.id)).toEqual([]);
  });
});

describe('reference prefixes', () => {
  test('two competitions opening the same year cannot share a prefix; another year can', () => {
    const first = createCompetition(browserRequest(), staff, formInput({ referencePrefix: 'ZZ' }));
    expect(first.ok).toBe(true);
    expect(
      createCompetition(browserRequest(), staff, formInput({ referencePrefix: 'zz' })),
    ).toEqual({
      ok: false,
      field: 'referencePrefix',
      error: 'competition.prefixTaken',
    });
    const nextYear = createCompetition(
      browserRequest(),
      staff,
      formInput({ referencePrefix: 'ZZ', opensAt: '2025-01-01T09:00' }),
    );
    expect(nextYear.ok).toBe(true);
    if (!first.ok || !nextYear.ok) return;
    // Editing a competition keeps its own prefix; moving the other into the same year is refused.
    expect(
      updateCompetition(
        browserRequest(),
        staff,
        first.competitionId,
        formInput({ referencePrefix: 'ZZ' }),
      ),
    ).toEqual({
      ok: true,
    });
    expect(
      updateCompetition(
        browserRequest(),
        staff,
        nextYear.competitionId,
        formInput({ referencePrefix: 'ZZ' }),
      ),
    ).toEqual({ ok: false, field: 'referencePrefix', error: 'competition.prefixTaken' });
  });
});
