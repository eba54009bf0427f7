// A jury round from start to shortlist, the way its people do it, through the pages only. The
// starting point is seeded: a competition in screening with eight eligible applications in two
// villages (six in one, two in the other), three juror accounts and a staff member.
//
// Staff (English) create the round — three criteria written in three languages, two jurors per
// application, blind, no juror from the family's own village (Sara lives in the small village) —
// and choose its jurors. Each juror signs in with her password, in her language (Aidai in Kyrgyz,
// Elena in Russian, Sara in English on a 360-px phone), and declares the one family she knows.
// Staff assign (every application gets two jurors, loads differ by at most one, nobody gets the
// family she knows or one from her own village) and open the round; the jurors are e-mailed in
// their languages. Each juror scores all her applications (Elena saves a draft first and comes
// back), staff follow the progress and close the round, read the ranking — whose order and
// numbers this test computes by hand from the points the jurors typed, with the definition the
// page states — switch normalisation on, and advance the top five, which make up round 2.
import { noticeSubject } from '../support/notice-subject';
import type { BrowserContextOptions, Page } from '@playwright/test';
import type { User } from '~db/schema/people';
import type { Locale } from '~/i18n/config';
import { resources } from '~/i18n/resources';
import type { MemberInput } from '~/models/household.server';
import { assignmentsOfRound, roundsOfCompetition } from '~/models/jury.server';
import { createLocality, createUser, TEST_PASSWORD, uniqueSuffix } from '../support/factories';
import {
  createApplication,
  createCompetition,
  createHousehold,
} from '../support/programme-factories';
import { wallClock } from '../support/round-scenario';
import { checkPage, expect, test } from './support/fixtures';
import {
  expectNoHorizontalOverflow,
  fill,
  submitSignIn,
  textsIn,
  waitForHydration,
} from './support/journeys';
import { waitForMail } from './support/mailbox';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const en = resources.en;
const r = en.rounds;

/** A text in the plural form its count needs in `locale`, with its {{values}} filled in. */
function plural(
  locale: Locale,
  texts: object,
  key: string,
  values: Record<string, string | number>,
) {
  const form = new Intl.PluralRules(locale).select(Number(values.count));
  const text = (texts as Record<string, string>)[`${key}_${form}`];
  if (!text) throw new Error(`no text ${key}_${form} in ${locale}`);
  return fill(text, values);
}

/** "72.5": one decimal, as the English pages show points. */
const points = (value: number) =>
  new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    value,
  );

// ---------------------------------------------------------------------------------------------
// The round as staff type it

const CRITERIA = [
  {
    title: { ky: 'Бизнес-идея жана рынок', ru: 'Бизнес-идея и рынок', en: 'Idea and market' },
    description: {
      ky: 'Үй-бүлө эмне сатат жана кимге — түшүнүктүүбү?',
      ru: 'Понятно ли, что семья будет продавать и кому?',
      en: 'Is it clear what the family will sell, and to whom?',
    },
    maxPoints: 10,
    weight: 5,
  },
  {
    title: { ky: 'Бюджет', ru: 'Бюджет', en: 'Budget' },
    description: {
      ky: 'Баалар жана саны акылга сыярлыкпы?',
      ru: 'Разумны ли цены и количество?',
      en: 'Are the prices and quantities reasonable?',
    },
    maxPoints: 5,
    weight: 3,
  },
  {
    title: { ky: 'Үй-бүлөнүн тажрыйбасы', ru: 'Опыт семьи', en: 'The family’s experience' },
    description: {
      ky: 'Үй-бүлө бул ишти мурун кылганбы?',
      ru: 'Занималась ли семья этим раньше?',
      en: 'Has the family done this kind of work before?',
    },
    maxPoints: 10,
    weight: 2,
  },
] as const;

// ---------------------------------------------------------------------------------------------
// The starting point

const APPS = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'B1', 'B2'] as const;
type AppKey = (typeof APPS)[number];
const JURORS = ['aidai', 'elena', 'sara'] as const;
type JurorKey = (typeof JURORS)[number];
/** The three jurors read the three first languages; the criteria below are written in those. */
type JurorLocale = 'ky' | 'ru' | 'en';

