// A family applies on her phone, in Kyrgyz, step by step; a facilitator applies for a family that
// has no e-mail; the deadline and other families' applications are guarded by the server.
import { eq } from 'drizzle-orm';
import { db } from '~db/client';
import { applicationAttachments, applications } from '~db/schema/applications';
import { addAttachment } from '~/services/applications.server';
import { zonedInstant } from '~/utils/application-display.server';
import { createLocality, createUser } from '../support/factories';
import {
  createApplication,
  createCompetition,
  createHousehold,
} from '../support/programme-factories';
import {
  REFERENCE,
  TINY_PNG,
  applyThroughEveryStep,
  budgetRow,
  button,
  expectStep,
  familyWithOpenCompetition,
  fillBudgetRow,
  som,
  uniquePrefix,
} from './support/application-journey';
import { checkPage, expect, test } from './support/fixtures';
import { expectNoHorizontalOverflow, fill, textsIn, waitForHydration } from './support/journeys';

const DAY = 24 * 60 * 60_000;

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('a family applies in Kyrgyz through every step, and her confirmation arrives in Kyrgyz', async ({
    page,
    signInAs,
    allowHttpErrors,
  }) => {
    test.slow();
    const ky = textsIn('ky');
    const a = ky.applications;
    const family = await familyWithOpenCompetition();
    const title = family.competition.titleKy!;
    await signInAs(family.user);

    // Her home page shows the open competition; she opens the list of competitions.
    await page.goto('/');
    await expect(page.locator('#home-apply')).toHaveText(ky.common.home.applicant.title);
    await expect(page.getByRole('link', { name: title })).toBeVisible();
    await checkPage(page);
    await page.getByRole('link', { name: a.home.allCompetitions, exact: true }).click();
    await expect(page).toHaveURL('/competitions');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(a.competitions.title);
    await checkPage(page);
    await expectNoHorizontalOverflow(page);

    // The competition's page says who may apply and who receives the grant, in plain words.
    await page
      .getByRole('link', { name: a.competitions.more })
      .and(page.locator(`[href="/competitions/${family.competition.id}"]`))
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.locator('main')).toContainText(a.competition.socialBenefits);
    await expect(page.locator('main')).toContainText(a.competition.holderSex.female);
    await expect(page.locator('main')).toContainText(
      fill(a.competition.grantRange, { min: som(50_000), max: som(150_000) }),
    );
    await checkPage(page);
    await expectNoHorizontalOverflow(page);

    const { applicationId, reference } = await applyThroughEveryStep(page, family, {
      locale: 'ky',
      currency: 'KGS',
      // 1. Who receives the grant: only the women of the family may; the men are listed with why.
      onBeneficiary: async () => {
        const notAllowed = page.getByRole('region', { name: a.beneficiary.cannotTitle });
        await expect(notAllowed).toContainText('Бакыт Токтогулов');
        await expect(notAllowed).toContainText(a.beneficiary.notAllowed.sex.female);
        await expect(page.getByRole('radio', { name: /Бакыт/ })).toHaveCount(0);
      },
      idea: {
        title: 'Теплицада помидор',
        sector: 'crop-farming',
        description: 'Теплица куруп, помидор өстүрүп, базарда сатабыз.',
        market: 'Кошуналар жана айылдын базары.',
        experience: 'Беш жыл огород айдайбыз.',
      },
      // 3. The budget: rows come and go without a reload; the totals follow as she types.
      budgetRows: async () => {
        const budgetUrl = page.url();
        const firstRow = budgetRow(page, 'ky', 1);
        await firstRow.getByLabel(a.budget.name, { exact: true }).fill('Теплица');
        // Passing through a field says nothing; leaving it with a wrong number does.
        await firstRow.getByLabel(a.budget.quantity, { exact: true }).focus();
        await firstRow.getByLabel(a.budget.name, { exact: true }).focus();
        await expect(firstRow.locator('.field__error')).toHaveCount(0);
        await firstRow.getByLabel(a.budget.quantity, { exact: true }).fill('0');
        await firstRow.getByLabel(a.budget.name, { exact: true }).focus();
        await expect(firstRow.locator('.field__error')).toHaveText(ky.errors.validation.quantity);
        await fillBudgetRow(page, 'ky', 1, { name: 'Теплица', quantity: '1', unitPrice: '60000' });
        await expect(firstRow.locator('.field__error')).toHaveCount(0);
        await button(page, a.budget.addRow).click();
        await fillBudgetRow(page, 'ky', 2, {
          name: 'Помидордун үрөнү',
          quantity: '10',
          unitPrice: '1 500',
        });
        await button(page, a.budget.addRow).click();
        await fillBudgetRow(page, 'ky', 3, { name: 'Ашыкча', quantity: '1', unitPrice: '90000' });
        const totals = page.locator('.totals');
        await expect(totals).toContainText(som(165_000));
        await expect(totals).toContainText(fill(a.budget.aboveMax, { max: som(150_000) }));
        await button(page, fill(a.budget.removeRow, { number: 3 })).click();
        await expect(budgetRow(page, 'ky', 3)).toHaveCount(0);
        expect(page.url()).toBe(budgetUrl);
      },
      ownContribution: '5000',
      total: 75_000,
      requested: 70_000,
      plan: { revenue: '20000', costs: '8000', profit: 12_000, jobs: '2' },
      // 5. A photo; a "photo" that is really text is refused by its content.
      beforePhoto: async () => {
        // With JavaScript a file over 5 MB is caught before it is sent over a slow connection.
        const tooBig = Buffer.alloc(5 * 1024 * 1024 + 1);
        TINY_PNG.copy(tooBig);
        const posts: string[] = [];
        page.on('request', (request) => {
          if (request.method() === 'POST') posts.push(request.url());
        });
        await page.getByLabel(a.documents.file, { exact: true }).setInputFiles({
          name: 'чоң.png',
          mimeType: 'image/png',
          buffer: tooBig,
        });
        await expect(page.locator('#field-file-error')).toHaveText(a.errors.tooLarge);
        await button(page, a.documents.upload).click();
        await expect(page.locator('#field-file-error')).toHaveText(a.errors.tooLarge);
        expect(posts).toEqual([]);
        allowHttpErrors(400);
        await page.getByLabel(a.documents.file, { exact: true }).setInputFiles({
          name: 'сүрөт.jpg',
          mimeType: 'image/jpeg',
          buffer: Buffer.from('this is not a photo'),
        });
        await button(page, a.documents.upload).click();
        await expect(page.locator('#field-file-error')).toHaveText(a.errors.wrongType);
      },
      photo: 'теплица.png',
    });
    // Her application's page: status in plain words, history, the photo, print.
    await page.getByRole('link', { name: a.submitted.see, exact: true }).click();
    await expect(page).toHaveURL(`/applications/${applicationId}`);
    await expect(page.locator('main')).toContainText(
      textsIn('ky').common.applicationStatuses.submitted,
    );
    await expect(page.locator('main')).toContainText(a.statusHelp.submitted);
    await expect(page.locator('.history li')).toHaveCount(2);
    await expect(page.locator('main')).toContainText(a.page.enteredBySelf);
    await expect(page.getByRole('link', { name: a.page.edit })).toHaveCount(0);
    await checkPage(page);
    await expectNoHorizontalOverflow(page);
    const download = await page.request.get(
      (await page
        .getByRole('link', { name: fill(a.summary.download, { name: 'теплица.png' }) })
        .getAttribute('href'))!,
    );
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('image/png');
    expect(download.headers()['cache-control']).toBe('private, no-store');
    expect(download.headers()['content-disposition']).toMatch(/^attachment; filename="/);
    expect(Buffer.from(await download.body()).equals(TINY_PNG)).toBe(true);

    await page.getByRole('link', { name: a.page.print, exact: true }).click();
    await expect(page).toHaveURL(`/applications/${applicationId}/print`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      fill(a.print.title, { reference }),
    );
    await expect(page.locator('.signatures')).toContainText(a.print.signatureBeneficiary);
    await checkPage(page);

    // She withdraws it, after confirming, with a reason.
    await page.goto(`/applications/${applicationId}`);
    await page.getByText(a.page.withdrawTitle, { exact: true }).click();
    await waitForHydration(page);
    await page.getByLabel(a.page.withdrawReason, { exact: true }).fill('Күйөөм ооруп калды.');
    await button(page, a.page.withdrawConfirm).click();
    await expect(page.getByRole('status')).toHaveText(a.page.withdrawn);
    await expect(page.locator('main')).toContainText(
      textsIn('ky').common.applicationStatuses.withdrawn,
    );
    await expect(page.locator('.history')).toContainText('Күйөөм ооруп калды.');
    await checkPage(page);
  });
});

