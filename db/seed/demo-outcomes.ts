// The pilot's outcomes in the demo (issue 14): each signed grant has its baseline, recorded by the
// village's facilitator on the signing day; its visits fall due 3, 6 and 12 months after the first
// tranche (the day in the competition's time zone, clamped to the month's end) and those the
// facilitators made are recorded: most businesses operating, Татьяна's tailoring paused (at her
// 6-month visit), Чолпон's hairdresser's closed (at 12 months); revenues and household incomes
// up; jobs for women (and a few men); and her say at home moved from her husband or
// parents-in-law towards herself or jointly with her husband. Grants whose 12-month visit is
// recorded are completed. Татьяна's 12-month visit in Ivanovka is overdue (Гүлзат sees it on
// /visits); Светлана's and Элмира's fall due in the coming weeks. A few family reports (Элмира's
// question for staff unread), and one safeguarding flag on Жаркынай's 6-month visit, for staff
// only. Dates follow the payments (demo-grants.ts, "when the pilot's money moved"). Written
// directly (not through the visit services) in one transaction; idempotent: once the pilot has
// baselines nothing is written again.
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { db, writeTransaction } from '../client';
import { applications } from '../schema/applications';
import { competitions } from '../schema/competitions';
import { grants, ledgerEntries } from '../schema/grants';
import { households } from '../schema/households';
import {
  familyReports,
  grantBaselines,
  monitoringVisits,
  safeguardingFlags,
} from '../schema/outcomes';
import { facilitatorLocalities, users } from '../schema/people';
import { appendAudit } from '../../app/models/audit.server';
import { dropPendingMail } from '../../app/models/outbox.server';
import { visitReminderKey } from '../../app/services/visits.server';
import { advanceCompetitionLifecycle } from '../../app/services/outcome-lifecycle.server';
import {
  VISIT_MONTHS,
  type AgencyDecider,
  type AssetState,
  type BusinessStatus,
  type IncomeSource,
  type VisitMonth,
} from '../../app/schemas/outcome-enums';
import { utcToZonedLocal, zonedLocalToUtc } from '../../app/utils/timezone';

const DAY = 24 * 60 * 60_000;

/** Som to the competition's minor unit (tyiyn). */
const som = (amount: number) => Math.round(amount * 100);
/** Full-time equivalents to hundredths. */
const fte = (amount: number) => Math.round(amount * 100);

type Agency = {
  decidesOwnEarnings: AgencyDecider;
  decidesLargePurchases: AgencyDecider;
  decidesBusinessMoney: AgencyDecider;
  sayInMoney: number;
};

type VisitAnswers = Agency & {
  /** Days after the due day the facilitator went. */
  lateBy: number;
  businessStatus: BusinessStatus;
  statusReason?: string;
  revenue: number;
  costs: number;
  jobsWomen: number;
  jobsMen: number;
  householdIncome: number;
  assetState: AssetState;
  notes: string;
  /** Where the visit took place (staff only): the village, give or take a street. */
  place?: [string, string];
};

type Profile = {
  baseline: Agency & { income: number; sources: IncomeSource[]; savings: boolean };
  /** The visits the facilitator made; a month left out is still to be made. */
  visits: Partial<Record<VisitMonth, VisitAnswers>>;
};

/**
 * One profile per live pilot grant, in the order of the grants (the order demo-grants.ts pays
 * them in): three families in Ivanovka (notes in Russian), four in Osh (notes in Kyrgyz).
 */