/** The family of each application: surnames the jurors can find, in the village A… or B…. */
const FAMILIES: Record<AppKey, { head: string; kelin: string; surname: string; title: string }> = {
  A1: { head: 'Бакыт', kelin: 'Айпери', surname: 'Токтогулов', title: 'Greenhouse tomatoes' },
  A2: { head: 'Нурлан', kelin: 'Жибек', surname: 'Абдыкадыров', title: 'Sewing workshop' },
  A3: { head: 'Эркин', kelin: 'Гүлзат', surname: 'Маматов', title: 'Village bakery' },
  A4: { head: 'Талант', kelin: 'Асель', surname: 'Сыдыков', title: 'Sheep for wool' },
  A5: { head: 'Марат', kelin: 'Бермет', surname: 'Осмонов', title: 'Honey and bees' },
  A6: { head: 'Улан', kelin: 'Назгүл', surname: 'Жумабаев', title: 'Dairy cows' },
  B1: { head: 'Азамат', kelin: 'Чолпон', surname: 'Бекмуратов', title: 'Felt carpets' },
  B2: { head: 'Канат', kelin: 'Айзада', surname: 'Эсенов', title: 'Vegetable shop' },
};

/** The family each juror knows and declares. */
const KNOWS: Record<JurorKey, AppKey> = { aidai: 'A2', elena: 'A3', sara: 'A1' };

/**
 * Points each juror gives (idea of 10, budget of 5, experience of 10): every application has its
 * merit, and Aidai is harsh, Elena lenient, Sara in between. So normalisation changes who is
 * fifth: by the mean A4 (Elena's and Sara's) is ahead of A5 (Aidai's and Sara's); once each
 * juror counts against her own habits, A5 is. And on A1 (always Aidai's and Elena's: Sara knows
 * the family) Aidai gives 7, 3, 7 and Elena 10, 4, 10: totals 67 and 92, a spread of exactly 25,
 * which is not above the threshold of 25 — though floating-point sums make it 25.00000000000003.
 */
const MERIT: Record<AppKey, [number, number, number]> = {
  A1: [9, 4, 8],
  A2: [7, 3, 6],
  A3: [8, 5, 5],
  A4: [5, 2, 6],
  A5: [6, 4, 3],
  A6: [3, 1, 4],
  B1: [8, 3, 9],
  B2: [5, 2, 2],
};
const HABIT: Record<JurorKey, [number, number, number]> = {
  aidai: [-2, -1, -2],
  elena: [1, 0, 1],
  sara: [0, 0, 0],
};
const OWN_MIND: Partial<Record<JurorKey, Partial<Record<AppKey, [number, number, number]>>>> = {
  aidai: { A1: [7, 3, 7] },
};
function pointsOf(juror: JurorKey, key: AppKey): [number, number, number] {
  const own = OWN_MIND[juror]?.[key];
  if (own) return own;
  return MERIT[key].map((p, i) =>
    Math.min(CRITERIA[i]!.maxPoints, Math.max(0, p + HABIT[juror][i]!)),
  ) as [number, number, number];
}

type World = {
  suffix: string;
  competitionId: number;
  staff: User;
  jurors: Record<JurorKey, User>;
  locales: Record<JurorKey, JurorLocale>;
  apps: Record<AppKey, { id: number; reference: string; submittedAt: Date }>;
  small: { nameEn: string };
};

async function world(): Promise<World> {
  const suffix = uniqueSuffix();
  const north = createLocality(`ak-say-${suffix}`);
  const south = createLocality(`kara-suu-${suffix}`);
  const competition = createCompetition({
    localityIds: [north.id, south.id],
    status: 'screening',
    titleEn: `Family business grants ${suffix}`,
    titleRu: `Гранты для семейного бизнеса ${suffix}`,
    titleKy: `Үй-бүлөлүк бизнеске гранттар ${suffix}`,
    referencePrefix: 'RJ',
  });
  const facilitator = await createUser({ roles: ['facilitator'] });
  const staff = await createUser({ roles: ['staff'], locale: 'en', name: `Staff ${suffix}` });
  const locales: Record<JurorKey, JurorLocale> = { aidai: 'ky', elena: 'ru', sara: 'en' };
  const names: Record<JurorKey, string> = {
    aidai: `Айдай Касымова ${suffix}`,
    elena: `Елена Воронцова ${suffix}`,
    sara: `Sara Ibraimova ${suffix}`,
  };
  const jurors = {} as Record<JurorKey, User>;
  for (const key of JURORS) {
    jurors[key] = await createUser({
      roles: ['juror'],
      locale: locales[key],
      name: names[key],
      email: `juror-${key}-${suffix}@test.example`,
      // Sara lives in the small village: she must never score its two families.
      localityId: key === 'sara' ? south.id : null,
    });
  }
  const apps = {} as World['apps'];
  const start = Date.now() - 30 * DAY;
  APPS.forEach((key, index) => {
    const family = FAMILIES[key];
    const members: MemberInput[] = [
      {
        firstName: family.head,
        lastName: family.surname,
        sex: 'male',
        birthYear: 1970,
        relation: 'head',
      },
      {
        firstName: family.kelin,
        lastName: `${family.surname}а`,
        sex: 'female',
        birthYear: 1996,
        relation: 'daughter-in-law',
      },
    ];
    const { household, members: saved } = createHousehold({
      localityId: key.startsWith('A') ? north.id : south.id,
      members,
    });
    const reference = `RJ-${suffix}-${String(index + 1).padStart(4, '0')}`;
    const submittedAt = new Date(start + index * DAY);
    const application = createApplication({
      competition,
      household,
      members: saved,
      enteredBy: facilitator,
      status: 'eligible',
      reference,
      title: family.title,
      submittedAt,
    });
    apps[key] = { id: application.id, reference, submittedAt };
  });
  return {
    suffix,
    competitionId: competition.id,
    staff,
    jurors,
    locales,
    apps,
    small: { nameEn: south.nameEn! },
  };
}

