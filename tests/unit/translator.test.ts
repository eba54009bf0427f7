// The pages' small translator (app/i18n/react.tsx) says what i18next says, for every text of
// every language: the same plural form for each count, the same figures filled in, the same
// namespace when a key names one.
import { describe, expect, test } from 'vitest';
import { LOCALES, NAMESPACES } from '~/i18n/config';
import { i18nFor } from '~/i18n/i18n.server';
import { translate } from '~/i18n/react';
import { resources } from '~/i18n/resources';

const PLURAL = /_(zero|one|two|few|many|other)$/;

function leafKeys(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([key, value]) =>
    leafKeys(value, prefix ? `${prefix}.${key}` : key),
  );
}

describe.each(LOCALES)('in %s', (locale) => {
  const bundle = resources[locale];
  const i18n = i18nFor(locale);
  test.each(NAMESPACES)('every text of %s reads as i18next reads it', (ns) => {
    const leaves = leafKeys(bundle[ns]);
    const keys = new Set(leaves.map((key) => key.replace(PLURAL, '')));
    for (const key of keys) {
      // A text only in plural forms is always read with a count.
      const pluralOnly = !leaves.includes(key);
      const text = JSON.stringify(bundle[ns]);
      // Every figure any text of the namespace names, filled in.
      const names = [...text.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)].map((m) => m[1]!);
      const values = Object.fromEntries(names.map((name) => [name, `«${name}»`]));
      for (const count of [undefined, 0, 1, 2, 3, 5, 11, 21, 104]) {
        if (pluralOnly && count === undefined) continue;
        const options = count === undefined ? values : { ...values, count };
        expect(translate(bundle, locale, [ns], key, options), `${ns}:${key} ${count}`).toBe(
          i18n.t(`${ns}:${key}`, options as never),
        );
      }
      if (!pluralOnly)
        expect(translate(bundle, locale, ['common'], `${ns}:${key}`, values)).toBe(
          i18n.t(`${ns}:${key}`, values as never),
        );
    }
  });
});
