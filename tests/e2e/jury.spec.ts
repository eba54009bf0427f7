// Jurors at work, in their own languages: three jurors declare the families they know (one finds
// a family by searching its name typed in another case), then — the round assigned and opened
// through the services, as staff would — score their applications: a draft, coming back,
// submitting. A Kyrgyz juror does it all without JavaScript on a phone. A blind round's page and
// its data name nobody; another juror's assignment is a 404; after the closing time scoring is
// refused; a juror who steps back is replaced and the application leaves her list.
import type { Locator, Page } from '@playwright/test';
import type { User } from '~db/schema/people';
import type { Locale } from '~/i18n/config';
import type { MemberInput } from '~/models/household.server';
import { writeTransaction } from '~db/client';
import { findApplication } from '~/models/application.server';
import {
  assignmentsOfRound,
  conflictsOfCompetition,
  scoresOfRound,
  updateRoundRow,
} from '~/models/jury.server';
import { createLocality, createUser } from '../support/factories';
import {
  assignAndOpen,
  bishkekLocal,
  familyApplication,
  roundWithJurors,
  sessionCookieFor,
} from '../support/jury-factories';
import { createCompetition } from '../support/programme-factories';
import { checkPage, expect, test } from './support/fixtures';
import {
  checkPageWithoutJavaScript,
  expectNoHorizontalOverflow,
  fill,
  textsIn,
} from './support/journeys';

const DAY = 24 * 3600_000;

type FamilySpec = { members: MemberInput[]; address: string; phone: string; title: string };

function person(
  firstName: string,
  lastName: string,
  relation: MemberInput['relation'],
  sex: MemberInput['sex'],
  birthYear: number,
): MemberInput {
  return { firstName, lastName, relation, sex, birthYear };
}

/** Four families with names, addresses and phones that must never reach a blind round's juror. */
const FAMILIES: FamilySpec[] = [
  {
    members: [
      person('Асылбек', 'Мамбеталиев', 'head', 'male', 1965),
      person('Чынаркүл', 'Мамбеталиева', 'spouse', 'female', 1968),
      person('Айзада', 'Кудайбергенова', 'daughter-in-law', 'female', 1996),
    ],
    address: 'Манас көчөсү 118',
    phone: '+996700318274',
    title: 'Кой багуу',
  },
  {
    members: [
      person('Тимофей', 'Гладышев', 'head', 'male', 1970),
      person('Оксана', 'Гладышева', 'daughter-in-law', 'female', 1993),
    ],
    address: 'ул. Садовая 64',
    phone: '+996555927361',
    title: 'Швейный цех',
  },
  {
    members: [
      person('Бактыгүл', 'Өмүралиева', 'head', 'female', 1959),
      person('Нуриза', 'Жолдошбекова', 'daughter-in-law', 'female', 1999),
    ],
    address: 'Токтогул көчөсү 9',
    phone: '+996777450918',
    title: 'Тандыр нан',
  },
  {
    members: [
      person('Самаркан', 'Шаршенбеков', 'head', 'male', 1972),
      person('Гүлиза', 'Шаршенбекова', 'spouse', 'female', 1975),
    ],
    address: 'Ала-Тоо көчөсү 33',
    phone: '+996501662047',
    title: 'Жашылча дүкөнү',
  },
];

/** Everything a blind round must hide, as it could appear in a page or its data. */
const SECRETS = FAMILIES.flatMap((f) => [
  ...f.members.flatMap((m) => [m.firstName, m.lastName]),
  f.address,
  f.phone,
  f.phone.slice(4),
]);

async function programme(families = FAMILIES) {
  const locality = createLocality();
  const staff = await createUser({ roles: ['staff'] });
  const facilitator = await createUser({ roles: ['facilitator'], name: 'Эльмира Фасилитаторова' });
  const competition = createCompetition({ localityIds: [locality.id], status: 'screening' });
  const applications = families.map((family) =>
    familyApplication({
      competition,
      localityId: locality.id,
      ...family,
      enteredBy: facilitator,
      consentBy: facilitator,
    }),
  );
  return { staff, competition, applications };
}

function juror(locale: Locale, name: string) {
  return createUser({ roles: ['juror'], locale, name });
}

