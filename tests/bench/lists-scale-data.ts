// Builds a 10,000-application round on a throw-away database for measuring the list pages and
// exports of issue 9 (ranking, screening list, juror queue). Usage:
//   DATABASE_PATH=/tmp/x.db npx tsx tests/bench/lists-scale-data.ts
// Prints the ids the measuring script needs as JSON on the last line.
import { sqlite, writeTransaction } from '~db/client';
import { createLocality, createUser } from '../support/factories';
import {
  createApplication,
  createCompetition,
  createHousehold,
} from '../support/programme-factories';
import { roundInput, roundWithJurors } from '../support/jury-factories';

const APPLICATIONS = Number(process.env.APPLICATIONS ?? 10_000);
const JURORS = 30;
const PER_APPLICATION = 3;
sqlite.pragma('synchronous = OFF');

const FIRST = [
  'Айгүл',
  'Нуржан',
  'Ольга',
  'Элмира',
  'Ёлка',
  'Бермет',
  'Чолпон',
  'Жаркын',
  'Гүлнара',
  'Асель',
];
const LAST = [
  'Үмүтова',
  'Өмүрова',
  'Орлова',
  'Уулжанова',
  'Ёлкина',
  'Ңаматова',
  'Бекова',
  'Асанова',
  'Токтогулова',
  'Иванова',
];

const staff = await createUser({ roles: ['staff'] });
const jurors: Awaited<ReturnType<typeof createUser>>[] = [];
for (let i = 0; i < JURORS; i += 1)
  jurors.push(await createUser({ roles: ['juror'], name: `Juror ${i}` }));
const localityIds = Array.from({ length: 20 }, () => createLocality().id);
const competition = createCompetition({ localityIds, status: 'screening' });
const started = Date.now();
const applicationIds: number[] = [];
for (let i = 0; i < APPLICATIONS; i += 1) {
  const last = `${LAST[i % LAST.length]}${i % 7 ? '' : 'а'}`;
  const first = FIRST[(i * 7) % FIRST.length]!;
  const created = createHousehold({
    localityId: localityIds[i % localityIds.length]!,
    members: [
      { firstName: 'Бакыт', lastName: last, sex: 'male', birthYear: 1968, relation: 'head' },
      {
        firstName: first,
        lastName: last,
        sex: 'female',
        birthYear: 1996,
        relation: 'daughter-in-law',
      },
    ],
  });
  const application = createApplication({
    competition,
    ...created,
    enteredBy: staff,
    status: 'eligible',
    reference: `TJ-2024-${String(i + 1).padStart(5, '0')}`,
    submittedAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000),
    title: `Идея ${i}: теплица`,
  });
  applicationIds.push(application!.id);
}
console.error(`applications: ${Date.now() - started} ms`);
const six = Array.from({ length: 6 }, (_, k) => ({
  titleKy: `Критерий ${k + 1}`,
  titleRu: `Критерий ${k + 1}`,
  titleEn: `Criterion ${k + 1}`,
  descriptionKy: '',
  descriptionRu: '',
  descriptionEn: '',
  maxPoints: 10,
  weight: 1 + (k % 3),
}));
const roundId = roundWithJurors({
  staff,
  competition,
  jurors,
  input: roundInput({ jurorsPerApplication: PER_APPLICATION, criteria: six }),
});
const criteria = sqlite
  .prepare('select id from round_criteria where round_id = ? order by position')
  .all(roundId) as { id: number }[];
writeTransaction(() => {
  const ra = sqlite.prepare(
    'insert into round_applications (round_id, application_id) values (?, ?)',
  );
  const as = sqlite.prepare(
    "insert into assignments (round_id, application_id, juror_id, status, created_at) values (?, ?, ?, 'active', ?) returning id",
  );
  const sc = sqlite.prepare(
    "insert into scores (assignment_id, status, overall_comment, submitted_at, created_at, updated_at) values (?, ?, 'Хорошо', ?, ?, ?) returning id",
  );
  const si = sqlite.prepare(
    'insert into score_items (score_id, criterion_id, points, comment) values (?, ?, ?, ?)',
  );
  const now = Date.now();
  applicationIds.forEach((applicationId, i) => {
    ra.run(roundId, applicationId);
    for (let j = 0; j < PER_APPLICATION; j += 1) {
      const juror = jurors[(i * PER_APPLICATION + j) % JURORS]!;
      const a = as.get(roundId, applicationId, juror.id, now) as { id: number };
      const submitted = (i + j) % 10 !== 0;
      const s = sc.get(
        a.id,
        submitted ? 'submitted' : 'draft',
        submitted ? now : null,
        now,
        now,
      ) as { id: number };
      criteria.forEach((c, k) => si.run(s.id, c.id, (i * 13 + j * 7 + k * 3) % 11, 'Комментарий'));
    }
  });
  sqlite
    .prepare("update rounds set status = 'closed', closed_at = ? where id = ?")
    .run(now, roundId);
});
console.error(`done: ${Date.now() - started} ms`);
console.log(
  JSON.stringify({
    roundId,
    competitionId: competition.id,
    staffId: staff.id,
    jurorId: jurors[0]!.id,
  }),
);