// ---------------------------------------------------------------------------------------------
// The ranking by hand (DESIGN.md "Jury", and the method the ranking page states)

type Entry = { juror: JurorKey; key: AppKey; points: [number, number, number] };

type Expected = {
  key: AppKey;
  totals: Partial<Record<JurorKey, number>>;
  mean: number;
  normalised: number;
  spread: number;
  criterionMeans: number[];
};

/**
 * Each juror's total out of 100 = Σ weight × points ÷ maximum, over Σ weight; the mean of an
 * application's totals; the normalised score = centre + perSd × the mean of its jurors'
 * z-scores (each juror's totals against her own mean and population deviation), in 0–100.
 */
function handRanking(
  entries: Entry[],
  mapping: { centre: number; perSd: number },
): Record<AppKey, Expected> {
  const weights = CRITERIA.reduce((sum, c) => sum + c.weight, 0);
  // In whole numbers first (100 ÷ each maximum is whole here), so that a total is exact.
  const total = (p: number[]) =>
    CRITERIA.reduce((sum, c, i) => sum + (c.weight * p[i]! * 100) / c.maxPoints, 0) / weights;
  const stats = new Map<JurorKey, { mean: number; sd: number }>();
  for (const juror of JURORS) {
    const list = entries.filter((e) => e.juror === juror).map((e) => total(e.points));
    const mean = list.reduce((s, v) => s + v, 0) / list.length;
    const sd = Math.sqrt(list.reduce((s, v) => s + (v - mean) ** 2, 0) / list.length);
    stats.set(juror, { mean, sd });
  }
  const result = {} as Record<AppKey, Expected>;
  for (const key of APPS) {
    const mine = entries.filter((e) => e.key === key);
    const totals = Object.fromEntries(mine.map((e) => [e.juror, total(e.points)])) as Partial<
      Record<JurorKey, number>
    >;
    const values = Object.values(totals);
    const zs = mine.map((e) => {
      const s = stats.get(e.juror)!;
      return s.sd === 0 ? 0 : (total(e.points) - s.mean) / s.sd;
    });
    const meanZ = zs.reduce((s, v) => s + v, 0) / zs.length;
    result[key] = {
      key,
      totals,
      mean: values.reduce((s, v) => s + v, 0) / values.length,
      normalised: Math.min(100, Math.max(0, mapping.centre + mapping.perSd * meanZ)),
      spread: Math.max(...values) - Math.min(...values),
      criterionMeans: CRITERIA.map(
        (_, i) => mine.reduce((s, e) => s + e.points[i]!, 0) / mine.length,
      ),
    };
  }
  return result;
}

/** Higher score first; ties: higher mean on the heaviest criterion, then earlier submission. */
function handOrder(
  expected: Record<AppKey, Expected>,
  by: 'mean' | 'normalised',
  w: World,
): AppKey[] {
  const heaviest = CRITERIA.findIndex(
    (c) => c.weight === Math.max(...CRITERIA.map((x) => x.weight)),
  );
  const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;
  return [...APPS].sort((a, b) => {
    const x = expected[a];
    const y = expected[b];
    if (!close(x[by], y[by])) return y[by] - x[by];
    if (!close(x.criterionMeans[heaviest]!, y.criterionMeans[heaviest]!))
      return y.criterionMeans[heaviest]! - x.criterionMeans[heaviest]!;
    return w.apps[a].submittedAt.getTime() - w.apps[b].submittedAt.getTime();
  });
}

