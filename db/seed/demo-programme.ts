// The demo's competitions and families: the pilot "Татыктуу Жашоо 2024" (applications closed in
// February 2024, judged and announced — demo-jury.ts, demo-decisions.ts) with its 30 households,
// this year's competition in Kant with 12 families (with the jury now), and this year's
// competition in Ivanovka and Osh, open for applications now. Idempotent: competitions are
// matched by their Russian title, households by register number, applications by (competition,
// household); a second run changes nothing.
import { and, eq } from 'drizzle-orm';
import { type Tx } from '../client';
import { applications } from '../schema/applications';
import { competitions, type Competition } from '../schema/competitions';
import { households, type Household } from '../schema/households';
import { localities, users } from '../schema/people';
import {
  insertApplication,
  insertStatusHistory,
  replaceBudgetItems,
  updateApplicationRow,
} from '../../app/models/application.server';
import { appendAudit } from '../../app/models/audit.server';
import {
  insertCompetition,
  replaceCompetitionLocalities,
} from '../../app/models/competition.server';
import {
  insertConsent,
  insertHousehold,
  latestConsent,
  membersOf,
  replaceMembers,
} from '../../app/models/household.server';
import { yearIn } from '../../app/services/eligibility.server';
import { zonedLocalToUtc } from '../../app/utils/timezone';
import {
  DEMO_CURRENT_APPLICATIONS,
  DEMO_HOUSEHOLDS,
  type DemoHousehold,
  type DemoIdea,
} from './demo-households';
import { DEMO_KANT_HOUSEHOLDS } from './demo-kant';
import { DEMO_REQUIRED_TRAINING_SESSIONS, seedTraining } from './demo-training';

const DAY = 24 * 60 * 60_000;
const SOM = 100;
const TIYN_PER_TENGE = 100;

export const PILOT_TITLE_RU = 'Татыктуу Жашоо 2024: малые гранты для семейного дела';

/**
 * As the real pilot: training in November 2023, applications in January 2024 (Bishkek time),
 * the jury in February, results announced in March (demo-jury.ts, demo-decisions.ts).
 */
const PILOT_OPENS = '2024-01-08T09:00';
const PILOT_CLOSES = '2024-01-31T18:00';
/** 500 000 som and at most four grants per locality: ten finalists, so some must wait. */
const PILOT_BUDGET = 500_000 * SOM;
const PILOT_QUOTA = 4;
const PILOT_TEXT = {
  ky: 'Ивановка айыл өкмөтүндөгү жана Ош шаарындагы социалдык жөлөкпул алган үй-бүлөлөр үчүн. Финансылык сабаттуулук боюнча окутуудан жана бизнес-кеңештен кийин үй-бүлөлөр өз бизнес-идеясы менен катышат. Грант келиндин атына берилет: анын үй-бүлөдөгү экономикалык ордун бекемдейт. Сынактын бюджети — 500 000 сом, ар бир айылга төрттөн ашык эмес грант.',
  ru: 'Для семей, получающих социальные пособия, в Ивановском айыл окмоту и в городе Ош. После обучения финансовой грамотности и бизнес-консультаций семьи участвуют со своей бизнес-идеей. Грант выдаётся на имя невестки — это укрепляет её экономическое положение в семье. Бюджет конкурса — 500 000 сом, не больше четырёх грантов на село.',
  en: 'For families receiving social benefits in Ivanovka and in the city of Osh. After financial-literacy training and business consultations, families compete with their own business idea. The grant is given in the name of the daughter-in-law, to strengthen her economic standing in the family. The budget of the competition is 500 000 som, with at most four grants per locality.',
};

/** A demo competition with its localities, and the audit line that says the demo made it. */
function insertDemoCompetition(
  tx: Tx,
  values: Parameters<typeof insertCompetition>[1],
  localities: { localityId: number; quota: number | null }[],
): Competition {
  const competition = insertCompetition(tx, values);
  replaceCompetitionLocalities(tx, competition.id, localities);
  appendAudit(tx, {
    actorUserId: null,
    action: 'demo.competition-created',
    entityType: 'competition',
    entityId: competition.id,
  });
  return competition;
}