const PROFILES: Profile[] = [
  // Айпери Абдыкерова, Ivanovka — a sewing workshop for school uniforms.
  {
    baseline: {
      income: 22_000,
      sources: ['seasonal-work', 'livestock', 'pension-benefits'],
      savings: false,
      decidesOwnEarnings: 'husband',
      decidesLargePurchases: 'parent-in-law',
      decidesBusinessMoney: 'husband',
      sayInMoney: 2,
    },
    visits: {
      3: {
        lateBy: 2,
        businessStatus: 'operating',
        revenue: 17_500,
        costs: 9_000,
        jobsWomen: 1,
        jobsMen: 0,
        householdIncome: 24_000,
        assetState: 'present-used',
        notes:
          'Две машинки и оверлок стоят в отдельной комнате, работают каждый день. Первые заказы от школы села — 40 комплектов формы.',
        decidesOwnEarnings: 'jointly-husband',
        decidesLargePurchases: 'parent-in-law',
        decidesBusinessMoney: 'jointly-husband',
        sayInMoney: 2,
        place: ['42.8891', '75.0802'],
      },
      6: {
        lateBy: 1,
        businessStatus: 'operating',
        revenue: 29_000,
        costs: 11_500,
        jobsWomen: 1.5,
        jobsMen: 0,
        householdIncome: 28_500,
        assetState: 'present-used',
        notes:
          'Золовка помогает на полставки. Шьёт форму для двух школ и принимает заказы на ремонт одежды.',
        decidesOwnEarnings: 'jointly-husband',
        decidesLargePurchases: 'parent-in-law',
        decidesBusinessMoney: 'herself',
        sayInMoney: 3,
      },
      12: {
        lateBy: 3,
        businessStatus: 'operating',
        revenue: 34_000,
        costs: 13_000,
        jobsWomen: 1.5,
        jobsMen: 0,
        householdIncome: 31_000,
        assetState: 'present-used',
        notes:
          'Дело идёт ровно весь год. Айпери откладывает на вторую прямострочную машину и ведёт тетрадь доходов и расходов.',
        decidesOwnEarnings: 'herself',
        decidesLargePurchases: 'jointly-husband',
        decidesBusinessMoney: 'herself',
        sayInMoney: 4,
        place: ['42.8893', '75.0799'],
      },
    },
  },
  // Светлана Ким, Ivanovka — laying hens and eggs; her 12-month visit is due in the coming weeks.
  {
    baseline: {
      income: 19_500,
      sources: ['livestock', 'crop-farming', 'wages'],
      savings: true,
      decidesOwnEarnings: 'parent-in-law',
      decidesLargePurchases: 'parent-in-law',
      decidesBusinessMoney: 'jointly-in-laws',
      sayInMoney: 2,
    },
    visits: {
      3: {
        lateBy: 0,
        businessStatus: 'operating',
        revenue: 14_000,
        costs: 9_500,
        jobsWomen: 1,
        jobsMen: 0,
        householdIncome: 21_000,
        assetState: 'present-used',
        notes:
          'Птичник утеплён, 150 несушек, корм закуплен на два месяца. Яйца берут два магазина в селе.',
        decidesOwnEarnings: 'parent-in-law',
        decidesLargePurchases: 'parent-in-law',
        decidesBusinessMoney: 'jointly-in-laws',
        sayInMoney: 2,
      },
      6: {
        lateBy: 4,
        businessStatus: 'operating',
        revenue: 26_000,
        costs: 12_000,
        jobsWomen: 1,
        jobsMen: 0.25,
        householdIncome: 24_500,
        assetState: 'present-used',
        notes:
          'Свёкор помогает с кормом по утрам. Договорилась с кафе в Канте о поставке двух лотков в день.',
        decidesOwnEarnings: 'jointly-in-laws',
        decidesLargePurchases: 'parent-in-law',
        decidesBusinessMoney: 'jointly-in-laws',
        sayInMoney: 3,
        place: ['42.8862', '75.0841'],
      },
    },
  },
  // Татьяна Шевченко, Ivanovka — clothing repair and tailoring, paused at 6 months (she cares
  // for her father-in-law); her 12-month visit is overdue.
  {
    baseline: {
      income: 16_000,
      sources: ['wages', 'pension-benefits', 'crop-farming'],
      savings: false,
      decidesOwnEarnings: 'husband',
      decidesLargePurchases: 'husband',
      decidesBusinessMoney: 'husband',
      sayInMoney: 2,
    },
    visits: {
      3: {
        lateBy: 1,
        businessStatus: 'operating',
        revenue: 9_000,
        costs: 3_500,
        jobsWomen: 1,
        jobsMen: 0,
        householdIncome: 18_000,
        assetState: 'present-used',
        notes:
          'Машинка и утюг с парогенератором на месте. Объявление у магазина, заказы в основном на ремонт.',
        decidesOwnEarnings: 'husband',
        decidesLargePurchases: 'husband',
        decidesBusinessMoney: 'jointly-husband',
        sayInMoney: 2,
      },
      6: {
        lateBy: 2,
        businessStatus: 'paused',
        statusReason:
          'Свёкор после операции, Татьяна ухаживает за ним; заказы не принимает до его выздоровления.',
        revenue: 0,
        costs: 0,
        jobsWomen: 0,
        jobsMen: 0,
        householdIncome: 17_000,
        assetState: 'present-unused',
        notes:
          'Машинка и утюг дома, в порядке. Постоянным клиенткам сказала, что вернётся к работе; просит позвонить через два месяца.',
        decidesOwnEarnings: 'jointly-husband',
        decidesLargePurchases: 'husband',
        decidesBusinessMoney: 'herself',
        sayInMoney: 3,
        place: ['42.8907', '75.0765'],
      },
    },
  },
  // Жаркынай Турдубаева, Osh — national clothes; the safeguarding flag is on her 6-month visit.
  {
    baseline: {
      income: 21_000,
      sources: ['livestock', 'remittances', 'pension-benefits'],
      savings: false,
      decidesOwnEarnings: 'parent-in-law',
      decidesLargePurchases: 'parent-in-law',
      decidesBusinessMoney: 'parent-in-law',
      sayInMoney: 1,
    },
    visits: {
      3: {
        lateBy: 2,
        businessStatus: 'operating',
        revenue: 16_000,
        costs: 6_000,
        jobsWomen: 1,
        jobsMen: 0,
        householdIncome: 22_500,
        assetState: 'present-used',
        notes: 'Тигүү машинасы жана кездемелер бар. Той кийимдерине алгачкы буйрутмалар келди.',
        decidesOwnEarnings: 'parent-in-law',
        decidesLargePurchases: 'parent-in-law',
        decidesBusinessMoney: 'parent-in-law',
        sayInMoney: 1,
      },
      6: {
        lateBy: 3,
        businessStatus: 'operating',
        revenue: 27_000,
        costs: 9_000,
        jobsWomen: 1.5,
        jobsMen: 0,
        householdIncome: 26_000,
        assetState: 'present-used',
        notes:
          'Кошунасы жарым күн жардам берет. Базардагы дүкөнгө чапан жана элечек өткөрүп берет.',
        decidesOwnEarnings: 'jointly-in-laws',
        decidesLargePurchases: 'parent-in-law',
        decidesBusinessMoney: 'jointly-in-laws',
        sayInMoney: 2,
        place: ['40.5283', '72.7985'],
      },
      12: {
        lateBy: 5,
        businessStatus: 'operating',
        revenue: 36_000,
        costs: 12_500,
        jobsWomen: 2,
        jobsMen: 0,
        householdIncome: 30_000,
        assetState: 'present-used',
        notes:
          'Эки аял толук күн иштейт. Жаркынай өз кирешесин өзү эсептеп, бир бөлүгүн банктагы эсепке салат.',
        decidesOwnEarnings: 'herself',
        decidesLargePurchases: 'jointly-husband',
        decidesBusinessMoney: 'herself',
        sayInMoney: 3,
      },
    },
  },
  // Гулчехра Каримова, Osh — a beauty salon, open again after her baby was born.
  {
    baseline: {
      income: 17_500,
      sources: ['wages', 'trade'],
      savings: true,
      decidesOwnEarnings: 'husband',
      decidesLargePurchases: 'husband',
      decidesBusinessMoney: 'jointly-husband',
      sayInMoney: 2,
    },
    visits: {
      3: {
        lateBy: 0,
        businessStatus: 'operating',
        revenue: 15_000,
        costs: 5_500,
        jobsWomen: 1,
        jobsMen: 0,
        householdIncome: 20_000,
        assetState: 'present-used',
        notes:
          'Кресло, лампа жана маникюр столу үйдүн алдындагы бөлмөдө. Кардарлар көбүнчө кошуналар.',
        decidesOwnEarnings: 'jointly-husband',
        decidesLargePurchases: 'husband',
        decidesBusinessMoney: 'jointly-husband',
        sayInMoney: 2,
      },
      6: {
        lateBy: 2,
        businessStatus: 'operating',
        revenue: 22_000,
        costs: 6_500,
        jobsWomen: 1,
        jobsMen: 0,
        householdIncome: 23_500,
        assetState: 'present-used',
        notes: 'Каш жасоо кызматы кошулду, Инстаграмда баракча ачты.',
        decidesOwnEarnings: 'jointly-husband',
        decidesLargePurchases: 'husband',
        decidesBusinessMoney: 'herself',
        sayInMoney: 3,
      },
      12: {
        lateBy: 1,
        businessStatus: 'operating',
        revenue: 24_000,
        costs: 7_000,
        jobsWomen: 1,
        jobsMen: 0,
        householdIncome: 25_000,
        assetState: 'present-used',
        notes:
          'Бала төрөлгөндөн кийин салон бир жарым ай жабык болду; азыр Гулчехра алдын ала жазылуу менен күнүнө бир нече кардар кабыл алат.',
        decidesOwnEarnings: 'jointly-husband',
        decidesLargePurchases: 'jointly-husband',
        decidesBusinessMoney: 'herself',
        sayInMoney: 3,
        place: ['40.5141', '72.8112'],
      },
    },
  },
  // Чолпон Сыдыкова, Osh — a hairdresser's, closed at 12 months.
  {
    baseline: {
      income: 15_000,
      sources: ['seasonal-work', 'livestock'],
      savings: false,
      decidesOwnEarnings: 'parent-in-law',
      decidesLargePurchases: 'parent-in-law',
      decidesBusinessMoney: 'husband',
      sayInMoney: 1,
    },
    visits: {
      3: {
        lateBy: 1,
        businessStatus: 'operating',
        revenue: 12_000,
        costs: 6_000,
        jobsWomen: 1,
        jobsMen: 0,
        householdIncome: 17_000,
        assetState: 'present-used',
        notes: 'Ижарага алынган бөлмөдө кресло, күзгү жана фен. Кардарлар аз, бирок туруктуу.',
        decidesOwnEarnings: 'parent-in-law',
        decidesLargePurchases: 'parent-in-law',
        decidesBusinessMoney: 'husband',
        sayInMoney: 1,
      },
      6: {
        lateBy: 2,
        businessStatus: 'operating',
        revenue: 9_000,
        costs: 6_500,
        jobsWomen: 1,
        jobsMen: 0,
        householdIncome: 16_500,
        assetState: 'present-used',
        notes: 'Жакын жерде чоң салон ачылып, кардарлар азайды. Баа тизмесин жаңыртууну сүйлөштүк.',
        decidesOwnEarnings: 'parent-in-law',
        decidesLargePurchases: 'parent-in-law',
        decidesBusinessMoney: 'jointly-husband',
        sayInMoney: 2,
      },
      12: {
        lateBy: 4,
        businessStatus: 'closed',
        statusReason:
          'Бөлмөнүн ээси аны сатып жиберди, жаңы жай табылган жок. Кресло сатылды; Чолпон үйүндө тааныштарына гана чач кырқат.',
        revenue: 0,
        costs: 0,
        jobsWomen: 0,
        jobsMen: 0,
        householdIncome: 17_500,
        assetState: 'partly',
        notes: 'Күзгү жана фен үйдө колдонулат. Кийинки жылы үйдө кичинекей бөлмө ачууну ойлонот.',
        decidesOwnEarnings: 'jointly-husband',
        decidesLargePurchases: 'parent-in-law',
        decidesBusinessMoney: 'jointly-husband',
        sayInMoney: 2,
      },
    },
  },
  // Элмира Жумабаева, Osh — felt and shyrdak workshop; her 12-month visit is due in a few weeks
  // (and her second tranche still waits for approval, demo-grants.ts).
  {
    baseline: {
      income: 20_000,
      sources: ['livestock', 'trade', 'remittances'],
      savings: false,
      decidesOwnEarnings: 'husband',
      decidesLargePurchases: 'husband',
      decidesBusinessMoney: 'husband',
      sayInMoney: 2,
    },
    visits: {
      3: {
        lateBy: 3,
        businessStatus: 'operating',
        revenue: 15_000,
        costs: 6_000,
        jobsWomen: 1.5,
        jobsMen: 0,
        householdIncome: 22_000,
        assetState: 'present-used',
        notes: 'Жүн жана боёк сатылып алынды, эки шырдак буйрутма менен жасалууда.',
        decidesOwnEarnings: 'husband',
        decidesLargePurchases: 'husband',
        decidesBusinessMoney: 'jointly-husband',
        sayInMoney: 2,
      },
      6: {
        lateBy: 1,
        businessStatus: 'operating',
        revenue: 23_000,
        costs: 7_500,
        jobsWomen: 2.5,
        jobsMen: 0.5,
        householdIncome: 26_000,
        assetState: 'present-used',
        notes:
          'Эки кошуна аял жана күйөөсү жүн сабоого жардам берет. Туристтик дүкөнгө кийиз буюмдар өткөрүлөт.',
        decidesOwnEarnings: 'jointly-husband',
        decidesLargePurchases: 'husband',
        decidesBusinessMoney: 'jointly-husband',
        sayInMoney: 3,
        place: ['40.5402', '72.7876'],
      },
    },
  },
];

