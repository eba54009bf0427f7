// Form fields without react-hook-form, for the light pages (the family's phone, a facilitator's
// visit): a native control with its label, hint and the server's error next to it, tied together
// by ids (aria-describedby, aria-invalid). An error is a message key ("validation.required" in
// errors, or "ns:key").
import type { ReactNode } from 'react';
import { useTranslation } from '~/i18n/react';

export function PlainField({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: (describedBy: string | undefined, invalid: true | undefined) => ReactNode;
}) {
  const { t } = useTranslation(['familyReports', 'errors']);
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children(ids.length ? ids.join(' ') : undefined, error ? true : undefined)}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {t(error as 'title')}
        </p>
      ) : null}
    </div>
  );
}

export function ChoiceGroup({
  id,
  legend,
  hint,
  error,
  children,
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation(['familyReports', 'errors']);
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return (
    <fieldset className="field" id={id} aria-describedby={ids.length ? ids.join(' ') : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {t(error as 'title')}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}