/** Another juror's browser, signed in. */
async function browserOf(
  newBrowserPage: (options?: { viewport?: { width: number; height: number } }) => Promise<Page>,
  baseURL: string,
  user: User,
  viewport?: { width: number; height: number },
): Promise<Page> {
  const page = await newBrowserPage(viewport ? { viewport } : undefined);
  const [name, ...value] = (await sessionCookieFor(user)).split('=');
  await page.context().addCookies([{ name: name!, value: value.join('='), url: baseURL }]);
  return page;
}

function button(page: Page | Locator, name: string) {
  return page.getByRole('button', { name, exact: true });
}

/** A criterion's group on the scoring page, by its number. */
function criterion(page: Page, locale: Locale, number: number) {
  const s = textsIn(locale).jury.scoring;
  return page.getByRole('group', {
    name: new RegExp(`^${fill(s.criterion, { number })}:`),
  });
}

async function choosePoints(
  page: Page,
  locale: Locale,
  number: number,
  max: number,
  points: number,
) {
  const s = textsIn(locale).jury.scoring;
  await criterion(page, locale, number)
    .getByRole('group', { name: fill(s.points, { max }), exact: true })
    .getByRole('radio', { name: String(points), exact: true })
    .check();
}

/** Her queue's link to one application ("Score: TJ-2024-…"). */
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

function referencesOf(roundId: number, jurorId: number, references: Map<number, string>) {
  return assignmentsOfRound(roundId)
    .filter((a) => a.jurorId === jurorId && a.status === 'active')
    .map((a) => ({ assignmentId: a.id, reference: references.get(a.applicationId)! }));
}

/**
 * One juror scores all her applications: the first is saved as a draft, found again in her
 * queue, finished and submitted (after confirming); the others are submitted at once.
 */