test('after the deadline, a family cannot send her application and is told why', async ({
  page,
  signInAs,
  allowHttpErrors,
}) => {
  const a = textsIn('ky').applications;
  const now = Date.now();
  // Staff have not moved it on yet: the status still says open, but the deadline has passed.
  const family = await familyWithOpenCompetition({
    competition: { opensAt: new Date(now - 20 * DAY), closesAt: new Date(now - 60_000) },
  });
  const application = createApplication({ ...family, enteredBy: family.user });
  await signInAs(family.user);

  await page.goto(`/competitions/${family.competition.id}`);
  await expect(page.locator('main')).toContainText(a.competition.closedNote);
  await expect(button(page, a.competition.apply)).toHaveCount(0);
  await checkPage(page);

  await page.goto(`/applications/${application.id}/edit/review`);
  await expect(page.locator('main')).toContainText(a.review.complete);
  await checkPage(page);
  allowHttpErrors(400);
  const answer = page.waitForResponse((r) => r.request().method() === 'POST');
  await button(page, a.review.submit).click();
  expect((await answer).status()).toBe(400);
  const closed = zonedInstant(family.competition.closesAt, 'ky', 'Asia/Bishkek').text;
  await expect(page.getByRole('alert')).toHaveText(fill(a.errors.deadlinePassed, { date: closed }));
  await checkPage(page);
  expect(
    db.select().from(applications).where(eq(applications.id, application.id)).get()!.status,
  ).toBe('draft');
});