function upsertPilot(tx: Tx, localityIds: Map<string, number>, createdById: number) {
  const existing = tx
    .select()
    .from(competitions)
    .where(eq(competitions.titleRu, PILOT_TITLE_RU))
    .get();
  if (existing) return existing;
  const opensAt = zonedLocalToUtc(PILOT_OPENS, 'Asia/Bishkek')!;
  const closesAt = zonedLocalToUtc(PILOT_CLOSES, 'Asia/Bishkek')!;
  return insertDemoCompetition(
    tx,
    {
      titleKy: 'Татыктуу Жашоо 2024: үй-бүлөлүк ишкердикке чакан гранттар',
      titleRu: PILOT_TITLE_RU,
      titleEn: 'Life in Dignity 2024: small grants for family businesses',
      descriptionKy: PILOT_TEXT.ky,
      descriptionRu: PILOT_TEXT.ru,
      descriptionEn: PILOT_TEXT.en,
      currency: 'KGS',
      budgetTotal: PILOT_BUDGET,
      minGrant: 50_000 * SOM,
      maxGrant: 100_000 * SOM,
      timezone: 'Asia/Bishkek',
      opensAt,
      closesAt,
      // Screened; the jury's rounds are seeded by demo-jury.ts.
      status: 'judging',
      requireSocialBenefits: true,
      requiredTrainingSessions: 0,
      // The pilot gives the grant in the name of the household's kelin.
      beneficiaryRelations: ['daughter-in-law'],
      beneficiarySex: 'female',
      beneficiaryAdultOnly: true,
      referencePrefix: 'TJ',
      createdById,
    },
    [
      { localityId: localityIds.get('ivanovka')!, quota: PILOT_QUOTA },
      { localityId: localityIds.get('osh')!, quota: PILOT_QUOTA },
    ],
  );
}

/**
 * A demo database from before the pilot was decided had a budget of 2.4 million and quotas of
 * 15: nothing to choose between with ten finalists. Until it is announced it takes the pilot's
 * present terms, so the decisions seeded next fit them.
 */
export function updatePilotTerms(tx: Tx, pilot: Competition, localityIds: Map<string, number>) {
  if (pilot.announcedAt || pilot.budgetTotal === PILOT_BUDGET) return pilot;
  const fresh = tx
    .update(competitions)
    .set({
      budgetTotal: PILOT_BUDGET,
      descriptionKy: PILOT_TEXT.ky,
      descriptionRu: PILOT_TEXT.ru,
      descriptionEn: PILOT_TEXT.en,
    })
    .where(eq(competitions.id, pilot.id))
    .returning()
    .get();
  replaceCompetitionLocalities(tx, pilot.id, [
    { localityId: localityIds.get('ivanovka')!, quota: PILOT_QUOTA },
    { localityId: localityIds.get('osh')!, quota: PILOT_QUOTA },
  ]);
  appendAudit(tx, {
    actorUserId: null,
    action: 'demo.competition-updated',
    entityType: 'competition',
    entityId: pilot.id,
    before: { budgetTotal: pilot.budgetTotal },
    after: { budgetTotal: PILOT_BUDGET, quota: PILOT_QUOTA },
  });
  return fresh;
}

function upsertHousehold(
  tx: Tx,
  demo: DemoHousehold,
  ids: {
    localityIds: Map<string, number>;
    accountIds: Map<string, number>;
    facilitatorIds: Map<string, number>;
  },
  now: Date,
) {
  const existing = tx
    .select()
    .from(households)
    .where(eq(households.benefitRegisterNumber, demo.registerNumber))
    .get();
  if (existing) return { household: existing, created: false };
  const facilitatorId = ids.facilitatorIds.get(demo.locality)!;
  const userId = demo.account ? (ids.accountIds.get(demo.account) ?? null) : null;
  const household = insertHousehold(tx, {
    localityId: ids.localityIds.get(demo.locality)!,
    address: demo.address,
    phone: demo.phone ?? null,
    receivesSocialBenefits: true,
    benefitRegisterNumber: demo.registerNumber,
    userId,
    source: userId ? 'self' : 'facilitator',
    registeredById: userId ?? facilitatorId,
  });
  replaceMembers(tx, household.id, demo.members);
  if (!userId) {
    const kelin = demo.members.find((m) => m.relation === 'daughter-in-law');
    insertConsent(tx, {
      householdId: household.id,
      recordedById: facilitatorId,
      givenBy: kelin ? `${kelin.firstName} ${kelin.lastName}` : demo.members[0]!.firstName,
      method: 'signed-paper',
      givenAt: new Date(now.getTime() - 30 * DAY),
    });
  }
  appendAudit(tx, {
    actorUserId: null,
    action: 'demo.household-created',
    entityType: 'household',
    entityId: household.id,
  });
  return { household, created: true };
}