async function scoreAll(
  page: Page,
  locale: Locale,
  mine: { assignmentId: number; reference: string }[],
  options: { tryIncomplete?: boolean } = {},
) {
  const j = textsIn(locale).jury;
  await page.goto('/jury');
  await expect(
    page.getByText(fill(j.queue.progress, { submitted: 0, total: mine.length })),
  ).toBeVisible();
  await checkPage(page);
  for (const [index, { assignmentId, reference }] of mine.entries()) {
    await queueLink(page, locale, 'start', reference).click();
    await expect(page).toHaveURL(`/jury/assignments/${assignmentId}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      fill(j.scoring.title, { reference }),
    );
    await checkPage(page);
    await choosePoints(page, locale, 1, 10, 7 - index);
    await criterion(page, locale, 1)
      .getByLabel(j.scoring.comment)
      .fill(`Жакшы идея ${index + 1}`);
    if (index === 0) {
      // Save, go back to the queue, and come back: what she chose is kept.
      await button(page, j.scoring.save).click();
      await expect(page).toHaveURL(`/jury/assignments/${assignmentId}?saved=draft`);
      await expect(page.getByRole('status')).toContainText(j.scoring.saved.split('{{')[0]!.trim());
      await checkPage(page);
      await page.getByRole('link', { name: j.scoring.back }).click();
      await expect(page.getByText(j.scoreState.draft)).toBeVisible();
      await queueLink(page, locale, 'continue', reference).click();
      await expect(
        criterion(page, locale, 1).getByRole('radio', { name: '7', exact: true }),
      ).toBeChecked();
      await expect(criterion(page, locale, 1).getByLabel(j.scoring.comment)).toHaveValue(
        'Жакшы идея 1',
      );
    }
    if (index === 0 && options.tryIncomplete) {
      // Submitting with a criterion unscored is refused at once, naming it.
      await page.getByText(j.scoring.submitOpen, { exact: true }).click();
      await button(page, j.scoring.submitConfirm).click();
      await expect(page.getByRole('alert')).toContainText(j.errors.incomplete);
      await expect(criterion(page, locale, 2)).toContainText(j.errors.pointsMissing);
      // The unscored criterion's radios say so to a screen reader; each comment box is named
      // by its criterion.
      for (const radio of await criterion(page, locale, 2).getByRole('radio').all()) {
        await expect(radio).toHaveAttribute('aria-invalid', 'true');
      }
      await expect(criterion(page, locale, 1).getByRole('radio').first()).not.toHaveAttribute(
        'aria-invalid',
      );
      await expect(criterion(page, locale, 2).getByRole('textbox')).toHaveAccessibleName(
        new RegExp(`^${j.scoring.comment} — \\S`),
      );
      await checkPage(page);
    }
    await choosePoints(page, locale, 2, 5, 4);
    await page.getByLabel(j.scoring.overallComment, { exact: true }).fill('Реалдуу план.');
    if (!(index === 0 && options.tryIncomplete)) {
      await page.getByText(j.scoring.submitOpen, { exact: true }).click();
    }
    await expect(page.getByText(j.scoring.submitWarning)).toBeVisible();
    await button(page, j.scoring.submitConfirm).click();
    await expect(page.getByRole('status')).toHaveText(j.scoring.justSubmitted);
    // Read-only now: her points, no form.
    await expect(
      page.getByText(fill(j.scoring.pointsOf, { points: 7 - index, max: 10 })),
    ).toBeVisible();
    await expect(button(page, j.scoring.save)).toHaveCount(0);
    await checkPage(page);
    await page.getByRole('link', { name: j.scoring.back }).click();
  }
  await expect(
    page.getByText(fill(j.queue.progress, { submitted: mine.length, total: mine.length })),
  ).toBeVisible();
}

test('three jurors declare the families they know, then score in Kyrgyz, Russian and English', async ({
  page,
  signInAs,
  newBrowserPage,
  baseURL,
  allowHttpErrors,
}) => {
  // Three jurors, eight scores, every page checked with axe: longer than one journey.
  test.setTimeout(300_000);
  const { staff, competition, applications } = await programme();
  const aidai = await juror('ky', 'Айдай Касымова');
  const elena = await juror('ru', 'Елена Воронцова');
  const sara = await juror('en', 'Sara Ibraimova');
  const roundId = roundWithJurors({
    staff,
    competition,
    jurors: [aidai, elena, sara],
    input: { jurorsPerApplication: 2 },
  });

  // Kyrgyz: the queue asks her to declare; she knows none of the families.
  const ky = textsIn('ky').jury;
  await signInAs(aidai);
  await page.goto('/');
  await expect(page.getByText(fill(ky.home.declare, { round: 'Round 1' }))).toBeVisible();
  await page.getByRole('link', { name: ky.home.link }).click();
  await expect(page.getByText(ky.queue.conflictsTodo)).toBeVisible();
  await checkPage(page);
  await page.getByRole('link', { name: ky.queue.declare }).click();
  await expect(page).toHaveURL(`/jury/rounds/${roundId}/conflicts`);
  await expect(page.getByText(ky.conflicts.recorded)).toBeVisible();
  await expect(page.getByText(fill(ky.conflicts.count_other, { count: 4 }))).toBeVisible();
  // Names and villages only: no idea, amount or sector.
  const listed = await page.locator('main').innerText();
  expect(listed).toContain('Асылбек Мамбеталиев');
  expect(FAMILIES.filter((f) => listed.includes(f.title))).toEqual([]);
  expect(listed).not.toMatch(/сом/);
  await checkPage(page);
  await button(page, ky.conflicts.none).click();
  await expect(page.getByRole('status')).toHaveText(ky.conflicts.savedNone);
  await checkPage(page);
  await page.getByRole('link', { name: ky.conflicts.back }).click();
  await expect(page.getByRole('link', { name: ky.queue.changeDeclaration })).toBeVisible();
  await expect(page.getByText(ky.queue.waiting)).toBeVisible();

  // Russian: she searches a Kyrgyz surname typed in capitals and marks that family.
  const ru = textsIn('ru').jury;
  const elenaPage = await browserOf(newBrowserPage, baseURL!, elena);
  await elenaPage.goto(`/jury/rounds/${roundId}/conflicts`);
  await expect(elenaPage.getByText(ru.conflicts.notYet)).toBeVisible();
  await elenaPage.getByLabel(ru.conflicts.search, { exact: true }).fill('ӨМҮРАЛИЕВА');
  await button(elenaPage, ru.conflicts.searchButton).click();
  await expect(elenaPage).toHaveURL(/\?q=/);
  await expect(
    elenaPage.getByText(fill(ru.conflicts.found_one, { count: 1, query: 'ӨМҮРАЛИЕВА' })),
  ).toBeVisible();
  await checkPage(elenaPage);
  await elenaPage.getByRole('checkbox', { name: /Бактыгүл Өмүралиева/ }).check();
  await button(elenaPage, ru.conflicts.save).click();
  await expect(elenaPage.getByRole('status')).toHaveText(
    fill(ru.conflicts.saved_one, { count: 1 }),
  );
  await expect(elenaPage.getByRole('checkbox', { name: /Бактыгүл Өмүралиева/ })).toBeChecked();
  await checkPage(elenaPage);
  // All the families again: hers is still ticked.
  await elenaPage.getByRole('link', { name: ru.conflicts.showAll }).click();
  await expect(elenaPage.getByRole('checkbox')).toHaveCount(4);
  await expect(elenaPage.getByRole('checkbox', { name: /Бактыгүл Өмүралиева/ })).toBeChecked();
  const known = applications[2]!.household.id;
  expect(
    conflictsOfCompetition(competition.id)
      .filter((c) => c.jurorId === elena.id)
      .map((c) => c.householdId),
  ).toEqual([known]);

  // English on a 360-px phone: nothing sticks out; she knows none.
  const en = textsIn('en').jury;
  const phone = { width: 360, height: 740 };
  const saraPage = await browserOf(newBrowserPage, baseURL!, sara, phone);
  await saraPage.goto('/jury');
  await saraPage.getByRole('link', { name: en.queue.declare }).click();
  await expectNoHorizontalOverflow(saraPage);
  await checkPage(saraPage);
  await button(saraPage, en.conflicts.none).click();
  await expect(saraPage.getByRole('status')).toHaveText(en.conflicts.savedNone);

  // Staff assign and open the round: Elena never gets the family she knows.
  assignAndOpen(staff, roundId);
  const references = new Map(
    applications.map((a) => [a.applicationId, findApplication(a.applicationId)!.reference!]),
  );
  expect(
    assignmentsOfRound(roundId).some(
      (a) => a.jurorId === elena.id && a.applicationId === applications[2]!.applicationId,
    ),
  ).toBe(false);

  await scoreAll(page, 'ky', referencesOf(roundId, aidai.id, references));
  await scoreAll(elenaPage, 'ru', referencesOf(roundId, elena.id, references));
  allowHttpErrors(400);
  await scoreAll(saraPage, 'en', referencesOf(roundId, sara.id, references), {
    tryIncomplete: true,
  });
  await expectNoHorizontalOverflow(saraPage);
  const scores = scoresOfRound(roundId);
  expect(scores.filter((s) => s.status === 'submitted')).toHaveLength(8);
  // Her home page now shows her progress.
  const done = referencesOf(roundId, aidai.id, references).length;
  await page.goto('/');
  await expect(
    page.getByText(new RegExp(`^Round 1: ${done} арыздан ${done} жөнөтүлдү`)),
  ).toBeVisible();
  await checkPage(page);
});

test.describe('without JavaScript, on a phone', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

  test('a Kyrgyz juror declares, is told what is missing, and submits her score', async ({
    page,
    signInAs,
    allowHttpErrors,
  }) => {
    test.slow();
    const { staff, competition } = await programme(FAMILIES.slice(0, 2));
    const gulnara = await juror('ky', 'Гүлнара Эсенова');
    const roundId = roundWithJurors({ staff, competition, jurors: [gulnara] });
    const j = textsIn('ky').jury;
    await signInAs(gulnara);

    // The search is a plain GET; then she knows none of them.
    await page.goto(`/jury/rounds/${roundId}/conflicts`);
    await page.getByLabel(j.conflicts.search, { exact: true }).fill('гладышев');
    await button(page, j.conflicts.searchButton).click();
    await expect(page.getByRole('checkbox')).toHaveCount(1);
    await checkPageWithoutJavaScript(page);
    await button(page, j.conflicts.none).click();
    await expect(page.getByRole('status')).toHaveText(j.conflicts.savedNone);
    await checkPageWithoutJavaScript(page);

    const [first, second] = assignAndOpen(staff, roundId);
    expect(second).toBeDefined();
    await page.goto('/jury');
    await checkPageWithoutJavaScript(page);
    await expectNoHorizontalOverflow(page);
    await page.goto(`/jury/assignments/${first!.id}`);
    await checkPageWithoutJavaScript(page);
    await expectNoHorizontalOverflow(page);
    // The second criterion has no Kyrgyz title: it shows in Russian, and says so.
    await expect(criterion(page, 'ky', 2)).toContainText('Реалистичность бюджета');
    await expect(criterion(page, 'ky', 2)).toContainText(textsIn('ky').applications.shownIn.ru);

    // A draft with one criterion, kept when she comes back.
    await choosePoints(page, 'ky', 1, 10, 8);
    await criterion(page, 'ky', 1).getByLabel(j.scoring.comment).fill('Рынок бар.');
    await button(page, j.scoring.save).click();
    await expect(page.getByRole('status')).toBeVisible();
    await page.goto(`/jury/assignments/${first!.id}`);
    await expect(
      criterion(page, 'ky', 1).getByRole('radio', { name: '8', exact: true }),
    ).toBeChecked();

    // Submitting with the second criterion unscored is refused, naming it; what she typed stays.
    allowHttpErrors(400);
    await page.getByLabel(j.scoring.overallComment, { exact: true }).fill('Жалпысынан жакшы.');
    await page.getByText(j.scoring.submitOpen, { exact: true }).click();
    await button(page, j.scoring.submitConfirm).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(j.errors.incomplete);
    await expect(alert).toContainText('Реалистичность бюджета');
    await expect(criterion(page, 'ky', 2)).toContainText(j.errors.pointsMissing);
    await expect(page.getByLabel(j.scoring.overallComment, { exact: true })).toHaveValue(
      'Жалпысынан жакшы.',
    );
    await checkPageWithoutJavaScript(page);
    await choosePoints(page, 'ky', 2, 5, 3);
    // The confirmation stays open after the refusal.
    await button(page, j.scoring.submitConfirm).click();
    await expect(page.getByRole('status')).toHaveText(j.scoring.justSubmitted);
    await expect(page.getByText(fill(j.scoring.pointsOf, { points: 8, max: 10 }))).toBeVisible();
    await expect(page.getByText(fill(j.scoring.pointsOf, { points: 3, max: 5 }))).toBeVisible();
    await checkPageWithoutJavaScript(page);
    await expectNoHorizontalOverflow(page);
    await page.goto('/jury');
    await expect(page.getByText(fill(j.queue.progress, { submitted: 1, total: 2 }))).toBeVisible();
  });
});

test('a blind round names nobody; other jurors’ assignments and rounds are not found', async ({
  page,
  signInAs,
  allowHttpErrors,
}) => {
  const { staff, competition, applications } = await programme(FAMILIES.slice(0, 2));
  const nazira = await juror('ru', 'Назира Абдыкадырова');
  const other = await juror('ky', 'Мирлан Осмонов');
  const roundId = roundWithJurors({
    staff,
    competition,
    jurors: [nazira, other],
    declare: [nazira, other],
    open: true,
  });
  const assignments = assignmentsOfRound(roundId);
  const own = assignments.find((a) => a.jurorId === nazira.id)!;
  const others = assignments.find((a) => a.jurorId === other.id)!;
  await signInAs(nazira);

  const response = await page.goto(`/jury/assignments/${own.id}`);
  expect(response!.status()).toBe(200);
  await checkPage(page);
  const html = await page.content();
  const data = await (
    await page.request.get(
      `/jury/assignments/${own.id}?_data=${encodeURIComponent('routes/jury.assignments.$assignmentId')}`,
    )
  ).text();
  const ownTitle =
    FAMILIES[applications.findIndex((a) => a.applicationId === own.applicationId)]!.title;
  // The page is the application's (its idea), and nothing in it or its data names the family.
  expect(html).toContain(ownTitle);
  expect(data).toContain(ownTitle);
  expect(SECRETS.filter((secret) => html.includes(secret))).toEqual([]);
  expect(SECRETS.filter((secret) => data.includes(secret))).toEqual([]);
  expect(html).not.toContain('Эльмира Фасилитаторова');

  allowHttpErrors(404);
  for (const url of [
    `/jury/assignments/${others.id}`,
    '/jury/assignments/987654321',
    `/jury/rounds/${roundWithJurors({ staff, competition, jurors: [other] })}/conflicts`,
  ]) {
    const notFound = await page.goto(url);
    expect(notFound!.status(), url).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      textsIn('ru').errors.page.notFound.title,
    );
  }
  await checkPage(page);
});

test('after the closing time scoring is refused, and what she typed is shown back', async ({
  page,
  signInAs,
  allowHttpErrors,
  baseURL,
}) => {
  const { staff, competition } = await programme(FAMILIES.slice(0, 1));
  const ainura = await juror('en', 'Ainura Toktosunova');
  const now = Date.now();
  const lateRound = roundWithJurors({
    staff,
    competition,
    jurors: [ainura],
    declare: [ainura],
    open: true,
    input: {
      nameKy: 'Closed window',
      opensAt: bishkekLocal(new Date(now - 3 * DAY)),
      closesAt: bishkekLocal(new Date(now - DAY)),
    },
  });
  const [late] = assignmentsOfRound(lateRound);
  const en = textsIn('en').jury;
  await signInAs(ainura);

  // The round's window has passed: the page says so and offers no form.
  await page.goto('/jury');
  await expect(
    page.getByText(/The closing time \(.+\) has passed: scoring is closed\./),
  ).toBeVisible();
  await checkPage(page);
  await page.goto(`/jury/assignments/${late!.id}`);
  await expect(
    page.getByText(/The closing time \(.+\) has passed: scoring is closed\./),
  ).toBeVisible();
  await expect(button(page, en.scoring.save)).toHaveCount(0);
  await checkPage(page);
  // A form posted anyway is refused with the message.
  allowHttpErrors(400);
  const refused = await page.request.post(`/jury/assignments/${late!.id}`, {
    headers: { Origin: baseURL! },
    form: { intent: 'save-draft', overallComment: 'Too late' },
  });
  expect(refused.status()).toBe(400);
  expect(await refused.text()).toContain(en.errors.windowClosed);

  // The page was open while the closing time passed: her save is refused, her words shown back.
  const second = await programme(FAMILIES.slice(1, 2));
  const openRoundId = roundWithJurors({
    staff: second.staff,
    competition: second.competition,
    jurors: [ainura],
    declare: [ainura],
    open: true,
  });
  const [current] = assignmentsOfRound(openRoundId);
  await page.goto(`/jury/assignments/${current!.id}`);
  await choosePoints(page, 'en', 1, 10, 6);
  await page.getByLabel(en.scoring.overallComment, { exact: true }).fill('A sound plan.');
  writeTransaction((tx) =>
    updateRoundRow(tx, openRoundId, { closesAt: new Date(Date.now() - 60_000) }),
  );
  await button(page, en.scoring.save).click();
  await expect(page.getByRole('alert')).toHaveText(en.errors.windowClosed);
  await expect(page.getByText(en.scoring.notSaved)).toBeVisible();
  await expect(page.getByText('A sound plan.')).toBeVisible();
  await checkPage(page);
});

test('a juror who steps back is replaced, and the application leaves her list', async ({
  page,
  signInAs,
  newBrowserPage,
  baseURL,
  allowHttpErrors,
}) => {
  const { staff, competition } = await programme(FAMILIES.slice(0, 2));
  const jurors = [
    await juror('ru', 'Жанара Бейшенова'),
    await juror('ru', 'Руслан Абдраев'),
    await juror('en', 'Dana Kim'),
  ];
  const roundId = roundWithJurors({ staff, competition, jurors, declare: jurors, open: true });
  const [recusing] = assignmentsOfRound(roundId);
  const who = jurors.find((j) => j.id === recusing!.jurorId)!;
  const reference = findApplication(recusing!.applicationId)!.reference!;
  const ru = textsIn('ru').jury;
  await signInAs(who);
  await page.goto('/jury');
  await expect(page.getByText(reference)).toBeVisible();
  await page.goto(`/jury/assignments/${recusing!.id}`);
  await page.getByText(ru.scoring.recuseTitle, { exact: true }).click();
  await expect(page.getByText(ru.scoring.recuseIntro)).toBeVisible();
  // The reason is required, and says so at once.
  await button(page, ru.scoring.recuseConfirm).click();
  await expect(page.locator('#field-reason-error')).toHaveText(
    textsIn('ru').errors.validation.required,
  );
  await checkPage(page);
  await page.getByLabel(ru.scoring.recuseReason, { exact: true }).fill('Это семья моей соседки.');
  await button(page, ru.scoring.recuseConfirm).click();
  await expect(page).toHaveURL('/jury?recused=replaced');
  await expect(page.getByRole('status')).toHaveText(ru.queue.recused);
  await expect(page.getByText(reference)).toHaveCount(0);
  await checkPage(page);

  // The juror with the lightest load has it now; she never knew the family.
  const active = assignmentsOfRound(roundId).filter(
    (a) => a.applicationId === recusing!.applicationId && a.status === 'active',
  );
  expect(active).toHaveLength(1);
  const replacement = jurors.find((j) => j.id === active[0]!.jurorId)!;
  expect(replacement.id).not.toBe(who.id);
  const replacementPage = await browserOf(newBrowserPage, baseURL!, replacement);
  await replacementPage.goto('/jury');
  await expect(replacementPage.getByText(reference)).toBeVisible();
  await checkPage(replacementPage);
  // Her old assignment is closed to her now.
  allowHttpErrors(404);
  expect((await page.goto(`/jury/assignments/${recusing!.id}`))!.status()).toBe(404);
});
