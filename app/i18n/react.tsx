import type { Namespace, TFunction } from 'i18next';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from './config';
import { pluralRules } from './intl-cache';
import type { Resources } from './resources';

/**
 * The pages' translations: a small reader of the one language's texts the page already has,
 * used by every component on the server and in the browser alike (so the two render the same).
 * It does what the texts need of i18next — "ns:key" and dotted keys, the namespaces a component
 * names tried in order, {{value}} interpolation unescaped (React escapes), plurals by count with
 * the language's plural rules (key_one, key_few, …, then key) — without shipping i18next (15 KiB
 * gzipped) to the browser. Server-side code outside React (mail, exports) keeps i18next.
 */
export type Translator = {
  language: Locale;
  exists: (key: string) => boolean;
};

type Bundle = Resources;
type Options = Record<string, unknown> & { count?: number };

function pluralCategory(locale: Locale, count: number): string {
  return pluralRules(locale, undefined).select(count);
}

function lookup(bundle: Bundle, ns: string, key: string): unknown {
  let node: unknown = (bundle as Record<string, unknown>)[ns];
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function split(key: string, namespaces: readonly string[]): [readonly string[], string] {
  const colon = key.indexOf(':');
  return colon === -1 ? [namespaces, key] : [[key.slice(0, colon)], key.slice(colon + 1)];
}

function resolve(
  bundle: Bundle,
  locale: Locale,
  namespaces: readonly string[],
  fullKey: string,
  count: number | undefined,
): string | undefined {
  const [nss, key] = split(fullKey, namespaces);
  for (const ns of nss) {
    if (typeof count === 'number') {
      const plural = lookup(bundle, ns, `${key}_${pluralCategory(locale, count)}`);
      if (typeof plural === 'string') return plural;
    }
    const found = lookup(bundle, ns, key);
    if (typeof found === 'string') return found;
  }
  return undefined;
}

const PLACEHOLDER = /\{\{\s*([^}\s]+)\s*\}\}/g;

export function translate(
  bundle: Bundle,
  locale: Locale,
  namespaces: readonly string[],
  key: string,
  options?: Options,
): string {
  const text = resolve(bundle, locale, namespaces, key, options?.count);
  if (text === undefined) {
    const [nss, bare] = split(key, namespaces);
    console.error(`i18n: missing key ${nss[0]}:${bare} for ${locale}`);
    return bare;
  }
  if (!options || !text.includes('{{')) return text;
  return text.replace(PLACEHOLDER, (_, name: string) => {
    const value = options[name];
    return value === undefined || value === null ? '' : String(value as string | number);
  });
}

type State = { locale: Locale; bundle: Bundle };
type ContextValue = State & { switchTo: (locale: Locale, version: string) => Promise<void> };

const TranslationContext = createContext<ContextValue | null>(null);

export function TranslationProvider({ locale, bundle, children }: State & { children: ReactNode }) {
  const [state, setState] = useState<State>({ locale, bundle });
  // When the page's language changes without a full load (a saved setting), fetch the new
  // language's texts and switch.
  const switchTo = useCallback(async (next: Locale, version: string) => {
    const response = await fetch(`/locales/${next}?v=${encodeURIComponent(version)}`);
    const nextBundle = (await response.json()) as Bundle;
    setState({ locale: next, bundle: nextBundle });
  }, []);
  const value = useMemo(() => ({ ...state, switchTo }), [state, switchTo]);
  return <TranslationContext.Provider value={value}>{children}</TranslationContext.Provider>;
}

export function useTranslation<const N extends Namespace = 'common'>(
  ns?: N,
): {
  t: TFunction<N>;
  i18n: Translator & { switchTo: ContextValue['switchTo'] };
} {
  const context = useContext(TranslationContext);
  if (!context) throw new Error('useTranslation outside TranslationProvider');
  const { locale, bundle, switchTo } = context;
  const key = Array.isArray(ns) ? ns.join(',') : ((ns as string | undefined) ?? 'common');
  return useMemo(() => {
    const namespaces = key.split(',');
    const t = ((k: string, options?: Options) =>
      translate(bundle, locale, namespaces, k, options)) as unknown as TFunction<N>;
    const exists = (k: string) => resolve(bundle, locale, namespaces, k, undefined) !== undefined;
    return { t, i18n: { language: locale, exists, switchTo } };
  }, [bundle, locale, key, switchTo]);
}
