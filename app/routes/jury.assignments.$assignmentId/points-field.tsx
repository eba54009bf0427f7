// A criterion's score: a row of big radio buttons 0…max (a thumb's width each, so a phone can
// tap them and a keyboard moves with the arrows); a select when the scale is long.
import { get, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from '~/i18n/react';
import { useErrorText } from '~/components/form-fields';
import type { ValidatedForm } from '~/components/use-validated-form';

/** Up to this maximum the scale is shown as radio buttons; above, as a select. */
const MAX_RADIOS = 10;

export function PointsField<T extends FieldValues>({
  form,
  name,
  max,
  label,
}: {
  form: ValidatedForm<T>;
  name: Path<T>;
  max: number;
  label: string;
}) {
  const { t } = useTranslation('jury');
  const errorText = useErrorText();
  const clientMessage = (get(form.formState.errors, name) as { message?: string } | undefined)
    ?.message;
  const error = errorText(form.hydrated ? clientMessage : form.serverErrors[name]);
  const id = `field-${name}`;
  const errorId = `${id}-error`;
  const initial = get(form.formState.defaultValues, name) as string | number | null | undefined;
  const current = initial == null ? '' : String(initial);
  const values = Array.from({ length: max + 1 }, (_, points) => String(points));
  const errorLine = error ? (
    <p id={errorId} className="field__error">
      {error}
    </p>
  ) : null;

  if (max > MAX_RADIOS) {
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <select
          id={id}
          defaultValue={current}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          {...form.register(name)}
        >
          <option value="">{t('scoring.notScored')}</option>
          {values.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
        {errorLine}
      </div>
    );
  }
  return (
    <fieldset
      className="score-options"
      aria-describedby={error ? errorId : undefined}
      data-invalid={error ? 'true' : undefined}
    >
      <legend>{label}</legend>
      <div className="score-options__list">
        {values.map((value) => (
          <label key={value} className="score-option" htmlFor={`${id}-${value}`}>
            {/* eslint-disable-next-line jsx-a11y/role-supports-aria-props -- aria-invalid is a global state in ARIA 1.2: a screen reader hears which group is unanswered */}
            <input
              id={`${id}-${value}`}
              type="radio"
              value={value}
              defaultChecked={current === value}
              // An unscored criterion's radios say so to a screen reader, not just by colour.
              aria-invalid={error ? true : undefined}
              {...form.register(name)}
            />
            <span>{value}</span>
          </label>
        ))}
      </div>
      {errorLine}
    </fieldset>
  );
}