type People = {
  staffId: number;
  facilitatorIds: Map<string, number>;
};

/**
 * One family's application to a competition as it stands after `idea.status`, with the history
 * that led there. For the pilot, "submitted" means submitted and then found eligible by staff.
 */
function seedApplication(
  tx: Tx,
  competition: Competition,
  household: Household,
  locality: DemoHousehold['locality'],
  idea: DemoIdea,
  people: People,
  startedAt: Date,
  reference: string | null,
) {
  const already = tx
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(
        eq(applications.competitionId, competition.id),
        eq(applications.householdId, household.id),
      ),
    )
    .get();
  if (already) return false;
  const facilitatorId = people.facilitatorIds.get(locality)!;
  const enteredById = idea.byFacilitator || !household.userId ? facilitatorId : household.userId;
  const kelin = membersOf(household.id, tx).find((m) => m.relation === 'daughter-in-law');
  const items = idea.items.map(([name, quantity, unitPrice]) => ({
    name,
    quantity,
    unitPrice: unitPrice * SOM,
  }));
  const total = items.reduce((sum, item) => sum + item.quantity * item.unitPrice, 0);
  const consentId =
    enteredById === facilitatorId ? (latestConsent(household.id, tx)?.id ?? null) : null;
  const application = insertApplication(tx, {
    competitionId: competition.id,
    householdId: household.id,
    enteredById,
    consentId,
    status: 'draft',
  });
  replaceBudgetItems(tx, application.id, items);
  insertStatusHistory(tx, {
    applicationId: application.id,
    toStatus: 'draft',
    changedById: enteredById,
    createdAt: startedAt,
  });
  const submitted = idea.status !== 'draft';
  const submittedAt = new Date(startedAt.getTime() + 2 * DAY);
  const screenedAt = new Date(submittedAt.getTime() + 4 * DAY);
  const screened = idea.status === 'eligible' || idea.status === 'ineligible';
  updateApplicationRow(tx, application.id, {
    beneficiaryMemberId: kelin?.id ?? null,
    title: idea.title,
    sector: idea.sector,
    description: idea.description,
    market: idea.market,
    experience: idea.experience,
    ownContribution: idea.ownContribution * SOM,
    requestedAmount: Math.max(0, total - idea.ownContribution * SOM),
    expectedMonthlyRevenue: idea.revenue ? idea.revenue * SOM : null,
    expectedMonthlyCosts: idea.costs ? idea.costs * SOM : null,
    jobsCreated: idea.status === 'draft' && !idea.revenue ? null : idea.jobs,
    status: idea.status,
    reference,
    submittedAt: submitted ? submittedAt : null,
    submittedById: submitted ? enteredById : null,
    withdrawnAt: idea.status === 'withdrawn' ? new Date(submittedAt.getTime() + 3 * DAY) : null,
    screenedById: screened ? people.staffId : null,
    screenedAt: screened ? screenedAt : null,
    ineligibleReason: idea.status === 'ineligible' ? (idea.reason ?? null) : null,
  });
  if (submitted) {
    insertStatusHistory(tx, {
      applicationId: application.id,
      fromStatus: 'draft',
      toStatus: 'submitted',
      changedById: enteredById,
      createdAt: submittedAt,
    });
  }
  if (screened) {
    insertStatusHistory(tx, {
      applicationId: application.id,
      fromStatus: 'submitted',
      toStatus: idea.status,
      changedById: people.staffId,
      reason: idea.reason ?? null,
      createdAt: screenedAt,
    });
  }
  if (idea.status === 'withdrawn') {
    insertStatusHistory(tx, {
      applicationId: application.id,
      fromStatus: 'submitted',
      toStatus: 'withdrawn',
      changedById: enteredById,
      reason: 'Семья решила подождать до следующего года.',
      createdAt: new Date(submittedAt.getTime() + 3 * DAY),
    });
  }
  appendAudit(tx, {
    actorUserId: null,
    action: 'demo.application-created',
    entityType: 'application',
    entityId: application.id,
    after: { status: idea.status, reference },
  });
  return true;
}

/**
 * A demo database from before training was recorded had this year's competition require none;
 * it now requires the sessions the seeded roll calls give (demo-training.ts).
 */