/** The family's own reports between visits (by her account, or her facilitator for her). */
const REPORTS: {
  grant: number;
  /** Days after the first tranche, or (negative) days before today. */
  at: { afterFirst: number } | { daysAgo: number };
  status: BusinessStatus;
  revenue: number | null;
  question: string | null;
  read: boolean;
}[] = [
  // Жаркынай, from her own account, between the 6- and 12-month visits.
  {
    grant: 3,
    at: { afterFirst: 265 },
    status: 'operating',
    revenue: 31_000,
    question: null,
    read: true,
  },
  // Светлана, sent by Гүлзат from her phone.
  {
    grant: 1,
    at: { daysAgo: 19 },
    status: 'operating',
    revenue: 27_500,
    question: null,
    read: true,
  },
  // Элмира asks about her second tranche: staff have not read it yet.
  {
    grant: 6,
    at: { daysAgo: 4 },
    status: 'operating',
    revenue: 24_000,
    question:
      'Экинчи транш качан төлөнөт? Кышка чейин жүн сатып алышым керек, баасы көтөрүлүп жатат.',
    read: false,
  },
];

/** The safeguarding flag: Жаркынай's 6-month visit, raised by her facilitator, not yet resolved. */
const FLAG = {
  grant: 3,
  month: 6 as VisitMonth,
  note: 'She asked to talk to staff privately about pressure at home about the money.',
};

