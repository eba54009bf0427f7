// Group training in Ivanovka and Osh: three sessions held in the last weeks, with their roll
// calls, and two planned. This year's competition requires two sessions of the grant holder;
// the families that sent their applications have them, Мээрим (OSH-0201) has only one so far
// and must come to one of the planned sessions before she can send hers.
import { inArray } from 'drizzle-orm';
import { type Tx } from '../client';
import type { Household } from '../schema/households';
import { trainingAttendance, trainingSessions } from '../schema/training';
import { appendAudit } from '../../app/models/audit.server';
import { membersOf } from '../../app/models/household.server';
import type { TrainingTopic } from '../../app/schemas/enums';
import { utcToZonedLocal, zonedLocalToUtc } from '../../app/utils/timezone';

const DAY = 24 * 60 * 60_000;

/** This year's competition asks the grant holder to have attended this many sessions. */
export const DEMO_REQUIRED_TRAINING_SESSIONS = 2;

/** The family whose grant holder has attended one session of the two required. */
export const DEMO_TRAINING_NOT_YET = 'OSH-0201';

/** Families of this year's competition whose grant holder attended sessions 1 and 2. */
const TRAINED_FOR_THIS_YEAR = ['CHUI-IV-0111', 'CHUI-IV-0115', 'OSH-0213', 'OSH-0215'];

const SESSIONS: {
  daysFromNow: number;
  topic: TrainingTopic;
  minutes: number;
  place: { ivanovka: string; osh: string };
  trainer: string;
}[] = [
  {
    daysFromNow: -40,
    topic: 'financial-literacy',
    minutes: 120,
    place: { ivanovka: 'Ивановка, мектеп № 1, акт залы', osh: 'Ош, Керме-Тоо, 12, жыйындар залы' },
    trainer: 'Гүлнара Осмонова',
  },
  {
    daysFromNow: -26,
    topic: 'household-budget',
    minutes: 120,
    place: { ivanovka: 'Ивановка, айыл өкмөтү, 2-кабат', osh: 'Ош, Керме-Тоо, 12, жыйындар залы' },
    trainer: 'Гүлнара Осмонова',
  },
  {
    daysFromNow: -12,
    topic: 'preventing-family-violence',
    minutes: 90,
    place: { ivanovka: 'Ивановка, маданият үйү', osh: 'Ош, аялдар кеңеши, Ленин көч., 205' },
    trainer: 'Айгерим Токтосунова',
  },
  {
    daysFromNow: 5,
    topic: 'household-budget',
    minutes: 120,
    place: { ivanovka: 'Ивановка, мектеп № 1, акт залы', osh: 'Ош, Керме-Тоо, 12, жыйындар залы' },
    trainer: 'Гүлнара Осмонова',
  },
  {
    daysFromNow: 12,
    topic: 'business-planning',
    minutes: 150,
    place: {
      ivanovka: 'Ивановка, айыл өкмөтү, 2-кабат',
      osh: 'Ош, аялдар кеңеши, Ленин көч., 205',
    },
    trainer: 'Бакыт Жумабаев',
  },
];

/** 10:00 in Bishkek, `days` days from `now`. */
function sessionStart(now: Date, days: number): Date {
  const day = utcToZonedLocal(new Date(now.getTime() + days * DAY), 'Asia/Bishkek').slice(0, 10);
  return zonedLocalToUtc(`${day}T10:00`, 'Asia/Bishkek')!;
}

/**
 * Whether a member was present at past session `s` (0, 1, 2). The featured families follow the
 * story above; the others come to about two sessions in three, the head to one.
 */
function wasPresent(registerNumber: string, index: number, relation: string, s: number): boolean {
  if (relation === 'daughter-in-law') {
    if (registerNumber === DEMO_TRAINING_NOT_YET) return s === 1;
    if (TRAINED_FOR_THIS_YEAR.includes(registerNumber)) return s === 0 || s === 1;
    return (index + s) % 3 !== 0;
  }
  if (relation === 'head') return s === index % 3;
  return false;
}

export function seedTraining(
  tx: Tx,
  now: Date,
  context: {
    localityIds: Map<string, number>;
    facilitatorIds: Map<string, number>;
    households: Map<string, { household: Household; locality: 'ivanovka' | 'osh' | 'kant' }>;
  },
): number {
  const villages = (['ivanovka', 'osh'] as const).map((code) => ({
    code,
    localityId: context.localityIds.get(code)!,
    facilitatorId: context.facilitatorIds.get(code)!,
  }));
  // Seeded once: a second run (or a database where training was planned by hand) is left alone.
  const existing = tx
    .select({ id: trainingSessions.id })
    .from(trainingSessions)
    .where(
      inArray(
        trainingSessions.localityId,
        villages.map((v) => v.localityId),
      ),
    )
    .get();
  if (existing) return 0;
  let created = 0;
  for (const village of villages) {
    const households = [...context.households.entries()].filter(
      ([, h]) => h.locality === village.code,
    );
    SESSIONS.forEach((spec, s) => {
      const startsAt = sessionStart(now, spec.daysFromNow);
      const session = tx
        .insert(trainingSessions)
        .values({
          topic: spec.topic,
          startsAt,
          minutes: spec.minutes,
          place: spec.place[village.code],
          localityId: village.localityId,
          trainerName: spec.trainer,
          createdById: village.facilitatorId,
          createdAt: new Date(startsAt.getTime() - 14 * DAY),
        })
        .returning()
        .get();
      created += 1;
      if (spec.daysFromNow >= 0) return;
      // The roll call was taken at the end of the session.
      const recordedAt = new Date(startsAt.getTime() + spec.minutes * 60_000);
      households.forEach(([registerNumber, { household }], index) => {
        for (const member of membersOf(household.id, tx)) {
          tx.insert(trainingAttendance)
            .values({
              sessionId: session.id,
              memberId: member.id,
              householdId: household.id,
              present: wasPresent(registerNumber, index, member.relation, s),
              recordedById: village.facilitatorId,
              recordedAt,
            })
            .run();
        }
      });
    });
  }
  appendAudit(tx, {
    actorUserId: null,
    action: 'demo.training-created',
    entityType: 'training-session',
    after: { sessions: created },
  });
  return created;
}