function requireTraining(tx: Tx, current: Competition) {
  if (current.requiredTrainingSessions === DEMO_REQUIRED_TRAINING_SESSIONS) return current;
  const fresh = tx
    .update(competitions)
    .set({ requiredTrainingSessions: DEMO_REQUIRED_TRAINING_SESSIONS })
    .where(eq(competitions.id, current.id))
    .returning()
    .get();
  appendAudit(tx, {
    actorUserId: null,
    action: 'demo.competition-updated',
    entityType: 'competition',
    entityId: current.id,
    before: { requiredTrainingSessions: current.requiredTrainingSessions },
    after: { requiredTrainingSessions: DEMO_REQUIRED_TRAINING_SESSIONS },
  });
  return fresh;
}

/** This year's competition, open now for 45 days: families apply, staff screen as they come. */
function upsertCurrent(tx: Tx, localityIds: Map<string, number>, createdById: number, now: Date) {
  const year = yearIn('Asia/Bishkek', now);
  const titleRu = `Татыктуу Жашоо ${year}: малые гранты для семейного дела`;
  const existing = tx.select().from(competitions).where(eq(competitions.titleRu, titleRu)).get();
  if (existing) return requireTraining(tx, existing);
  const closingDay = new Date(now.getTime() + 30 * DAY).toISOString().slice(0, 10);
  return insertDemoCompetition(
    tx,
    {
      titleKy: `Татыктуу Жашоо ${year}: үй-бүлөлүк ишкердикке чакан гранттар`,
      titleRu,
      titleEn: `Life in Dignity ${year}: small grants for family businesses`,
      descriptionKy:
        'Пилоттук долбоордон кийинки экинчи сынак: Ивановкадагы жана Оштогу социалдык жөлөкпул алган үй-бүлөлөр үчүн. Грант келиндин же үй-бүлө башчысынын жубайынын атына берилет.',
      descriptionRu:
        'Второй конкурс после пилота: для семей, получающих социальные пособия, в Ивановке и Оше. Грант выдаётся на имя невестки или супруги главы семьи.',
      descriptionEn:
        "The second competition after the pilot, for families receiving social benefits in Ivanovka and Osh. The grant is given in the name of the daughter-in-law or of the head of household's wife.",
      currency: 'KGS',
      budgetTotal: 1_500_000 * SOM,
      minGrant: 40_000 * SOM,
      maxGrant: 100_000 * SOM,
      timezone: 'Asia/Bishkek',
      opensAt: new Date(now.getTime() - 10 * DAY),
      closesAt: zonedLocalToUtc(`${closingDay}T18:00`, 'Asia/Bishkek')!,
      status: 'open',
      requireSocialBenefits: true,
      requiredTrainingSessions: DEMO_REQUIRED_TRAINING_SESSIONS,
      beneficiaryRelations: ['daughter-in-law', 'spouse'],
      beneficiarySex: 'female',
      beneficiaryAdultOnly: true,
      referencePrefix: 'TJ',
      createdById,
    },
    [
      { localityId: localityIds.get('ivanovka')!, quota: 10 },
      { localityId: localityIds.get('osh')!, quota: 10 },
    ],
  );
}

/**
 * The competition in Kant: applications closed seven weeks ago, all twelve found eligible, now
 * with the jury (round 1 closed, round 2 open — demo-jury.ts).
 */
