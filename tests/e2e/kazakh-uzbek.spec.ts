// Kazakh and Uzbek as the families and staff of issue 17 meet them: a family applies in Kazakh
// on a 360 px phone and a winner of a Kazakhstan competition reads her result in Kazakh (e-mail
// too); staff who never chose a language see a Kazakhstan competition's pages in Kazakh; Uzbek
// pages hold no raw key and no Kyrgyz or Russian left over; the phone's language menu works
// without JavaScript.
//
// Until the translators' kk/uz files replace the placeholders (copies of the Kyrgyz files), the
// Uzbek leftovers test fails by design: the placeholder pages ARE Kyrgyz.
import type { Page } from '@playwright/test';
import { HTML_LANG, LOCALE_NATIVE_NAMES, NAMESPACES } from '~/i18n/config';
import { formatMoney } from '~/i18n/format';
import { findCompetition } from '~/models/competition.server';
import { resources } from '~/i18n/resources';
import { createLocality, createUser, uniqueSuffix } from '../support/factories';
import { noticeSubject } from '../support/notice-subject';
import {
  createApplication,
  createCompetition,
  createHousehold,
} from '../support/programme-factories';
import { sessionCookieFor } from '../support/jury-factories';
import { AWARDS, resultsWorld } from '../support/results-scenario';
import {
  applyThroughEveryStep,
  familyWithOpenCompetition,
  fillBudgetRow,
  uniquePrefix,
} from './support/application-journey';
import { checkPage, expect, test } from './support/fixtures';
import {
  checkPageWithoutJavaScript,
  expectNoHorizontalOverflow,
  fill,
  switchLanguage,
  textsIn,
  uniqueEmail,
  waitForHydration,
} from './support/journeys';
import { waitForMail } from './support/mailbox';

const PHONE = { width: 360, height: 740 };
const tenge = (amount: number) => formatMoney(amount * 100, 'KZT', 'kk');

/** A Kazakhstan competition's terms: tenge, Almaty time, Kazakh for whoever never chose. */
function kazakhCompetition(suffix: string) {
  return {
    currency: 'KZT' as const,
    defaultLocale: 'kk' as const,
    timezone: 'Asia/Almaty',
    titleKk: `Мөлдір ${suffix}: отбасылық кәсіпке шағын гранттар`,
    titleRu: `Мөлдір ${suffix}: малые гранты для семейного дела`,
    titleKy: null,
    budgetTotal: 5_000_000_00,
    minGrant: 100_000_00,
    maxGrant: 500_000_00,
  };
}

async function signInOn(page: Page, baseURL: string, user: { id: number }) {
  const [name, ...value] = (await sessionCookieFor(user)).split('=');
  await page.context().addCookies([{ name: name!, value: value.join('='), url: baseURL }]);
}

