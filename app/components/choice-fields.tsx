// Two more fields wired like those in form-fields.tsx: a multi-line text and a group of radio
// buttons. Same rules: a visible label, the hint and the error tied with aria-describedby, and
// the server's error shown when JavaScript does not run.
import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { get, type FieldValues, type Path } from 'react-hook-form';
import { describedBy, FieldShell, useFieldError, type FieldWiring } from './form-fields';
import type { ValidatedForm } from './use-validated-form';

type TextAreaFieldProps<T extends FieldValues> = FieldWiring<T> &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'form' | 'defaultValue' | 'id'>;

export function TextAreaField<T extends FieldValues>({
  form,
  name,
  label,
  hint,
  id = `field-${name}`,
  errorValues,
  alsoDescribedBy,
  rows = 4,
  ...textarea
}: TextAreaFieldProps<T>) {
  const error = useFieldError(form, name, errorValues);
  const initial = get(form.formState.defaultValues, name) as string | undefined;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        rows={rows}
        defaultValue={initial ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(
          alsoDescribedBy,
          hint ? `${id}-hint` : undefined,
          error ? `${id}-error` : undefined,
        )}
        {...textarea}
        {...form.register(name)}
      />
    </FieldShell>
  );
}

type RadioGroupProps<T extends FieldValues> = {
  form: ValidatedForm<T>;
  name: Path<T>;
  legend: ReactNode;
  hint?: ReactNode;
  options: { value: string; label: ReactNode }[];
};

/** One choice among a few, all visible (a decision, a rule). */
export function RadioGroup<T extends FieldValues>({
  form,
  name,
  legend,
  hint,
  options,
}: RadioGroupProps<T>) {
  const id = `field-${name}`;
  const error = useFieldError(form, name);
  const initial = get(form.formState.defaultValues, name) as string | undefined;
  return (
    <fieldset
      className="field"
      aria-describedby={describedBy(
        hint ? `${id}-hint` : undefined,
        error ? `${id}-error` : undefined,
      )}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {options.map((option) => (
        <label key={option.value} className="checkbox" htmlFor={`${id}-${option.value}`}>
          <input
            id={`${id}-${option.value}`}
            type="radio"
            value={option.value}
            defaultChecked={initial === option.value}
            {...form.register(name)}
          />
          <span>{option.label}</span>
        </label>
      ))}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