/** The mapping's two numbers, read from the sentence the ranking page shows. */
async function mappingOnPage(page: Page) {
  const sentence = await page.locator('#normalisation-mapping').innerText();
  const pattern = new RegExp(
    r.ranking.methodNormalised
      .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
      .replace('{{centre}}', '(\\d+(?:\\.\\d+)?)')
      .replace('{{perSd}}', '(\\d+(?:\\.\\d+)?)'),
  );
  const match = pattern.exec(sentence);
  if (!match) throw new Error(`the mapping is not stated: ${sentence}`);
  return { centre: Number(match[1]), perSd: Number(match[2]) };
}

// ---------------------------------------------------------------------------------------------
// Page helpers

/** A juror's browser: she opens her jury work and signs in with her password on the way. */
async function jurorSignsIn(
  newBrowserPage: (options?: BrowserContextOptions) => Promise<Page>,
  juror: User,
  locale: Locale,
  viewport?: { width: number; height: number },
) {
  const tag = { ky: 'ky-KG', ru: 'ru-RU', en: 'en-GB', kk: 'kk-KZ', uz: 'uz-Cyrl-UZ' }[locale];
  const page = await newBrowserPage({ locale: tag, ...(viewport ? { viewport } : {}) });
  await page.goto('/jury');
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fjury$/);
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    textsIn(locale).auth.signIn.title,
  );
  await checkPage(page);
  await waitForHydration(page);
  await submitSignIn(page, locale, { identifier: juror.email!, password: TEST_PASSWORD });
  await expect(page).toHaveURL('/jury');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    textsIn(locale).jury.queue.title,
  );
  return page;
}

function scoringCriterion(page: Page, locale: Locale, number: number) {
  const s = textsIn(locale).jury.scoring;
  return page.getByRole('group', { name: new RegExp(`^${fill(s.criterion, { number })}:`) });
}

async function choosePoints(page: Page, locale: Locale, index: number, value: number) {
  const s = textsIn(locale).jury.scoring;
  await scoringCriterion(page, locale, index + 1)
    .getByRole('group', { name: fill(s.points, { max: CRITERIA[index]!.maxPoints }), exact: true })
    .getByRole('radio', { name: String(value), exact: true })
    .check();
}

function queueLink(
  page: Page,
  locale: Locale,
  action: 'start' | 'continue' | 'view',
  reference: string,
) {
  const q = textsIn(locale).jury.queue;
  return page.getByRole('link', {
    name: fill(q.openApplication, { action: q[action], reference }),
    exact: true,
  });
}

// ---------------------------------------------------------------------------------------------