function upsertKant(tx: Tx, localityIds: Map<string, number>, createdById: number, now: Date) {
  const closingDay = new Date(now.getTime() - 50 * DAY).toISOString().slice(0, 10);
  const closesAt = zonedLocalToUtc(`${closingDay}T18:00`, 'Asia/Bishkek')!;
  const year = yearIn('Asia/Bishkek', closesAt);
  const titleRu = `Татыктуу Жашоо ${year} — Кант: малые гранты для семейного дела`;
  const existing = tx.select().from(competitions).where(eq(competitions.titleRu, titleRu)).get();
  if (existing) return existing;
  return insertDemoCompetition(
    tx,
    {
      titleKy: `Татыктуу Жашоо ${year} — Кант: үй-бүлөлүк ишкердикке чакан гранттар`,
      titleRu,
      titleEn: `Life in Dignity ${year} — Kant: small grants for family businesses`,
      descriptionKy:
        'Программа пилоттон кийин Ысык-Ата районунун Кант шаарына кеңейди: социалдык жөлөкпул алган жана финансылык сабаттуулук боюнча окуудан өткөн үй-бүлөлөр үчүн. Грант келиндин атына берилет.',
      descriptionRu:
        'После пилота программа пришла в город Кант Ысык-Атинского района: для семей, получающих социальные пособия и прошедших обучение финансовой грамотности. Грант выдаётся на имя невестки.',
      descriptionEn:
        'After the pilot the programme came to the town of Kant in the Ysyk-Ata district: for families receiving social benefits who took the financial-literacy training. The grant is given in the name of the daughter-in-law.',
      currency: 'KGS',
      budgetTotal: 500_000 * SOM,
      minGrant: 40_000 * SOM,
      maxGrant: 100_000 * SOM,
      timezone: 'Asia/Bishkek',
      opensAt: new Date(closesAt.getTime() - 35 * DAY),
      closesAt,
      // Screened; the jury's rounds are seeded by demo-jury.ts.
      status: 'judging',
      requireSocialBenefits: true,
      requiredTrainingSessions: 0,
      beneficiaryRelations: ['daughter-in-law'],
      beneficiarySex: 'female',
      beneficiaryAdultOnly: true,
      referencePrefix: 'KT',
      createdById,
    },
    [{ localityId: localityIds.get('kant')!, quota: 6 }],
  );
}

/**
 * A small competition of a partner in Kazakhstan (Talgar, Almaty region), in tenge, whose pages
 * speak Kazakh to people who never chose a language. Open now, like this year's Kyrgyz one.
 * The Kazakh texts are for a native speaker to review.
 */
function upsertTalgar(tx: Tx, localityIds: Map<string, number>, createdById: number, now: Date) {
  const year = yearIn('Asia/Almaty', now);
  const titleRu = `Мөлдір ${year}: малые гранты для семейного дела в Талгаре`;
  const existing = tx.select().from(competitions).where(eq(competitions.titleRu, titleRu)).get();
  if (existing) return existing;
  const closingDay = new Date(now.getTime() + 40 * DAY).toISOString().slice(0, 10);
  return insertDemoCompetition(
    tx,
    {
      titleKk: `Мөлдір ${year}: Талғардағы отбасылық кәсіпке шағын гранттар`,
      titleRu,
      titleEn: `Moldir ${year}: small grants for family businesses in Talgar`,
      descriptionKk:
        'Әлеуметтік көмек алатын отбасыларға арналған байқау. Грант келіннің немесе отбасы басшысының жұбайының атына беріледі.',
      descriptionRu:
        'Конкурс для семей, получающих социальную помощь. Грант выдаётся на имя невестки или супруги главы семьи.',
      descriptionEn:
        "A competition for families receiving social assistance. The grant is given in the name of the daughter-in-law or of the head of household's wife.",
      defaultLocale: 'kk',
      currency: 'KZT',
      budgetTotal: 6_000_000 * TIYN_PER_TENGE,
      minGrant: 200_000 * TIYN_PER_TENGE,
      maxGrant: 500_000 * TIYN_PER_TENGE,
      timezone: 'Asia/Almaty',
      opensAt: new Date(now.getTime() - 5 * DAY),
      closesAt: zonedLocalToUtc(`${closingDay}T18:00`, 'Asia/Almaty')!,
      status: 'open',
      requireSocialBenefits: true,
      requiredTrainingSessions: 0,
      beneficiaryRelations: ['daughter-in-law', 'spouse'],
      beneficiarySex: 'female',
      beneficiaryAdultOnly: true,
      referencePrefix: 'MT',
      createdById,
    },
    [{ localityId: localityIds.get('talgar')!, quota: 15 }],
  );
}

