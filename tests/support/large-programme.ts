// A national-scale programme (issue 9): N households with members, each with a submitted,
// eligible application in one competition; a blind round of J jurors × 3 per application × 6
// criteria, assigned by the app's own service, scored and closed; and a long audit log. Written
// through the app's models in batched transactions so 10,000 families take seconds. Used by the
// page benchmark (tests/bench/pages.ts) and by the tests that must hold at that size.
import { writeTransaction } from '~db/client';
import type { Competition } from '~db/schema/competitions';
import type { User } from '~db/schema/people';
import {
  insertApplication,
  insertStatusHistory,
  replaceBudgetItems,
} from '~/models/application.server';
import { appendAudit } from '~/models/audit.server';
import { insertHousehold, membersOf, replaceMembers } from '~/models/household.server';
import {
  assignmentsOfRound,
  criteriaOf,
  markConflictsDeclared,
  replaceScoreItems,
  upsertScoreRow,
} from '~/models/jury.server';
import { insertUser, replaceUserRoles } from '~/models/user.server';
import { SECTORS } from '~/schemas/enums';
import {
  assignRound,
  closeRound,
  createRound,
  openRound,
  setRoundJurors,
} from '~/services/jury.server';
import { browserRequest, createLocality, createUser, uniqueSuffix } from './factories';
import { roundInput } from './jury-factories';
import { createCompetition } from './programme-factories';
import { sessionUserOf } from './session-user';

export type LargeProgrammeOptions = {
  families?: number;
  jurors?: number;
  villages?: number;
  /** How far to take the round: its pool eligible only, assigned, or scored and closed. */
  stage?: 'eligible' | 'assigned' | 'closed';
  auditLines?: number;
  /** Told how long each step took (ms), for the benchmark's log. */
  onStep?: (step: string, ms: number) => void;
};

export type LargeProgramme = {
  competition: Competition;
  villageIds: number[];
  staff: User;
  jurors: User[];
  /** The first family (account id, household id, application id), for the family pages. */
  family: { userId: number; householdId: number; applicationId: number };
  roundId: number;
};

const BATCH = 500;
const SOM = 100;

