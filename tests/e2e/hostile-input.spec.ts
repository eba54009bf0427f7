// What a stranger sends cannot move a person off the portal or break a page: redirects stay on
// this site, a body that is not a form gets an error page in the person's language, a huge list
// index is refused at once, and uploads answer with a field error, never a dropped connection.
import { createApplication } from '../support/programme-factories';
import { createUser } from '../support/factories';
import { TINY_PNG, button, familyWithOpenCompetition } from './support/application-journey';
import { expect, test } from './support/fixtures';
import { textsIn } from './support/journeys';

test('a signed-in person sent to a crafted redirect stays on the portal', async ({
  page,
  signInAs,
  baseURL,
}) => {
  const person = await createUser({ roles: ['staff'], locale: 'en' });
  await signInAs(person);
  const origin = new URL(baseURL!).origin;
  for (const target of [
    '/%09/evil.example/x',
    '/%0a/evil.example/x',
    '//evil.example/x',
    '/\\evil.example/x',
    '/%5Cevil.example',
    'https://evil.example/',
  ]) {
    const response = await page.goto(`/login?redirectTo=${target}`);
    expect(response?.status(), target).toBeLessThan(400);
    expect(new URL(page.url()).origin, target).toBe(origin);
  }
  // A path of the portal is kept.
  await page.goto(`/login?redirectTo=${encodeURIComponent('/staff/applications')}`);
  await expect(page).toHaveURL('/staff/applications');
});

test('a body that is not a form gets a 4xx page in the reader’s language', async ({
  playwright,
  baseURL,
}) => {
  const ru = textsIn('ru');
  const ky = textsIn('ky');
  const context = await playwright.request.newContext({ baseURL, maxRedirects: 0 });
  const cases = [
    { type: 'application/json', body: '{"identifier":"a"}', lang: 'ru', texts: ru, status: 415 },
    { type: 'text/plain', body: 'identifier=a', lang: 'ky', texts: ky, status: 415 },
    { type: 'multipart/form-data', body: '--x--', lang: 'ru', texts: ru, status: 400 },
  ];
  for (const { type, body, lang, texts, status } of cases) {
    const response = await context.post('/login', {
      headers: { 'Content-Type': type, 'Accept-Language': lang },
      data: body,
    });
    expect(response.status(), type).toBe(status);
    const html = await response.text();
    expect(html).toContain(`lang="${lang}"`);
    expect(html).toContain(texts.errors.page.badRequest.title);
  }
  // A list index past any form's rows is refused before anything is built.
  const huge = await context.post('/login', {
    form: { identifier: 'a@b.kg', 'members.99999999.firstName': 'x' },
  });
  expect(huge.status()).toBe(400);
  await context.dispose();
});

test('an empty file gets a field error in Kyrgyz; a download says nosniff once', async ({
  page,
  signInAs,
}) => {
  const a = textsIn('ky').applications;
  const family = await familyWithOpenCompetition({ locale: 'ky' });
  const application = createApplication({
    competition: family.competition,
    household: family.household,
    members: family.members,
    enteredBy: family.user,
  });
  await signInAs(family.user);
  await page.goto(`/applications/${application.id}/edit/documents`);

  // A form post as a browser without JavaScript sends it, with a file of no bytes.
  const empty = await page.request.post(`/applications/${application.id}/edit/documents`, {
    multipart: {
      intent: 'upload',
      kind: 'price-quote',
      file: { name: 'бош.png', mimeType: 'image/png', buffer: Buffer.alloc(0) },
    },
  });
  expect(empty.status()).toBe(400);
  expect(await empty.text()).toContain(a.errors.empty);

  await page.getByLabel(a.documents.kind, { exact: true }).selectOption('price-quote');
  await page.getByLabel(a.documents.file, { exact: true }).setInputFiles({
    name: 'баалар.png',
    mimeType: 'image/png',
    buffer: TINY_PNG,
  });
  await button(page, a.documents.upload).click();
  const link = page.getByRole('link', { name: 'баалар.png' });
  await expect(link).toBeVisible();
  const response = await page.request.get((await link.getAttribute('href'))!);
  expect(response.status()).toBe(200);
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
});
