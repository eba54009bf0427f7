import { useTranslation } from '~/i18n/react';
import { formatMoneyBySpec, type MoneyFormatSpec } from '~/i18n/format';
import { HTML_LANG } from '~/i18n/config';
import type { LocalizedText } from '~/i18n/localized-text';

/**
 * Formats minor units as the server would ("150 000,00 сом"), from the spec the loader sent:
 * live totals are computed in the browser, but without its own (possibly missing) Intl data.
 */
export function useMoney(spec: MoneyFormatSpec) {
  return (minorUnits: number) => formatMoneyBySpec(minorUnits, spec);
}

/**
 * A text staff wrote (a competition's title), in the reader's language when it exists; else in
 * another, marked with its language and a visible note.
 */
export function LocalizedString({ value }: { value: LocalizedText | null }) {
  const { t } = useTranslation('applications');
  if (!value) return null;
  if (!value.isFallback) return <>{value.text}</>;
  return (
    <>
      <span lang={HTML_LANG[value.shownIn]}>{value.text}</span>{' '}
      <span className="fallback-note">{t(`shownIn.${value.shownIn}`)}</span>
    </>
  );
}

/** Plain text with its line breaks kept (descriptions, the family's answers). */
export function MultilineText({ value, lang }: { value: string; lang?: string }) {
  return (
    <p className="multiline" lang={lang}>
      {value}
    </p>
  );
}
