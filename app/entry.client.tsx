import { RemixBrowser } from '@remix-run/react';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { DEFAULT_LOCALE, isLocale } from '~/i18n/config';
import { createI18nInstance } from '~/i18n/instances';
import type { Resources } from '~/i18n/resources';

// The page is already readable (server-rendered); the browser fetches only its own language's
// texts, cached by version, before taking over.
async function hydrate() {
  const html = document.documentElement;
  const locale = isLocale(html.lang) ? html.lang : DEFAULT_LOCALE;
  const version = html.dataset.i18nVersion ?? '';
  const response = await fetch(`/locales/${locale}?v=${encodeURIComponent(version)}`);
  const bundle = (await response.json()) as Resources;
  const i18n = createI18nInstance(locale, bundle);
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <RemixBrowser />
        </I18nextProvider>
      </StrictMode>,
    );
  });
}

void hydrate();
