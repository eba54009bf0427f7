import { createHash } from 'node:crypto';
import { LOCALES, type Locale } from './config';
import { resources } from './resources';

/** A short hash of each language's texts: the browser caches /locales/<lng> until it changes. */
export const LOCALE_VERSIONS = Object.fromEntries(
  LOCALES.map((locale) => [
    locale,
    createHash('sha256').update(JSON.stringify(resources[locale])).digest('hex').slice(0, 12),
  ]),
) as Record<Locale, string>;
