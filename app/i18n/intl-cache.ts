// Intl formatters made once per locale and option set, not per call: building one costs far more
// than using it (a new NumberFormat per number was 39 % of the ranking page's time at 10,000
// rows). Client-safe. The option sets come from code and the competitions' time zones, so the
// caches stay small; a cap keeps them so even if a caller passes something unusual.

const MAX_ENTRIES = 500;

function cached<T, O extends object | undefined>(
  make: (locales: string, options: O) => T,
): (locales: string, options: O) => T {
  const cache = new Map<string, T>();
  // Most callers pass an options object kept in a constant: found by identity, without spelling
  // its key out again on every number of a 10,000-row export.
  const byOptions = new Map<string, WeakMap<object, T>>();
  return (locales, options) => {
    const kept = options === undefined ? undefined : byOptions.get(locales)?.get(options);
    if (kept !== undefined) return kept;
    const made = lookUp(locales, options);
    if (options !== undefined) {
      let forLocale = byOptions.get(locales);
      if (!forLocale) byOptions.set(locales, (forLocale = new WeakMap()));
      forLocale.set(options, made);
    }
    return made;
  };
  function lookUp(locales: string, options: O): T {
    const key = options === undefined ? locales : `${locales}\u0000${JSON.stringify(options)}`;
    let made = cache.get(key);
    if (made === undefined) {
      if (cache.size >= MAX_ENTRIES) cache.clear();
      made = make(locales, options);
      cache.set(key, made);
    }
    return made;
  }
}

export const numberFormat = cached(
  (locales, options: Intl.NumberFormatOptions | undefined) =>
    new Intl.NumberFormat(locales, options),
);

export const dateTimeFormat = cached(
  (locales, options: Intl.DateTimeFormatOptions | undefined) =>
    new Intl.DateTimeFormat(locales, options),
);

export const pluralRules = cached(
  (locales, options: Intl.PluralRulesOptions | undefined) => new Intl.PluralRules(locales, options),
);

export const collatorFor = cached(
  (locales, options: Intl.CollatorOptions | undefined) => new Intl.Collator(locales, options),
);

export const listFormat = cached(
  (locales, options: Intl.ListFormatOptions | undefined) => new Intl.ListFormat(locales, options),
);
