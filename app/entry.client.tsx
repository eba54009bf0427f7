import { RemixBrowser } from '@remix-run/react';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { DEFAULT_LOCALE, localeOfHtmlLang } from '~/i18n/config';
import { TranslationProvider } from '~/i18n/react';
import type { Resources } from '~/i18n/resources';

// The page is already readable (server-rendered); the browser fetches only its own language's
// texts, cached by version, before taking over.
async function hydrate() {
  const html = document.documentElement;
  const locale = localeOfHtmlLang(html.lang) ?? DEFAULT_LOCALE;
  const version = html.dataset.i18nVersion ?? '';
  const response = await fetch(`/locales/${locale}?v=${encodeURIComponent(version)}`);
  const bundle = (await response.json()) as Resources;
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <TranslationProvider locale={locale} bundle={bundle}>
          <RemixBrowser />
        </TranslationProvider>
      </StrictMode>,
    );
  });
}

void hydrate();