test('staff set up a round, three jurors declare and score in three languages, staff close it, check the ranking by hand and advance the top five', async ({
  page,
  signInAs,
  newBrowserPage,
}) => {
  test.setTimeout(600_000);
  const w = await world();
  const { jurors, apps } = w;
  const keyOf = new Map(APPS.map((key) => [apps[key].reference, key]));
  const roundName = `Round 1: business ideas ${w.suffix}`;
  await signInAs(w.staff);

  // ---- Staff create the round from the competition's page.
  await page.goto(`/staff/competitions/${w.competitionId}`);
  const roundsSection = page.getByRole('region', { name: r.list.title, exact: true });
  await expect(roundsSection).toContainText(r.list.none);
  await checkPage(page);
  await roundsSection.getByRole('link', { name: r.list.create }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(r.form.newTitle);
  await waitForHydration(page);
  await page.getByLabel(fill(r.form.nameIn, { language: r.languages.en })).fill(roundName);
  await page.getByRole('button', { name: r.form.addCriterion }).click();
  await page.getByRole('button', { name: r.form.addCriterion }).click();
  for (const [index, c] of CRITERIA.entries()) {
    const row = page.getByRole('group', {
      name: fill(r.criteria.number, { number: index + 1 }),
      exact: true,
    });
    for (const language of ['ky', 'ru', 'en'] as const) {
      const name = r.languages[language];
      await row.getByLabel(fill(r.form.criterionTitle, { language: name })).fill(c.title[language]);
      await row
        .getByLabel(fill(r.form.criterionDescription, { language: name }))
        .fill(c.description[language]);
    }
    await row.getByLabel(r.form.maxPoints).fill(String(c.maxPoints));
    await row.getByLabel(r.form.weight, { exact: true }).fill(String(c.weight));
  }
  await page.getByLabel(r.form.jurorsPerApplication).fill('2');
  await expect(page.getByLabel(r.form.isBlind)).toBeChecked();
  await expect(page.getByLabel(r.form.excludeOwnLocality)).toBeChecked();
  // Scoring is open from an hour ago (on the competition's clock) for a week.
  await page.getByLabel(r.form.opensAt).fill(wallClock(Date.now() - HOUR));
  await page.getByLabel(r.form.closesAt).fill(wallClock(Date.now() + 7 * DAY));
  await checkPage(page);
  await page.getByRole('button', { name: r.form.create }).click();
  await expect(page.getByRole('status')).toHaveText(r.done.created);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    fill(r.page.title, { number: 1, name: roundName }),
  );
  const roundUrl = new URL(page.url()).pathname;
  await expect(page.getByText(plural('en', r.page, 'poolFirst', { count: 8 }))).toBeVisible();
  for (const c of CRITERIA) await expect(page.locator('main')).toContainText(c.description.en);
  await checkPage(page);

  // ---- Three jurors, among the accounts with the juror role.
  const jurorGroup = page.getByRole('group', { name: r.jurors.choose });
  for (const key of JURORS) await jurorGroup.getByLabel(new RegExp(`^${jurors[key].name}`)).check();
  await page.getByRole('button', { name: r.jurors.save }).click();
  await expect(page.getByRole('status')).toHaveText(plural('en', r.done, 'jurors', { count: 3 }));
  const jurorTable = page.getByRole('region', { name: r.jurors.caption });
  const jurorRow = (key: JurorKey) =>
    jurorTable.getByRole('row', { name: new RegExp(jurors[key].name) });
  for (const key of JURORS) await expect(jurorRow(key)).toContainText(r.jurors.notYet);
  await expect(jurorRow('sara')).toContainText(w.small.nameEn);
  await checkPage(page);

  // ---- Each juror signs in, in her language, and declares the family she knows.
  const aidaiPage = await jurorSignsIn(newBrowserPage, jurors.aidai, 'ky');
  const elenaPage = await jurorSignsIn(newBrowserPage, jurors.elena, 'ru');
  const phone = { width: 360, height: 740 };
  const saraPage = await jurorSignsIn(newBrowserPage, jurors.sara, 'en', phone);
  const jurorPages: Record<JurorKey, Page> = { aidai: aidaiPage, elena: elenaPage, sara: saraPage };

  const familyBox = (p: Page, key: AppKey) =>
    p.getByRole('checkbox', { name: new RegExp(`${FAMILIES[key].head} ${FAMILIES[key].surname}`) });
  for (const key of JURORS) {
    const locale = w.locales[key];
    const j = textsIn(locale).jury;
    const p = jurorPages[key];
    await expect(p.getByText(j.queue.conflictsTodo)).toBeVisible();
    await checkPage(p);
    await p.getByRole('link', { name: j.queue.declare }).click();
    await expect(p.getByRole('heading', { level: 1 })).toHaveText(j.conflicts.title);
    await expect(p.getByText(plural(locale, j.conflicts, 'count', { count: 8 }))).toBeVisible();
    // Names and villages only: the ideas are not on the list.
    const listed = await p.locator('main').innerText();
    expect(APPS.filter((a) => listed.includes(FAMILIES[a].title))).toEqual([]);
    await checkPage(p);
    const known = KNOWS[key];
    if (key === 'aidai') {
      // She looks the family up by its surname.
      await p.getByLabel(j.conflicts.search, { exact: true }).fill(FAMILIES[known].surname);
      await p.getByRole('button', { name: j.conflicts.searchButton, exact: true }).click();
      await expect(p.getByRole('checkbox')).toHaveCount(1);
    }
    await familyBox(p, known).check();
    await p.getByRole('button', { name: j.conflicts.save, exact: true }).click();
    await expect(p.getByRole('status')).toHaveText(
      plural(locale, j.conflicts, 'saved', { count: 1 }),
    );
    await expect(familyBox(p, known)).toBeChecked();
    if (key === 'sara') await expectNoHorizontalOverflow(p);
    await checkPage(p);
    await p.getByRole('link', { name: j.conflicts.back }).click();
    await expect(p.getByText(j.queue.waiting)).toBeVisible();
  }

  // ---- Staff see the declarations, assign and open the round.
  await page.goto(roundUrl);
  for (const key of JURORS) {
    await expect(jurorRow(key)).toContainText(r.jurors.declaredOn);
    await expect(jurorRow(key)).toContainText(plural('en', r.jurors, 'conflicts', { count: 1 }));
  }
  await page.getByRole('button', { name: r.assign.button }).click();
  await expect(page.getByRole('status')).toHaveText(
    plural('en', r.done, 'assigned', { count: 16 }),
  );
  await checkPage(page);
  // Every application has two jurors; nobody has the family she knows, Sara none of her village.
  const assignmentRow = (key: AppKey) =>
    page.locator('table.assignment-table tbody tr', { hasText: apps[key].reference });
  for (const key of APPS) {
    const names = assignmentRow(key).locator('li > strong');
    await expect(names).toHaveCount(2);
    const onIt = await names.allInnerTexts();
    for (const juror of JURORS) {
      if (KNOWS[juror] === key)
        expect(onIt, `${juror} knows ${key}`).not.toContain(jurors[juror].name);
    }
    if (key.startsWith('B')) expect(onIt).not.toContain(jurors.sara.name);
  }
  // Loads differ by at most one.
  const loads: number[] = [];
  for (const key of JURORS) {
    const [assigned] = await jurorRow(key).locator('td.num').allInnerTexts();
    loads.push(Number(assigned));
  }
  expect(loads.reduce((s, v) => s + v, 0)).toBe(16);
  expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);

  await page.getByText(r.running.open, { exact: true }).click();
  await page.getByRole('button', { name: r.running.openButton }).click();
  await expect(page.getByRole('status')).toHaveText(plural('en', r.done, 'opened', { count: 3 }));
  await expect(page.getByText(r.status.open, { exact: true })).toBeVisible();
  await checkPage(page);
  for (const key of JURORS) {
    const locale = w.locales[key];
    const mail = await waitForMail(jurors[key].email!, noticeSubject(locale));
    expect(mail.contentLanguage).toBe(locale);
  }

  // ---- Each juror scores all her applications.
  const entries: Entry[] = [];
  const scoreAll = async (juror: JurorKey, withDraft: boolean) => {
    const locale = w.locales[juror];
    const j = textsIn(locale).jury;
    const p = jurorPages[juror];
    await p.goto('/jury');
    const references = await p.locator('.queue-item .reference').allInnerTexts();
    const mine = references.map((ref) => keyOf.get(ref)!);
    expect(mine.length).toBe(loads[JURORS.indexOf(juror)]);
    // Never the family she declared; Sara never one from her own village.
    expect(mine).not.toContain(KNOWS[juror]);
    if (juror === 'sara') expect(mine.filter((k) => k.startsWith('B'))).toEqual([]);
    await expect(
      p.getByText(fill(j.queue.progress, { submitted: 0, total: mine.length })),
    ).toBeVisible();
    await checkPage(p);
    for (const [index, key] of mine.entries()) {
      const reference = apps[key].reference;
      const given = pointsOf(juror, key);
      await queueLink(p, locale, 'start', reference).click();
      await expect(p.getByRole('heading', { level: 1 })).toHaveText(
        fill(j.scoring.title, { reference }),
      );
      if (index === 0) {
        // The criteria in her language, with what to look for.
        for (const [i, c] of CRITERIA.entries()) {
          await expect(scoringCriterion(p, locale, i + 1)).toContainText(c.title[locale]);
          await expect(scoringCriterion(p, locale, i + 1)).toContainText(c.description[locale]);
        }
        await checkPage(p);
        if (juror === 'sara') await expectNoHorizontalOverflow(p);
      }
      await choosePoints(p, locale, 0, given[0]);
      await choosePoints(p, locale, 1, given[1]);
      await scoringCriterion(p, locale, 1)
        .getByLabel(j.scoring.comment)
        .fill(`${FAMILIES[key].title}: ${given[0]}`);
      if (withDraft && index === 0) {
        // A draft, saved; she goes back to her list and returns to it later.
        await p.getByRole('button', { name: j.scoring.save, exact: true }).click();
        await expect(p.getByRole('status')).toContainText(j.scoring.saved.split('{{')[0]!.trim());
        await checkPage(p);
        await p.getByRole('link', { name: j.scoring.back }).click();
        await expect(
          p.locator('.queue-item', { hasText: reference }).getByText(j.scoreState.draft),
        ).toBeVisible();
        await queueLink(p, locale, 'continue', reference).click();
        await expect(
          scoringCriterion(p, locale, 1).getByRole('radio', {
            name: String(given[0]),
            exact: true,
          }),
        ).toBeChecked();
        await expect(
          scoringCriterion(p, locale, 2).getByRole('radio', {
            name: String(given[1]),
            exact: true,
          }),
        ).toBeChecked();
        await expect(scoringCriterion(p, locale, 1).getByLabel(j.scoring.comment)).toHaveValue(
          `${FAMILIES[key].title}: ${given[0]}`,
        );
      }
      await choosePoints(p, locale, 2, given[2]);
      await p.getByText(j.scoring.submitOpen, { exact: true }).click();
      await p.getByRole('button', { name: j.scoring.submitConfirm, exact: true }).click();
      await expect(p.getByRole('status')).toHaveText(j.scoring.justSubmitted);
      for (const [i, c] of CRITERIA.entries()) {
        await expect(
          p.getByText(fill(j.scoring.pointsOf, { points: given[i]!, max: c.maxPoints })).first(),
        ).toBeVisible();
      }
      if (index === 0) await checkPage(p);
      entries.push({ juror, key, points: given });
      await p.getByRole('link', { name: j.scoring.back }).click();
    }
    await expect(
      p.getByText(fill(j.queue.progress, { submitted: mine.length, total: mine.length })),
    ).toBeVisible();
    if (juror === 'sara') await expectNoHorizontalOverflow(p);
    await checkPage(p);
    return mine.length;
  };

  const aidaiDone = await scoreAll('aidai', false);
  // Staff follow the progress: Aidai is done, the two others have scores pending.
  await page.goto(roundUrl);
  await expect(
    page.getByText(plural('en', r.running, 'progress', { count: 16, submitted: aidaiDone })),
  ).toBeVisible();
  await expect(page.getByText(plural('en', r.running, 'pending', { count: 2 }))).toBeVisible();
  await expect(jurorRow('aidai').locator('td.num')).toHaveText([
    String(aidaiDone),
    String(aidaiDone),
  ]);
  await checkPage(page);

  await scoreAll('elena', true);
  await scoreAll('sara', false);
  expect(entries).toHaveLength(16);

  // ---- Staff see every score in and close the round.
  await page.goto(roundUrl);
  await expect(
    page.getByText(plural('en', r.running, 'progress', { count: 16, submitted: 16 })),
  ).toBeVisible();
  await expect(page.getByText(r.running.nonePending)).toBeVisible();
  for (const key of APPS) {
    await expect(assignmentRow(key)).toContainText(
      plural('en', r.assignment, 'submittedOf', { count: 2, submitted: 2 }),
    );
  }
  await page.getByText(r.running.close, { exact: true }).click();
  await expect(page.getByText(r.running.closeConfirmAll)).toBeVisible();
  await page.getByRole('button', { name: r.running.closeButton }).click();
  await expect(page.getByRole('status')).toHaveText(r.done.closed);
  await checkPage(page);

  // ---- The ranking, against the one computed by hand from the points typed above.
  await page.getByRole('link', { name: r.page.ranking }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    fill(r.ranking.title, { number: 1, name: roundName }),
  );
  await checkPage(page);
  const mapping = await mappingOnPage(page);
  const expected = handRanking(entries, mapping);
  const rankingRows = page.locator('table.ranking-table tbody tr');
  const expectOrder = async (order: AppKey[], by: 'mean' | 'normalised') => {
    await expect(rankingRows).toHaveCount(order.length);
    for (const [index, key] of order.entries()) {
      const row = rankingRows.nth(index);
      const e = expected[key];
      await expect(row.getByRole('rowheader')).toContainText(apps[key].reference);
      // The rank is the cell just before the row's header (after the tick once the round closed).
      await expect(row.locator('td:has(+ th)')).toHaveText(String(index + 1));
      await expect(row).toContainText(points(e[by]));
      for (const [juror, total] of Object.entries(e.totals))
        await expect(row).toContainText(`${jurors[juror as JurorKey].name}: ${points(total)}`);
      await expect(row).toContainText(points(e.spread));
      if (e.spread > 25) await expect(row).toContainText(`⚑ ${r.ranking.discuss}`);
      else await expect(row).not.toContainText(r.ranking.discuss);
    }
  };
  const meanOrder = handOrder(expected, 'mean', w);
  const normalisedOrder = handOrder(expected, 'normalised', w);
  // What the scores were chosen to show (see MERIT): a spread of exactly the threshold, and a
  // different fifth place once normalised.
  expect(expected.A1.spread).toBe(25);
  expect(meanOrder.slice(0, 5)).toContain('A4');
  expect(normalisedOrder.slice(0, 5)).not.toContain('A4');
  await expect(page.getByRole('table', { name: r.ranking.captionMean })).toBeVisible();
  await expectOrder(meanOrder, 'mean');
  // Mean points per criterion.
  const breakdown = page.getByRole('table', { name: r.ranking.breakdownTitle });
  for (const key of APPS) {
    await expect(
      breakdown.getByRole('row', { name: new RegExp(apps[key].reference) }).locator('td'),
    ).toHaveText([String(meanOrder.indexOf(key) + 1), ...expected[key].criterionMeans.map(points)]);
  }

  // Normalisation on: Aidai's harshness and Elena's leniency no longer weigh.
  await page.getByRole('button', { name: r.ranking.switchOn }).click();
  await expect(page.getByRole('status')).toHaveText(r.ranking.done['normalised-on']);
  await expect(page.getByRole('table', { name: r.ranking.captionNormalised })).toBeVisible();
  await expectOrder(normalisedOrder, 'normalised');
  await checkPage(page);

  // ---- The top five advance: exactly they are marked, shortlisted, and make up round 2.
  await page.getByLabel(r.ranking.topN).fill('5');
  await page.getByRole('button', { name: r.ranking.advanceTop }).click();
  await expect(page.getByRole('status')).toHaveText(
    plural('en', r.ranking.done, 'advanced', { count: 5 }),
  );
  await checkPage(page);
  const top = normalisedOrder.slice(0, 5);
  for (const [index, key] of normalisedOrder.entries()) {
    const row = rankingRows.nth(index);
    await expect(row.getByRole('rowheader')).toContainText(apps[key].reference);
    if (top.includes(key)) {
      await expect(row).toContainText(r.ranking.advanced);
      await expect(row).toContainText(en.common.applicationStatuses.shortlisted);
    } else {
      await expect(row).not.toContainText(r.ranking.advanced);
      await expect(row).not.toContainText(en.common.applicationStatuses.shortlisted);
    }
  }

  await page.goto(`/staff/competitions/${w.competitionId}`);
  const listed = roundsSection.getByRole('row', { name: new RegExp(roundName) });
  await expect(listed).toContainText(r.status.closed);
  await expect(listed).toContainText(
    plural('en', r.list, 'progress', { count: 16, submitted: 16 }),
  );
  await roundsSection.getByRole('link', { name: r.list.create }).click();
  await expect(page.getByText(fill(r.form.poolLater, { number: 2 }))).toBeVisible();
  await waitForHydration(page);
  const secondName = `Round 2: shortlist ${w.suffix}`;
  await page.getByLabel(fill(r.form.nameIn, { language: r.languages.en })).fill(secondName);
  await page
    .getByLabel(fill(r.form.criterionTitle, { language: r.languages.en }))
    .fill('Readiness to start');
  await page.getByLabel(r.form.jurorsPerApplication).fill('1');
  await page.getByRole('button', { name: r.form.create }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    fill(r.page.title, { number: 2, name: secondName }),
  );
  await expect(page.getByText(plural('en', r.page, 'poolLater', { count: 5 }))).toBeVisible();
  await page
    .getByRole('group', { name: r.jurors.choose })
    .getByLabel(new RegExp(`^${jurors.elena.name}`))
    .check();
  await page.getByRole('button', { name: r.jurors.save }).click();
  await expect(page.getByRole('status')).toHaveText(plural('en', r.done, 'jurors', { count: 1 }));
  await checkPage(page);
  // Elena's list of families for round 2 is exactly the five advanced ones.
  const ruJury = textsIn('ru').jury;
  await elenaPage.goto('/jury');
  await expect(elenaPage.getByRole('heading', { level: 2, name: secondName })).toBeVisible();
  await elenaPage.getByRole('link', { name: ruJury.queue.declare }).click();
  await expect(elenaPage.getByRole('heading', { level: 1 })).toHaveText(ruJury.conflicts.title);
  await expect(elenaPage.locator('main')).toContainText(secondName);
  await expect(
    elenaPage.getByText(plural('ru', ruJury.conflicts, 'count', { count: 5 })),
  ).toBeVisible();
  await expect(elenaPage.getByRole('checkbox')).toHaveCount(5);
  for (const key of APPS)
    await expect(familyBox(elenaPage, key)).toHaveCount(top.includes(key) ? 1 : 0);
  await checkPage(elenaPage);

  // What the pages showed is what was stored: no juror was ever given the family she declared.
  const round1 = roundsOfCompetition(w.competitionId).find((x) => x.number === 1)!;
  for (const a of assignmentsOfRound(round1.id)) {
    const juror = JURORS.find((k) => jurors[k].id === a.jurorId)!;
    expect(a.applicationId).not.toBe(apps[KNOWS[juror]].id);
  }
});
