// Which language a page speaks (issue 17): the person's choice first; on a competition's pages,
// that competition's own default language for whoever never chose; then the browser's.
import { beforeAll, describe, expect, test } from 'vitest';
import { findUserById } from '~/models/user.server';
import { changeAccountLocale, updateAccountSettings } from '~/services/accounts.server';
import { getSessionUser } from '~/utils/session.server';
import { detectLocale, localeCookie, rememberAccountLocale } from '~/utils/locale.server';
import type { Competition } from '~db/schema/competitions';
import {
  browserRequest,
  cookieFromSetCookie,
  createLocality,
  createUser,
} from '../support/factories';
import { sessionCookieFor } from '../support/jury-factories';
import {
  createApplication,
  createCompetition,
  createHousehold,
} from '../support/programme-factories';
import { sessionUserOf } from '../support/session-user';

const BASE = 'http://localhost:3999';
let kazakh: Competition;
let kyrgyz: Competition;

beforeAll(() => {
  kazakh = createCompetition({ defaultLocale: 'kk', currency: 'KZT', referencePrefix: 'PLK' });
  kyrgyz = createCompetition({ referencePrefix: 'PLY' });
});

async function pageLocale(path: string, options: { cookie?: string; language?: string } = {}) {
  const request = browserRequest(`${BASE}${path}`, { cookie: options.cookie });
  if (options.language) request.headers.set('Accept-Language', options.language);
  return detectLocale(request, await getSessionUser(request));
}

describe('a visitor', () => {
  test('reads a Kazakhstan competition in Kazakh, whatever her browser asks, until she chooses', async () => {
    expect(await pageLocale(`/competitions/${kazakh.id}`, { language: 'ru-RU' })).toBe('kk');
    expect(await pageLocale(`/competitions/${kazakh.id}/results`)).toBe('kk');
    // Elsewhere, her browser's language.
    expect(await pageLocale(`/competitions/${kyrgyz.id}`, { language: 'ru-RU' })).toBe('ru');
    expect(await pageLocale('/', { language: 'uz-Cyrl-UZ' })).toBe('uz');
    // She chose Russian in the switcher: Russian there too.
    const chosen = cookieFromSetCookie(await localeCookie.serialize('ru'));
    expect(await pageLocale(`/competitions/${kazakh.id}`, { cookie: chosen })).toBe('ru');
  });

  test('a browser that only remembers an account which never chose still reads the competition’s language', async () => {
    const user = await createUser({ locale: 'ky' });
    const kept = cookieFromSetCookie(await rememberAccountLocale(user.id));
    expect(await pageLocale(`/competitions/${kazakh.id}`, { cookie: kept })).toBe('kk');
    expect(await pageLocale('/', { cookie: kept, language: 'en' })).toBe('ky');
  });
});

describe('a signed-in person', () => {
  test('who never chose reads a Kazakhstan competition, her application to it and its staff pages in Kazakh', async () => {
    const family = await createUser({ locale: 'ky' });
    const { household, members } = createHousehold({
      localityId: createLocality().id,
      user: family,
    });
    const application = createApplication({
      competition: kazakh,
      household,
      members,
      enteredBy: family,
    });
    const cookie = await sessionCookieFor(family);
    expect(await pageLocale(`/competitions/${kazakh.id}`, { cookie })).toBe('kk');
    expect(await pageLocale(`/applications/${application.id}/edit/idea`, { cookie })).toBe('kk');
    expect(await pageLocale('/household', { cookie })).toBe('ky');

    const staff = await createUser({ roles: ['staff'], locale: 'ky' });
    const staffCookie = await sessionCookieFor(staff);
    expect(
      await pageLocale(`/staff/competitions/${kazakh.id}/decisions`, { cookie: staffCookie }),
    ).toBe('kk');
    expect(await pageLocale(`/staff/applications/${application.id}`, { cookie: staffCookie })).toBe(
      'kk',
    );
    expect(await pageLocale(`/staff/competitions/${kyrgyz.id}`, { cookie: staffCookie })).toBe(
      'ky',
    );
  });

  test('who chose Kyrgyz in the switcher keeps Kyrgyz there; an account in Russian keeps Russian', async () => {
    const staff = await createUser({ roles: ['staff'], locale: 'ky' });
    const cookie = await sessionCookieFor(staff);
    expect(await pageLocale(`/staff/competitions/${kazakh.id}`, { cookie })).toBe('kk');
    // On that page she picks Kyrgyz: the same language as her account, but now her choice.
    const onPage = await getSessionUser(
      browserRequest(`${BASE}/staff/competitions/${kazakh.id}`, { cookie }),
    );
    expect(onPage!.user.locale).toBe('kk');
    changeAccountLocale(browserRequest(), onPage!, 'ky');
    expect(findUserById(staff.id)!.localeChosenAt).toBeInstanceOf(Date);
    expect(await pageLocale(`/staff/competitions/${kazakh.id}`, { cookie })).toBe('ky');

    const russian = await createUser({ roles: ['staff'], locale: 'ru' });
    const ruCookie = await sessionCookieFor(russian);
    expect(await pageLocale(`/staff/competitions/${kazakh.id}`, { cookie: ruCookie })).toBe('ru');
  });

  test('choosing Kazakh on a page already in Kazakh is kept on her account', async () => {
    const family = await createUser({ locale: 'ky' });
    const cookie = await sessionCookieFor(family);
    const onPage = await getSessionUser(
      browserRequest(`${BASE}/competitions/${kazakh.id}`, { cookie }),
    );
    changeAccountLocale(browserRequest(), onPage!, 'kk');
    expect(findUserById(family.id)!.locale).toBe('kk');
    expect(await pageLocale('/household', { cookie })).toBe('kk');
  });

  test('changing the language on her account page is a choice; saving other settings is not', async () => {
    const family = await createUser({ locale: 'ky', phone: '+996555700001' });
    updateAccountSettings(browserRequest(), sessionUserOf(family), {
      name: 'Айпери',
      phone: '+996555700001',
      locale: 'ky',
      contactByEmail: true,
      contactByPhone: true,
      contactOnlyViaFacilitator: false,
    });
    expect(findUserById(family.id)!.localeChosenAt).toBeNull();
    updateAccountSettings(browserRequest(), sessionUserOf(findUserById(family.id)!), {
      name: 'Айпери',
      phone: '+996555700001',
      locale: 'uz',
      contactByEmail: true,
      contactByPhone: true,
      contactOnlyViaFacilitator: false,
    });
    expect(findUserById(family.id)!.locale).toBe('uz');
    expect(findUserById(family.id)!.localeChosenAt).toBeInstanceOf(Date);
  });
});
