import i18next, { type i18n } from 'i18next';
import { DEFAULT_LOCALE, LOCALES, NAMESPACES, type Locale } from './config';
import type { Resources } from './resources';

/** The server's i18next (mail, exports, services); pages read texts through ./react.tsx. */
export function createI18nInstance(locale: Locale, bundle: Resources): i18n {
  const instance = i18next.createInstance();
  void instance.init({
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
  });
  return instance;
}

export { DEFAULT_LOCALE };