test('a facilitator applies for a family without e-mail; the application shows who entered it and the consent', async ({
  page,
  signInAs,
}) => {
  test.slow();
  const ru = textsIn('ru');
  const a = ru.applications;
  const locality = createLocality();
  const facilitator = await createUser({
    roles: ['facilitator'],
    locale: 'ru',
    worksIn: [locality.id],
    name: 'Гүлзат Токтогулова',
  });
  const { household } = createHousehold({
    localityId: locality.id,
    registeredBy: facilitator,
    consentBy: facilitator,
  });
  const competition = createCompetition({
    localityIds: [locality.id],
    referencePrefix: uniquePrefix(),
  });
  // A family in another village is not hers to apply for.
  const elsewhere = createLocality();
  createHousehold({ localityId: elsewhere.id, consentBy: facilitator });
  await signInAs(facilitator);

  await page.goto(`/competitions/${competition.id}`);
  const family = page.getByLabel(a.competition.family, { exact: true });
  await expect(family.locator('option')).toHaveCount(2);
  await checkPage(page);
  await family.selectOption({ value: String(household.id) });
  await button(page, a.competition.applyForFamily).click();

  await expect(page).toHaveURL(/\/applications\/\d+\/edit\/beneficiary$/);
  const applicationId = Number(/applications\/(\d+)/.exec(page.url())![1]);
  await expect(page.locator('main')).toContainText(
    fill(a.steps.forFamily, { name: 'Бакыт Токтогулов' }),
  );
  await checkPage(page);
  await waitForHydration(page);
  await page.getByRole('radio', { name: /Айпери/ }).check();
  await button(page, a.steps.saveAndContinue).click();

  await expectStep(page, 'ru', 2, a.steps.names.idea);
  await checkPage(page);
  await waitForHydration(page);
  await page.getByLabel(a.idea.title, { exact: true }).fill('Швейный цех');
  await page.getByLabel(a.idea.sector, { exact: true }).selectOption('sewing');
  await page.getByLabel(a.idea.description, { exact: true }).fill('Шить школьную форму.');
  await page.getByLabel(a.idea.market, { exact: true }).fill('Родители школьников села.');
  await button(page, a.steps.saveAndContinue).click();

  await expectStep(page, 'ru', 3, a.steps.names.budget);
  await checkPage(page);
  await waitForHydration(page);
  await fillBudgetRow(page, 'ru', 1, { name: 'Швейная машина', quantity: '2', unitPrice: '30000' });
  await page
    .getByLabel(fill(a.budget.ownContribution, { currency: 'KGS' }), { exact: true })
    .fill('0');
  await button(page, a.steps.saveAndContinue).click();

  await expectStep(page, 'ru', 4, a.steps.names.plan);
  await checkPage(page);
  await waitForHydration(page);
  await page.getByLabel(fill(a.plan.revenue, { currency: 'KGS' }), { exact: true }).fill('15000');
  await page.getByLabel(fill(a.plan.costs, { currency: 'KGS' }), { exact: true }).fill('5000');
  await page.getByLabel(a.plan.jobs, { exact: true }).fill('1');
  await button(page, a.steps.saveAndContinue).click();

  await expectStep(page, 'ru', 5, a.steps.names.documents);
  await checkPage(page);
  await page.getByRole('link', { name: a.steps.continue, exact: true }).click();
  await expectStep(page, 'ru', 6, a.steps.names.review);
  await checkPage(page);
  await button(page, a.review.submit).click();

  await expect(page).toHaveURL(`/applications/${applicationId}/submitted`);
  await expect(page.locator('.reference-big')).toHaveText(REFERENCE);
  // The family has no e-mail: her facilitator tells her.
  await expect(page.locator('main')).toContainText(a.submitted.noMail);
  await checkPage(page);

  await page.goto(`/applications/${applicationId}`);
  const entered = page.getByRole('region', { name: a.page.enteredTitle });
  await expect(entered).toContainText(
    fill(a.page.enteredByFacilitator, { name: facilitator.name }),
  );
  await expect(entered).toContainText('Айпери Токтогулова');
  await expect(entered).toContainText(a.page.consentMethods['signed-paper']);
  await expect(entered).toContainText(facilitator.name);
  await checkPage(page);

  // Her list of her families' applications has it.
  await page.goto('/applications');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(a.list.titleFacilitator);
  await expect(page.getByRole('link', { name: 'Швейный цех', exact: true })).toBeVisible();
  await checkPage(page);
});