test.describe('on a 360 px phone', () => {
  test.use({ viewport: PHONE });

  test('a family applies in Kazakh through every step; her confirmation arrives in Kazakh', async ({
    page,
    signInAs,
  }) => {
    test.slow();
    const kk = textsIn('kk');
    const a = kk.applications;
    const suffix = uniqueSuffix();
    const family = await familyWithOpenCompetition({ competition: kazakhCompetition(suffix) });
    const title = family.competition.titleKk!;
    await signInAs(family.user);

    // She never chose a language: the competition's page speaks its own, Kazakh.
    await page.goto(`/competitions/${family.competition.id}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.locator('main')).toContainText(
      fill(a.competition.grantRange, { min: tenge(100_000), max: tenge(500_000) }),
    );
    await checkPage(page);
    await expectNoHorizontalOverflow(page);

    // She makes Kazakh her own in the header's language menu: her home page follows.
    await waitForHydration(page);
    await switchLanguage(page, 'kk');
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
    await expect(page.locator('#home-apply')).toHaveText(kk.common.home.applicant.title);
    await checkPage(page);
    await expectNoHorizontalOverflow(page);

    await page.goto(`/competitions/${family.competition.id}`);
    // Every step in Kazakh, the budget and the plan in tenge; her confirmation e-mail too.
    const { mail } = await applyThroughEveryStep(page, family, {
      locale: 'kk',
      currency: 'KZT',
      idea: {
        title: 'Тігін шеберханасы',
        sector: 'sewing',
        description: 'Екі тігін машинасын сатып алып, мектеп формасын тігеміз.',
        market: 'Ауылдағы мектеп пен көршілер.',
        experience: 'Бес жыл үйде тігеміз.',
      },
      budgetRows: () =>
        fillBudgetRow(
          page,
          'kk',
          1,
          { name: 'Тігін машинасы', quantity: '2', unitPrice: '150000' },
          'KZT',
        ),
      ownContribution: '20000',
      total: 300_000,
      requested: 280_000,
      plan: { revenue: '120000', costs: '50000', profit: 70_000, jobs: '2' },
      photo: 'машина.png',
    });
    expect(mail.html).toContain('<html lang="kk">');
  });

  test('a winner of a Kazakhstan competition reads her result and its e-mail in Kazakh', async ({
    page,
    baseURL,
  }) => {
    const kk = textsIn('kk');
    const world = await resultsWorld({
      competition: kazakhCompetition(uniqueSuffix()),
      locales: { A2: 'kk' },
    });
    const { A2 } = world.applications;
    const amount = formatMoney(AWARDS.A2, 'KZT', 'kk');

    const mail = await waitForMail(world.families.A2.email!, noticeSubject('kk', A2.reference));
    expect(mail.text).toContain(amount);
    expect(mail.text).toContain(kk.email.result.awardedNext);

    await signInOn(page, baseURL!, world.families.A2);
    await page.goto(`/applications/${A2.id}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
    const result = page.getByRole('region', { name: kk.results.family.title, exact: true });
    await expect(result).toContainText(kk.results.family.awarded.lead);
    await expect(result).toContainText(amount);
    await expect(page.locator('.badge').first()).toHaveText(kk.common.applicationStatuses.awarded);
    await checkPage(page);
    await expectNoHorizontalOverflow(page);
  });

  test('without JavaScript, the language menu opens and switches; each language named in itself', async ({
    newBrowserPage,
  }) => {
    const page = await newBrowserPage({ javaScriptEnabled: false, viewport: PHONE });
    await page.goto('/login');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    // The row of five buttons is for wide screens; the phone shows one compact menu.
    await expect(page.locator('.language-switcher--row')).toBeHidden();
    const menu = page.locator('details.language-menu');
    await expect(menu).toBeVisible();
    await expect(menu.locator('summary')).toContainText('EN');
    await menu.locator('summary').click();
    for (const [code, name] of Object.entries(LOCALE_NATIVE_NAMES)) {
      const option = menu.getByRole('button', { name, exact: true });
      await expect(option).toBeVisible();
      await expect(option).toHaveAttribute('lang', HTML_LANG[code as keyof typeof HTML_LANG]);
    }
    await checkPageWithoutJavaScript(page);
    await expectNoHorizontalOverflow(page);
    await menu.getByRole('button', { name: 'Ўзбекча', exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'uz-Cyrl');
    await expect(page.locator('details.language-menu summary')).toContainText('UZ');
    await switchLanguage(page, 'kk');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      textsIn('kk').auth.signIn.title,
    );
  });

  test('by keyboard, the language menu opens, offers the languages and closes with Escape', async ({
    page,
  }) => {
    await page.goto('/login');
    await waitForHydration(page);
    const summary = page.locator('details.language-menu summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('details.language-menu')).toHaveAttribute('open', '');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Кыргызча', exact: true })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.locator('details.language-menu')).not.toHaveAttribute('open', '');
    await expect(summary).toBeFocused();
  });
});

