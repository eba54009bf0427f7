// Families in Ishenim: a facilitator registers a family without internet (with its consent and,
// if it wants, a sign-in by phone), a family describes her own household, and staff import
// households from the ministry's benefit register.
import { createLocality, createUser } from '../support/factories';
import { createHousehold } from '../support/programme-factories';
import { checkPage, expect, test } from './support/fixtures';
import {
  checkPageWithoutJavaScript,
  expectFieldError,
  expectNoHorizontalOverflow,
  fill,
  submitSignIn,
  textsIn,
  uniquePhone,
  waitForHydration,
} from './support/journeys';

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('a facilitator registers a family with its consent and a sign-in; the family signs in', async ({
    page,
    signInAs,
    newBrowserPage,
  }) => {
    test.slow();
    const ky = textsIn('ky');
    const h = ky.households;
    const village = createLocality();
    const facilitator = await createUser({
      roles: ['facilitator'],
      locale: 'ky',
      worksIn: [village.id],
    });
    const phone = uniquePhone();
    await signInAs(facilitator);

    await page.goto('/households');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(h.list.title);
    await checkPage(page);
    await page.getByRole('link', { name: h.list.register }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(h.register.title);
    await waitForHydration(page);
    await checkPage(page);

    // Her only village is chosen for her.
    await expect(page.getByLabel(h.form.locality)).toHaveValue(String(village.id));
    await page.getByLabel(h.form.phone).fill(phone.typed);
    await page.getByLabel(h.form.benefitRegisterNumber).fill(`CHUI-${phone.stored.slice(-6)}`);
    const person = (n: number) =>
      page.getByRole('group', { name: fill(h.form.person, { number: n }) });
    await person(1).getByLabel(h.form.firstName).fill('Бакыт');
    await person(1).getByLabel(h.form.lastName).fill('Беков');
    await person(1).getByLabel(h.form.relation).selectOption('head');
    await person(1).getByLabel(h.form.sex).selectOption('male');
    await person(1).getByLabel(h.form.birthYear).fill('1962');
    await page.getByRole('button', { name: h.form.addPerson }).click();
    await person(2).getByLabel(h.form.firstName).fill('Айгүл');
    await person(2).getByLabel(h.form.lastName).fill('Бекова');
    await person(2).getByLabel(h.form.relation).selectOption('daughter-in-law');
    await person(2).getByLabel(h.form.sex).selectOption('female');
    // A year that is not a year is marked as she leaves the field.
    await person(2).getByLabel(h.form.birthYear).fill('94');
    await person(2).getByLabel(h.form.birthYear).blur();
    await expect(person(2)).toContainText(ky.errors.validation.birthYear);
    await person(2).getByLabel(h.form.birthYear).fill('1994');
    await page.getByLabel(h.consent.givenBy).fill('Айгүл Бекова');
    await page.getByLabel(h.consent.method).selectOption('signed-paper');
    await page.getByLabel(h.register.createAccount).check();
    await page.getByLabel(h.register.accountName).fill('Айгүл Бекова');
    await expectNoHorizontalOverflow(page);
    await page.getByRole('button', { name: h.register.submit }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(h.register.doneTitle);
    const password = (await page.getByTestId('issued-password').innerText()).trim();
    expect(password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    await checkPage(page);
    await page.getByRole('link', { name: h.register.open }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Бакыт Беков');
    await expect(page.locator('main')).toContainText(ky.common.relations['daughter-in-law']);
    await expect(page.getByRole('region', { name: h.consent.title })).toContainText(
      fill(h.detail.consentOnRecord, {
        givenBy: 'Айгүл Бекова',
        method: h.consentMethods['signed-paper'],
        recordedBy: facilitator.name,
      }),
    );
    await expectNoHorizontalOverflow(page);
    await checkPage(page);

    // The family, on her own phone, signs in with the number and the password she was given.
    const familyPage = await newBrowserPage({
      viewport: { width: 360, height: 740 },
      locale: 'ky',
    });
    await familyPage.goto('/login');
    await submitSignIn(familyPage, 'ky', { identifier: phone.typed, password });
    await expect(familyPage).toHaveURL('/');
    await expect(familyPage.getByRole('heading', { level: 1 })).toHaveText(
      fill(ky.common.home.greeting, { name: 'Айгүл Бекова' }),
    );
  });

  test('a family describes her household herself, then continues where she was going', async ({
    page,
    signInAs,
  }) => {
    const ru = textsIn('ru');
    const h = ru.households;
    const village = createLocality();
    const family = await createUser({
      roles: ['applicant'],
      locale: 'ru',
      name: 'Наталья Иванова',
      localityId: village.id,
    });
    await signInAs(family);
    await page.goto('/household?next=/account');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(h.own.title);
    await expect(page.locator('main')).toContainText(h.own.beforeApplying);
    await waitForHydration(page);
    await checkPage(page);
    // Her village and her name are filled in from her account.
    await expect(page.getByLabel(h.form.locality)).toHaveValue(String(village.id));
    const first = page.getByRole('group', { name: fill(h.form.person, { number: 1 }) });
    await expect(first.getByLabel(h.form.firstName)).toHaveValue('Наталья');
    await expect(first.getByLabel(h.form.lastName)).toHaveValue('Иванова');
    await first.getByLabel(h.form.relation).selectOption('daughter-in-law');
    await first.getByLabel(h.form.sex).selectOption('female');
    await first.getByLabel(h.form.birthYear).fill('1990');
    // Benefits need the register number.
    await page.getByLabel(h.form.receivesSocialBenefits).check();
    await page.getByRole('button', { name: h.own.saveAndContinue }).click();
    await expectFieldError(
      page,
      h.form.benefitRegisterNumber,
      ru.errors.validation.registerNumberNeeded,
    );
    await page.getByLabel(h.form.benefitRegisterNumber).fill(`CHUI-${Date.now()}`);
    await page.getByRole('button', { name: h.own.saveAndContinue }).click();
    await expect(page).toHaveURL('/account');
    await page.goto('/household');
    await expect(
      page
        .getByRole('group', { name: fill(h.form.person, { number: 1 }) })
        .getByLabel(h.form.birthYear),
    ).toHaveValue('1990');
    await expectNoHorizontalOverflow(page);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a facilitator adds and removes people and registers a family; a mistake keeps everything typed', async ({
    page,
    signInAs,
    allowHttpErrors,
  }) => {
    test.slow();
    allowHttpErrors(400);
    const ru = textsIn('ru');
    const h = ru.households;
    const village = createLocality();
    const facilitator = await createUser({
      roles: ['facilitator'],
      locale: 'ru',
      worksIn: [village.id],
    });
    await signInAs(facilitator);
    await page.goto('/households/new');
    const person = (n: number) =>
      page.getByRole('group', { name: fill(h.form.person, { number: n }) });
    await person(1).getByLabel(h.form.firstName).fill('Ирина');
    await person(1).getByLabel(h.form.lastName).fill('Петренко');
    await person(1).getByLabel(h.form.relation).selectOption('daughter-in-law');
    await person(1).getByLabel(h.form.sex).selectOption('female');
    await person(1).getByLabel(h.form.birthYear).fill('1993');
    // Without JavaScript, "add a person" sends the form and brings it back with one more row.
    await page.getByRole('button', { name: h.form.addPerson }).click();
    await expect(person(2)).toBeVisible();
    await expect(person(1).getByLabel(h.form.firstName)).toHaveValue('Ирина');
    await page.getByRole('button', { name: h.form.addPerson }).click();
    await expect(person(3)).toBeVisible();
    await page.getByRole('button', { name: fill(h.form.removePerson, { number: 3 }) }).click();
    await expect(person(3)).toHaveCount(0);
    await person(2).getByLabel(h.form.firstName).fill('Дмитрий');
    await person(2).getByLabel(h.form.lastName).fill('Петренко');
    await person(2).getByLabel(h.form.relation).selectOption('son');
    await person(2).getByLabel(h.form.sex).selectOption('male');
    await person(2).getByLabel(h.form.birthYear).fill('1990');
    await page.getByLabel(h.form.benefitRegisterNumber).fill(`CHUI-NJ-${Date.now()}`);
    // Consent is forgotten: the server refuses and shows where, keeping the rest.
    await page.getByRole('button', { name: h.register.submit }).click();
    await expectFieldError(page, h.consent.givenBy, ru.errors.validation.required);
    await expect(person(2).getByLabel(h.form.firstName)).toHaveValue('Дмитрий');
    await checkPageWithoutJavaScript(page);
    await page.getByLabel(h.consent.givenBy).fill('Ирина Петренко');
    await page.getByLabel(h.consent.method).selectOption('spoken-in-presence');
    await page.getByRole('button', { name: h.register.submit }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(h.register.doneTitle);
    await page.getByRole('link', { name: h.register.open }).click();
    await expect(page.locator('main')).toContainText('Дмитрий Петренко');
    await expect(page.locator('main')).toContainText(h.consentMethods['spoken-in-presence']);
  });
});

test('staff import households from the benefit register: problems first, then all at once', async ({
  page,
  signInAs,
  allowHttpErrors,
}) => {
  allowHttpErrors(400);
  const ky = textsIn('ky');
  const h = ky.households;
  const village = createLocality();
  const staff = await createUser({ roles: ['staff'], locale: 'ky' });
  await signInAs(staff);
  const stamp = Date.now();
  const header =
    'register_number;locality;address;phone;first_name;last_name;sex;birth_year;relation';
  const good = [
    `IMP-${stamp}-1;${village.code};Мира 1;;Айгүл;Бекова;аял;1990;head`,
    `IMP-${stamp}-2;${village.nameKy};;;Ольга;Ким;ж;1985;head`,
  ];
  const bad = `IMP-${stamp}-3;${village.code};;;Асель;;female;1988;head`;

  await page.goto('/households/import');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(h.import.title);
  await checkPage(page);
  await page.getByLabel(h.import.file, { exact: true }).setInputFiles({
    name: 'register.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF${[header, ...good, bad].join('\r\n')}\r\n`),
  });
  await page.getByRole('button', { name: h.import.preview }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    fill(h.import.previewTitle, { file: 'register.csv' }),
  );
  await expect(page.locator('main')).toContainText(h.import.problems['name-missing']);
  await expect(page.locator('main')).toContainText(h.import.fixFirst);
  await expect(page.getByRole('button', { name: /импорттоо/ })).toHaveCount(0);
  await checkPage(page);
  await page.getByRole('button', { name: h.import.discard }).click();

  await page.getByLabel(h.import.file, { exact: true }).setInputFiles({
    name: 'register-fixed.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${[header, ...good].join('\n')}\n`),
  });
  await page.getByRole('button', { name: h.import.preview }).click();
  await page.getByRole('button', { name: fill(h.import.commit_other, { count: 2 }) }).click();
  await expect(page.locator('main')).toContainText(fill(h.import.committed_other, { count: 2 }));
  await page.goto(`/households?locality=${village.id}`);
  await expect(page.locator('tbody tr')).toHaveCount(2);
  await expect(page.locator('tbody')).toContainText('Ольга Ким');
  await checkPage(page);
});

test('a facilitator cannot open a family of another village, and a family cannot open the list', async ({
  page,
  signInAs,
  allowHttpErrors,
}) => {
  allowHttpErrors(403, 404);
  const own = createLocality();
  const other = createLocality();
  const facilitator = await createUser({ roles: ['facilitator'], locale: 'en', worksIn: [own.id] });
  const { household } = createHousehold({ localityId: other.id });
  await signInAs(facilitator);
  expect((await page.goto(`/households/${household.id}`))?.status()).toBe(404);
  expect((await page.goto(`/households/${household.id}/edit`))?.status()).toBe(404);
  const family = await createUser({ roles: ['applicant'], locale: 'en' });
  await signInAs(family);
  expect((await page.goto('/households'))?.status()).toBe(403);
  expect((await page.goto(`/households/${household.id}`))?.status()).toBe(403);
});