/** A deterministic pseudo-random sequence, so every run builds the same programme. */
function sequence(seed: number) {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

function timed<T>(options: LargeProgrammeOptions, step: string, work: () => T): T {
  const start = performance.now();
  const result = work();
  options.onStep?.(step, performance.now() - start);
  return result;
}

export async function buildLargeProgramme(
  options: LargeProgrammeOptions = {},
): Promise<LargeProgramme> {
  const familyCount = options.families ?? 10_000;
  const jurorCount = options.jurors ?? 30;
  const stage = options.stage ?? 'closed';
  const suffix = uniqueSuffix();
  const villageIds = Array.from(
    { length: options.villages ?? 20 },
    (_, i) => createLocality(`scale-${suffix}-${i + 1}`).id,
  );
  const staff = await createUser({ roles: ['staff'], locale: 'ru', name: 'Scale Staff' });
  const jurors: User[] = [];
  for (let j = 0; j < jurorCount; j += 1)
    jurors.push(await createUser({ roles: ['juror'], locale: 'ru', name: `Scale Juror ${j + 1}` }));
  const competition = createCompetition({
    localityIds: villageIds,
    quotas: Object.fromEntries(villageIds.map((id) => [id, 25])),
    status: 'screening',
    budgetTotal: 500 * 100_000 * SOM,
    titleRu: 'Национальная программа',
    titleKy: 'Улуттук программа',
    titleEn: 'National programme',
    referencePrefix: 'NP',
  });
  // One password hash for all: hashing 10,000 passwords would take minutes and prove nothing.
  const passwordHash = staff.passwordHash;
  const random = sequence(42);

  let family: LargeProgramme['family'] | null = null;
  timed(options, `${familyCount} households, members, applications`, () => {
    for (let start = 0; start < familyCount; start += BATCH) {
      writeTransaction((tx) => {
        for (let i = start; i < Math.min(familyCount, start + BATCH); i += 1) {
          const localityId = villageIds[i % villageIds.length]!;
          const user = insertUser(tx, {
            name: `Семья ${i + 1}`,
            email: `family-${i + 1}-${suffix}@scale.example`,
            phone: null,
            locale: i % 3 === 0 ? 'ky' : i % 3 === 1 ? 'ru' : 'en',
            localityId,
            passwordHash,
            contactByEmail: true,
            contactOnlyViaFacilitator: false,
          });
          replaceUserRoles(tx, user.id, ['applicant'], null);
          const household = insertHousehold(tx, {
            localityId,
            address: `ул. Центральная ${i + 1}`,
            receivesSocialBenefits: true,
            benefitRegisterNumber: `SC-${suffix}-${i + 1}`,
            phone: null,
            userId: user.id,
            source: 'self',
            registeredById: user.id,
          });
          replaceMembers(tx, household.id, [
            {
              firstName: 'Бакыт',
              lastName: `Токтогулов${i}`,
              sex: 'male',
              birthYear: 1968,
              relation: 'head',
            },
            {
              firstName: 'Айнура',
              lastName: `Токтогулова${i}`,
              sex: 'female',
              birthYear: 1972,
              relation: 'spouse',
            },
            {
              firstName: 'Нуржан',
              lastName: `Токтогулов${i}`,
              sex: 'male',
              birthYear: 1995,
              relation: 'son',
            },
            {
              firstName: 'Айпери',
              lastName: `Токтогулова${i}`,
              sex: 'female',
              birthYear: 1998,
              relation: 'daughter-in-law',
            },
          ]);
          const kelin = membersOf(household.id, tx).find((m) => m.relation === 'daughter-in-law')!;
          const submittedAt = new Date(Date.UTC(2026, 0, 1) + i * 60_000);
          const items = [
            { name: 'Теплица 6×20 м', quantity: 1, unitPrice: 60_000 * SOM + (i % 50) * 100 * SOM },
            { name: 'Семена томатов', quantity: 10, unitPrice: 1_500 * SOM },
            { name: 'Капельный полив', quantity: 1, unitPrice: 15_000 * SOM },
          ];
          const total = items.reduce((sum, item) => sum + item.quantity * item.unitPrice, 0);
          const application = insertApplication(tx, {
            competitionId: competition.id,
            householdId: household.id,
            enteredById: user.id,
            status: 'eligible',
            reference: `NP-${suffix}-${String(i + 1).padStart(5, '0')}`,
            beneficiaryMemberId: kelin.id,
            title: `Идея ${i + 1}: теплица для томатов`,
            sector: SECTORS[i % SECTORS.length],
            description: 'Выращивать томаты в теплице и продавать на рынке.',
            market: 'Соседи и рынок в райцентре.',
            experience: 'Пять лет выращиваем овощи в огороде.',
            ownContribution: 10_000 * SOM,
            requestedAmount: total - 10_000 * SOM,
            expectedMonthlyRevenue: 25_000 * SOM,
            expectedMonthlyCosts: 8_000 * SOM,
            jobsCreated: 1 + (i % 3),
            submittedAt,
            submittedById: user.id,
            screenedAt: submittedAt,
            screenedById: staff.id,
          });
          replaceBudgetItems(tx, application.id, items);
          insertStatusHistory(tx, {
            applicationId: application.id,
            toStatus: 'draft',
            changedById: user.id,
          });
          insertStatusHistory(tx, {
            applicationId: application.id,
            fromStatus: 'draft',
            toStatus: 'eligible',
            changedById: staff.id,
          });
          family ??= { userId: user.id, householdId: household.id, applicationId: application.id };
        }
      });
    }
  });

  const request = browserRequest();
  const staffUser = sessionUserOf(staff);
  const created = createRound(
    request,
    staffUser,
    competition.id,
    roundInput({
      nameKy: '1-тур',
      nameRu: 'Тур 1',
      nameEn: 'Round 1',
      jurorsPerApplication: 3,
      isBlind: true,
      excludeOwnLocality: false,
      criteria: Array.from({ length: 6 }, (_, c) => ({
        titleKy: `Критерий ${c + 1}`,
        titleRu: `Критерий ${c + 1}`,
        titleEn: `Criterion ${c + 1}`,
        descriptionKy: '',
        descriptionRu: '',
        descriptionEn: '',
        maxPoints: 10,
        weight: 1 + (c % 3),
      })),
    }),
  );
  if (!created.ok) throw new Error(`round not created: ${JSON.stringify(created.error)}`);
  const roundId = created.roundId;
  const set = setRoundJurors(
    request,
    staffUser,
    roundId,
    jurors.map((j) => j.id),
  );
  if (!set.ok) throw new Error(`jurors not set: ${set.error}`);
  // Every juror declares she knows none of the families.
  writeTransaction((tx) => {
    for (const juror of jurors) markConflictsDeclared(tx, roundId, juror.id, new Date());
  });
  const result = { competition, villageIds, staff, jurors, family: family!, roundId };
  if (stage === 'eligible') return result;

  const assigned = timed(options, `assign ${familyCount} × 3 jurors (assignRound)`, () =>
    assignRound(request, staffUser, roundId),
  );
  if (!assigned.ok) throw new Error(`not assigned: ${JSON.stringify(assigned.refusal)}`);
  if (stage === 'assigned') return result;

  const opened = openRound(request, staffUser, roundId);
  if (!opened.ok) throw new Error(`not opened: ${opened.error}`);
  const criteria = criteriaOf(roundId).map((c) => c.id);
  const active = assignmentsOfRound(roundId).filter((a) => a.status === 'active');
  timed(options, `${active.length} scores × ${criteria.length} criteria`, () => {
    for (let start = 0; start < active.length; start += BATCH) {
      writeTransaction((tx) => {
        for (const assignment of active.slice(start, start + BATCH)) {
          const score = upsertScoreRow(tx, assignment.id, {
            status: 'submitted',
            submittedAt: new Date(),
            overallComment: assignment.id % 4 === 0 ? 'Хорошая идея, реалистичный бюджет.' : '',
          });
          replaceScoreItems(
            tx,
            score.id,
            criteria.map((criterionId, c) => ({
              criterionId,
              points: Math.floor(random() * 11),
              comment: c === 0 && assignment.id % 3 === 0 ? 'Рынок понятен.' : '',
            })),
          );
        }
      });
    }
  });
  timed(options, 'close the round (stores its ranking)', () => {
    const closed = closeRound(request, staffUser, roundId);
    if (!closed.ok) throw new Error(`not closed: ${closed.error}`);
  });

  const lines = options.auditLines ?? 0;
  if (lines > 0) {
    timed(options, `${lines} audit lines`, () => {
      for (let start = 0; start < lines; start += 5_000) {
        writeTransaction((tx) => {
          for (let n = start; n < Math.min(lines, start + 5_000); n += 1) {
            appendAudit(tx, {
              actorUserId: staff.id,
              action: 'application.draft-saved',
              entityType: 'application',
              entityId: (n % familyCount) + 1,
              ipAddress: '127.0.0.1',
            });
          }
        });
      }
    });
  }
  return result;
}