/** "YYYY-MM-DD" plus whole months, clamped to the month's last day (31 January + 3 → 30 April). */
function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

export function seedPilotOutcomes(
  pilotId: number,
  now = new Date(),
): { baselines: number; visits: number; done: number; reports: number; flags: number } {
  const none = { baselines: 0, visits: 0, done: 0, reports: 0, flags: 0 };
  const competition = db.select().from(competitions).where(eq(competitions.id, pilotId)).get();
  if (!competition) return none;
  const timeZone = competition.timezone;
  const pilotGrants = db
    .select({ grant: grants, localityId: households.localityId, familyUserId: households.userId })
    .from(grants)
    .innerJoin(applications, eq(applications.id, grants.applicationId))
    .innerJoin(households, eq(households.id, applications.householdId))
    .where(and(eq(grants.competitionId, pilotId), ne(grants.status, 'cancelled')))
    .orderBy(asc(grants.id))
    .all();
  const signed = pilotGrants.filter((row) => row.grant.signedOn);
  if (signed.length === 0) return none;
  const already = db
    .select({ grantId: grantBaselines.grantId })
    .from(grantBaselines)
    .where(
      inArray(
        grantBaselines.grantId,
        signed.map((row) => row.grant.id),
      ),
    )
    .get();
  if (already) return none;

  const staff = db
    .select()
    .from(users)
    .where(eq(users.email, 'nurgul.staff@ishenim.example'))
    .get()!;
  const facilitatorOf = (localityId: number) =>
    db
      .select({ userId: facilitatorLocalities.userId })
      .from(facilitatorLocalities)
      .where(eq(facilitatorLocalities.localityId, localityId))
      .orderBy(asc(facilitatorLocalities.userId))
      .get()?.userId ?? staff.id;
  const today = utcToZonedLocal(now, timeZone).slice(0, 10);
  const at = (day: string, time: string) => zonedLocalToUtc(`${day}T${time}`, timeZone)!;

  return writeTransaction((tx) => {
    const counts = { ...none };
    const visitIds = new Map<string, number>();
    const firstDays = new Map<number, string>();
    signed.forEach((row, index) => {
      const profile = PROFILES[index % PROFILES.length]!;
      const { grant } = row;
      const facilitatorId = facilitatorOf(row.localityId);
      const { income, sources, savings, ...agency } = profile.baseline;
      tx.insert(grantBaselines)
        .values({
          grantId: grant.id,
          monthlyHouseholdIncome: som(income),
          incomeSources: sources,
          hasSavings: savings,
          ...agency,
          recordedOn: grant.signedOn!,
          recordedById: facilitatorId,
        })
        .run();
      counts.baselines += 1;

      // Visits fall due from the first tranche paid (the earliest payment on the ledger).
      const firstPayment = tx
        .select({ paidAt: ledgerEntries.paidAt })
        .from(ledgerEntries)
        .where(and(eq(ledgerEntries.grantId, grant.id), eq(ledgerEntries.kind, 'payment')))
        .orderBy(asc(ledgerEntries.paidAt))
        .get();
      if (!firstPayment) return;
      const firstDay = utcToZonedLocal(firstPayment.paidAt, timeZone).slice(0, 10);
      firstDays.set(index, firstDay);
      let completed = false;
      for (const month of VISIT_MONTHS) {
        const dueOn = addMonths(firstDay, month);
        const answers = profile.visits[month];
        const visitedOn = answers ? addDays(dueOn, answers.lateBy) : null;
        const done = answers && visitedOn! < today;
        const values = done
          ? {
              status: 'done' as const,
              visitedOn,
              recordedById: facilitatorId,
              recordedAt: at(visitedOn!, '17:30'),
              businessStatus: answers.businessStatus,
              statusReason: answers.statusReason ?? null,
              monthlyRevenue: som(answers.revenue),
              monthlyCosts: som(answers.costs),
              jobsWomenHundredths: fte(answers.jobsWomen),
              jobsMenHundredths: fte(answers.jobsMen),
              monthlyHouseholdIncome: som(answers.householdIncome),
              assetState: answers.assetState,
              notes: answers.notes,
              decidesOwnEarnings: answers.decidesOwnEarnings,
              decidesLargePurchases: answers.decidesLargePurchases,
              decidesBusinessMoney: answers.decidesBusinessMoney,
              sayInMoney: answers.sayInMoney,
              latitude: answers.place?.[0] ?? null,
              longitude: answers.place?.[1] ?? null,
            }
          : { status: 'due' as const };
        // The first payment (demo-grants.ts, through the disbursement service) already wrote the
        // visit rows and their reminders (visits.server.ts, scheduleVisits): fill them in.
        const visit = tx
          .insert(monitoringVisits)
          .values({ grantId: grant.id, month, dueOn, ...values })
          .onConflictDoUpdate({
            target: [monitoringVisits.grantId, monitoringVisits.month],
            set: { dueOn, ...values },
          })
          .returning({ id: monitoringVisits.id })
          .get();
        // A visit the demo made needs no reminder any more.
        if (done) dropPendingMail(tx, visitReminderKey(visit.id), now);
        visitIds.set(`${index}:${month}`, visit.id);
        counts.visits += 1;
        if (done) counts.done += 1;
        if (done && month === 12) completed = true;
      }
      if (completed) {
        tx.update(grants)
          .set({ status: 'completed', updatedAt: now })
          .where(eq(grants.id, grant.id))
          .run();
        appendAudit(tx, {
          actorUserId: facilitatorId,
          action: 'grant.completed',
          entityType: 'grant',
          entityId: grant.id,
          before: { status: grant.status },
          after: { status: 'completed' },
        });
      }
    });

    for (const report of REPORTS) {
      const row = signed[report.grant];
      const firstDay = firstDays.get(report.grant);
      if (!row || !firstDay) continue;
      const sentAt =
        'afterFirst' in report.at
          ? at(addDays(firstDay, report.at.afterFirst), '20:15')
          : at(addDays(today, -report.at.daysAgo), '19:40');
      if (sentAt > now) continue;
      tx.insert(familyReports)
        .values({
          grantId: row.grant.id,
          sentById: row.familyUserId ?? facilitatorOf(row.localityId),
          businessStatus: report.status,
          monthlyRevenue: report.revenue === null ? null : som(report.revenue),
          question: report.question,
          readAt: report.read ? new Date(Math.min(sentAt.getTime() + DAY, now.getTime())) : null,
          readById: report.read ? staff.id : null,
          createdAt: sentAt,
          updatedAt: sentAt,
        })
        .run();
      counts.reports += 1;
    }

    const flagged = visitIds.get(`${FLAG.grant}:${FLAG.month}`);
    const flaggedRow = signed[FLAG.grant];
    if (flagged && flaggedRow) {
      const visit = tx
        .select()
        .from(monitoringVisits)
        .where(eq(monitoringVisits.id, flagged))
        .get()!;
      if (visit.status === 'done') {
        tx.insert(safeguardingFlags)
          .values({
            grantId: flaggedRow.grant.id,
            visitId: flagged,
            note: FLAG.note,
            raisedById: visit.recordedById!,
            createdAt: visit.recordedAt!,
            updatedAt: visit.recordedAt!,
          })
          .run();
        counts.flags += 1;
      }
    }

    appendAudit(tx, {
      actorUserId: null,
      action: 'demo.outcomes-created',
      entityType: 'competition',
      entityId: pilotId,
      // Counts only: the safeguarding note never goes into the log.
      after: counts,
    });
    // The pilot stays disbursing while a tranche waits; the rule moves it once all is paid.
    advanceCompetitionLifecycle(tx, pilotId, { userId: null, ipAddress: null });
    return counts;
  });
}