test("family B gets 404 on family A's application and attachment URLs", async ({
  page,
  signInAs,
  allowHttpErrors,
}) => {
  const familyA = await familyWithOpenCompetition();
  const application = createApplication({ ...familyA, enteredBy: familyA.user });
  const added = addAttachment(
    new Request('http://localhost/'),
    { user: familyA.user, roles: ['applicant'], sessionId: 'test' },
    application.id,
    { name: 'теплица.png', bytes: new Uint8Array(TINY_PNG), kind: 'photo' },
  );
  expect(added.ok).toBe(true);
  const attachmentId = db
    .select()
    .from(applicationAttachments)
    .where(eq(applicationAttachments.applicationId, application.id))
    .get()!.id;

  const locality = createLocality();
  const userB = await createUser({ locale: 'ky', localityId: locality.id });
  createHousehold({ localityId: locality.id, user: userB });
  await signInAs(userB);
  allowHttpErrors(404);

  const base = `/applications/${application.id}`;
  for (const url of [
    base,
    `${base}/edit/beneficiary`,
    `${base}/edit/review`,
    `${base}/print`,
    `${base}/submitted`,
    `${base}/attachments/${attachmentId}`,
  ]) {
    const response = await page.request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(404);
  }
  const post = await page.request.post(base, {
    form: { intent: 'withdraw', reason: '' },
    maxRedirects: 0,
  });
  expect(post.status()).toBe(404);
  const upload = await page.request.post(`${base}/edit/documents`, {
    multipart: {
      intent: 'upload',
      kind: 'photo',
      file: { name: 'x.png', mimeType: 'image/png', buffer: TINY_PNG },
    },
    maxRedirects: 0,
  });
  expect(upload.status()).toBe(404);

  // The 404 page itself, as she would see it.
  const shown = await page.goto(`${base}/print`);
  expect(shown?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    textsIn('ky').errors.page.notFound.title,
  );
  await checkPage(page);

  // Family A herself can download it.
  await signInAs(familyA.user);
  const own = await page.request.get(`${base}/attachments/${attachmentId}`);
  expect(own.status()).toBe(200);
  expect(own.headers()['content-type']).toBe('image/png');
});