export function seedProgramme(
  tx: Tx,
  now = new Date(),
): { households: number; applications: number; pilotId: number; kantId: number } {
  const localityIds = new Map(
    tx
      .select()
      .from(localities)
      .all()
      .map((l) => [l.code, l.id]),
  );
  const byEmail = (email: string) => tx.select().from(users).where(eq(users.email, email)).get()!;
  const byPhone = (phone: string) => tx.select().from(users).where(eq(users.phone, phone)).get();
  const staff = byEmail('nurgul.staff@ishenim.example');
  const people: People = {
    staffId: staff.id,
    facilitatorIds: new Map([
      ['ivanovka', byEmail('gulzat.facilitator@ishenim.example').id],
      ['osh', byEmail('bakyt.facilitator@ishenim.example').id],
      ['kant', byEmail('gulzat.facilitator@ishenim.example').id],
    ]),
  };
  const accountIds = new Map<string, number>();
  const accountOf: Record<string, () => number | undefined> = {
    family1: () => byPhone('+996555101201')?.id,
    family2: () => byEmail('natalya.family@ishenim.example')?.id,
    family3: () => byEmail('meerim.family@ishenim.example')?.id,
    family4: () => byPhone('+996772505606')?.id,
  };
  for (const [key, find] of Object.entries(accountOf)) {
    const id = find();
    if (id) accountIds.set(key, id);
  }

  const pilot = updatePilotTerms(tx, upsertPilot(tx, localityIds, staff.id), localityIds);
  const kant = upsertKant(tx, localityIds, staff.id, now);
  const current = upsertCurrent(tx, localityIds, staff.id, now);
  upsertTalgar(tx, localityIds, staff.id, now);
  let householdsCreated = 0;
  let applicationsCreated = 0;
  const seededHouseholds = new Map<
    string,
    { household: Household; locality: DemoHousehold['locality'] }
  >();

  let pilotReference = pilot.nextReferenceNumber;
  DEMO_HOUSEHOLDS.forEach((demo, index) => {
    const { household, created } = upsertHousehold(
      tx,
      demo,
      { localityIds, accountIds, facilitatorIds: people.facilitatorIds },
      now,
    );
    seededHouseholds.set(demo.registerNumber, { household, locality: demo.locality });
    if (created) householdsCreated += 1;
    if (!demo.idea) return;
    // The pilot was screened long ago: what its families had submitted was found eligible.
    const idea: DemoIdea =
      demo.idea.status === 'submitted' ? { ...demo.idea, status: 'eligible' } : demo.idea;
    const reference =
      idea.status === 'draft' ? null : `TJ-2024-${String(pilotReference).padStart(4, '0')}`;
    const startedAt = new Date(pilot.opensAt.getTime() + (index % 20) * DAY);
    if (seedApplication(tx, pilot, household, demo.locality, idea, people, startedAt, reference)) {
      applicationsCreated += 1;
      if (reference) pilotReference += 1;
    }
  });
  tx.update(competitions)
    .set({ nextReferenceNumber: pilotReference })
    .where(eq(competitions.id, pilot.id))
    .run();

  let currentReference = current.nextReferenceNumber;
  const currentYear = yearIn(current.timezone, current.opensAt);
  DEMO_CURRENT_APPLICATIONS.forEach(({ registerNumber, idea }, index) => {
    const seeded = seededHouseholds.get(registerNumber)!;
    const reference =
      idea.status === 'draft'
        ? null
        : `TJ-${currentYear}-${String(currentReference).padStart(4, '0')}`;
    const startedAt = new Date(current.opensAt.getTime() + index * DAY);
    if (
      seedApplication(
        tx,
        current,
        seeded.household,
        seeded.locality,
        idea,
        people,
        startedAt,
        reference,
      )
    ) {
      applicationsCreated += 1;
      if (reference) currentReference += 1;
    }
  });
  tx.update(competitions)
    .set({ nextReferenceNumber: currentReference })
    .where(eq(competitions.id, current.id))
    .run();
  seedTraining(tx, now, {
    localityIds,
    facilitatorIds: people.facilitatorIds,
    households: seededHouseholds,
  });

  let kantReference = kant.nextReferenceNumber;
  const kantYear = yearIn(kant.timezone, kant.closesAt);
  DEMO_KANT_HOUSEHOLDS.forEach((demo, index) => {
    const { household, created } = upsertHousehold(
      tx,
      demo,
      { localityIds, accountIds, facilitatorIds: people.facilitatorIds },
      now,
    );
    if (created) householdsCreated += 1;
    const reference = `KT-${kantYear}-${String(kantReference).padStart(4, '0')}`;
    const startedAt = new Date(kant.opensAt.getTime() + (index % 25) * DAY);
    if (
      seedApplication(tx, kant, household, demo.locality, demo.idea!, people, startedAt, reference)
    ) {
      applicationsCreated += 1;
      kantReference += 1;
    }
  });
  tx.update(competitions)
    .set({ nextReferenceNumber: kantReference })
    .where(eq(competitions.id, kant.id))
    .run();
  return {
    households: householdsCreated,
    applications: applicationsCreated,
    pilotId: pilot.id,
    kantId: kant.id,
  };
}
