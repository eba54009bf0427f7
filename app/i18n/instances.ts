import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LOCALE, LOCALES, NAMESPACES, type Locale } from './config';
import type { Resources } from './resources';

/** i18next options shared by server and browser. */
export function createI18nInstance(locale: Locale, bundle: Resources): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: false,
    supportedLngs: [...LOCALES],
    ns: [...NAMESPACES],
    defaultNS: 'common',
    resources: { [locale]: bundle },
    interpolation: { escapeValue: false },
    // Resources are in memory, so init finishes synchronously.
    initImmediate: false,
    returnNull: false,
    // A missing key is a bug; tests turn this console.error into a failure.
    saveMissing: true,
    missingKeyHandler: (lngs, ns, key) => {
      console.error(`i18n: missing key ${ns}:${key} for ${lngs.join(',')}`);
    },
    react: { useSuspense: false },
  });
  return instance;
}

export { DEFAULT_LOCALE };

/**
 * In the browser: when the page's language changes without a full load (a saved setting),
 * fetch the new language's texts and switch.
 */
export async function switchBrowserLanguage(i18nInstance: i18n, locale: Locale, version: string) {
  if (!i18nInstance.hasResourceBundle(locale, 'common')) {
    const response = await fetch(`/locales/${locale}?v=${encodeURIComponent(version)}`);
    const bundle = (await response.json()) as Resources;
    for (const ns of NAMESPACES) i18nInstance.addResourceBundle(locale, ns, bundle[ns], true, true);
  }
  await i18nInstance.changeLanguage(locale);
}