test('staff who never chose a language see a Kazakhstan competition in Kazakh; staff who chose keep theirs', async ({
  page,
  newBrowserPage,
  baseURL,
}) => {
  const competition = createCompetition({
    ...kazakhCompetition(uniqueSuffix()),
    referencePrefix: uniquePrefix(),
  });
  const neverChose = await createUser({ roles: ['staff'], locale: 'ky' });
  await signInOn(page, baseURL!, neverChose);
  await page.goto(`/staff/competitions/${competition.id}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(competition.titleKk!);
  await checkPage(page);
  // Pages of no one competition stay in her account's language.
  await page.goto('/staff/competitions');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ky');
  // A donor report asked for in Uzbek names its language as the page does: Cyrillic Uzbek.
  await page.goto(`/staff/competitions/${competition.id}/report?lang=uz`);
  await expect(page.getByTestId('donor-report')).toHaveAttribute('lang', 'uz-Cyrl');
  await expect(page.locator('[lang="uz"]')).toHaveCount(0);

  const choseRussian = await createUser({ roles: ['staff'], locale: 'ru' });
  const other = await newBrowserPage();
  await signInOn(other, baseURL!, choseRussian);
  await other.goto(`/staff/competitions/${competition.id}`);
  await expect(other.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(other.getByRole('heading', { level: 1 })).toHaveText(competition.titleRu!);

  // A visitor who never chose reads its public page in Kazakh too.
  const visitor = await newBrowserPage({ locale: 'ru-RU' });
  await visitor.goto(`/competitions/${competition.id}`);
  await expect(visitor.locator('html')).toHaveAttribute('lang', 'kk');
});

test('staff give a competition its Kazakh and Uzbek titles under "More languages" and make Kazakh its language', async ({
  page,
  signInAs,
}) => {
  const staff = await createUser({ roles: ['staff'], locale: 'ru' });
  const competition = createCompetition({ status: 'draft', referencePrefix: uniquePrefix() });
  await signInAs(staff);
  const form = textsIn('ru').competitions.form;
  await page.goto(`/staff/competitions/${competition.id}`);
  await waitForHydration(page);
  // The two later languages wait under a disclosure, so the form stays short.
  await expect(page.getByLabel(form.titleKk, { exact: true })).toBeHidden();
  await page.locator('summary', { hasText: form.moreLanguages }).click();
  await page.getByLabel(form.titleKk, { exact: true }).fill('Мөлдір: шағын гранттар');
  await page.getByLabel(form.titleUz, { exact: true }).fill('Ишонч: кичик грантлар');
  await page.getByLabel(form.defaultLocale, { exact: true }).selectOption({ label: 'Қазақша' });
  await checkPage(page);
  await page.locator('main').getByRole('button', { name: form.save, exact: true }).click();
  await expect(page.getByRole('status')).toContainText(form.saved);
  // Saved, and shown again: the disclosure open, as it holds texts.
  await expect(page.getByLabel(form.titleKk, { exact: true })).toHaveValue(
    'Мөлдір: шағын гранттар',
  );
  await expect(page.getByLabel(form.defaultLocale, { exact: true })).toHaveValue('kk');
  expect(findCompetition(competition.id)).toMatchObject({
    titleKk: 'Мөлдір: шағын гранттар',
    titleUz: 'Ишонч: кичик грантлар',
    defaultLocale: 'kk',
  });
});

// ---------------------------------------------------------------------------------------------
// Uzbek pages: no raw key, no Kyrgyz or Russian left over.

/** Words of Kyrgyz or Russian that Uzbek never uses (Uzbek: ва, учун, билан, керак, ёки …). */
const FOREIGN_WORDS = [
  // Kyrgyz
  'жана',
  'үчүн',
  'менен',
  'керек',
  'эмес',
  'болот',
  'сиздин',
  'арыз',
  // Russian
  'для',
  'или',
  'что',
  'это',
  'ваш',
  'ваша',
  'вашей',
  'заявка',
  'заявку',
  'семьи',
];

/** The Kyrgyz and Russian interface texts that Uzbek translates differently. */
function foreignTexts(): string[] {
  const out = new Set<string>();
  const walk = (uz: unknown, other: unknown) => {
    if (typeof other === 'string') {
      const plain = other.replace(/\{\{[^}]*\}\}/g, '').trim();
      if (plain.length >= 12 && !other.includes('{{') && other !== uz) out.add(other);
      return;
    }
    if (other && typeof other === 'object')
      for (const [key, child] of Object.entries(other))
        walk((uz as Record<string, unknown> | undefined)?.[key], child);
  };
  for (const namespace of NAMESPACES) {
    walk(resources.uz[namespace], resources.ky[namespace]);
    walk(resources.uz[namespace], resources.ru[namespace]);
  }
  return [...out];
}

/** The page's interface text: what staff or families wrote (marked with `lang`) is left out. */
async function interfaceText(page: Page): Promise<string> {
  return page.locator('body').evaluate((body) => {
    const copy = body.cloneNode(true) as HTMLElement;
    copy
      .querySelectorAll(
        '[lang]:not([lang^="uz"]), script, style, .language-switcher, .language-menu',
      )
      .forEach((node) => node.remove());
    return copy.innerText;
  });
}

async function expectUzbekOnly(page: Page, foreign: string[]) {
  await expect(page.locator('html')).toHaveAttribute('lang', 'uz-Cyrl');
  await checkPage(page);
  const text = await interfaceText(page);
  const words = FOREIGN_WORDS.filter((word) =>
    new RegExp(`(^|[^\\p{L}])${word}([^\\p{L}]|$)`, 'iu').test(text),
  );
  expect(words, `Kyrgyz or Russian words on ${page.url()}`).toEqual([]);
  const texts = foreign.filter((t) => text.includes(t));
  expect(texts, `Kyrgyz or Russian texts on ${page.url()}`).toEqual([]);
}

test('Uzbek pages (home, application steps, a competition, results) hold no raw key and no Kyrgyz or Russian leftovers', async ({
  page,
  signInAs,
  newBrowserPage,
}) => {
  test.slow();
  const foreign = foreignTexts();
  const uz = textsIn('uz');
  const suffix = uniqueSuffix();
  const locality = createLocality();
  const user = await createUser({
    locale: 'uz',
    email: uniqueEmail('uzbek'),
    localityId: locality.id,
    name: 'Дилноза Каримова',
  });
  const { household, members } = createHousehold({
    localityId: locality.id,
    user,
    members: [
      { firstName: 'Рустам', lastName: 'Каримов', sex: 'male', birthYear: 1967, relation: 'head' },
      {
        firstName: 'Дилноза',
        lastName: 'Каримова',
        sex: 'female',
        birthYear: 1997,
        relation: 'daughter-in-law',
      },
    ],
  });
  const competition = createCompetition({
    localityIds: [locality.id],
    referencePrefix: uniquePrefix(),
    titleUz: `Ишонч ${suffix}: оилавий тадбиркорликка кичик грантлар`,
    titleKy: `Сынак ${suffix}`,
  });
  const application = createApplication({
    competition,
    household,
    members,
    enteredBy: user,
    status: 'draft',
    title: 'Нон пиширадиган тандир',
  });
  await signInAs(user);

  await page.setViewportSize(PHONE);
  await page.goto('/');
  await expectUzbekOnly(page, foreign);
  await page.goto(`/competitions/${competition.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(competition.titleUz!);
  await expectUzbekOnly(page, foreign);
  for (const step of ['beneficiary', 'idea', 'budget', 'plan', 'documents', 'review']) {
    await page.goto(`/applications/${application.id}/edit/${step}`);
    await expectUzbekOnly(page, foreign);
  }
  await page.goto(`/applications/${application.id}`);
  await expectUzbekOnly(page, foreign);

  // The public results of an announced competition, read by a visitor who chose Uzbek.
  const world = await resultsWorld({ locales: { A1: 'uz' } });
  const visitor = await newBrowserPage({ viewport: PHONE });
  await visitor.goto('/login');
  await waitForHydration(visitor);
  await switchLanguage(visitor, 'uz');
  await visitor.goto(`/competitions/${world.competition.id}/results`);
  await expect(visitor.getByRole('heading', { level: 1 })).toContainText(
    uz.results.public.title.split('{{')[0]!.trim(),
  );
  await expectUzbekOnly(visitor, foreign);
  await checkPageWithoutJavaScript(visitor);
});
