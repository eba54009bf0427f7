// Two more fields wired like those in form-fields.tsx: a multi-line text and a group of radio
// buttons. Same rules: a visible label, the hint and the error tied with aria-describedby, and
// the server's error shown when JavaScript does not run.
import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { get, type FieldValues, type Path } from 'react-hook-form';
import {
  describedBy,
  FieldShell,
  RequiredMark,
  useFieldError,
  type FieldWiring,
} from './form-fields';
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
  required,
  rows = 4,
  ...textarea
}: TextAreaFieldProps<T>) {
  const error = useFieldError(form, name, errorValues);
  const initial = get(form.formState.defaultValues, name) as string | undefined;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      <textarea
        id={id}
        rows={rows}
        defaultValue={initial ?? ''}
        aria-required={required || undefined}
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
  /** Marked "(required)" in words, and its radios required. */
  required?: boolean;
};

/**
 * One choice among a few, all visible (a decision, a rule). A required group's radios are
 * required (the forms do their own checking, so the browser does not stop them); an invalid
 * group's radios each carry aria-invalid.
 */
export function RadioGroup<T extends FieldValues>({
  form,
  name,
  legend,
  hint,
  options,
  required,
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
      <legend>
        {legend}
        {required ? <RequiredMark /> : null}
      </legend>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {options.map((option) => (
        <label key={option.value} className="checkbox" htmlFor={`${id}-${option.value}`}>
          {/* eslint-disable-next-line jsx-a11y/role-supports-aria-props -- aria-invalid is a global state in ARIA 1.2: a screen reader hears which group is unanswered */}
          <input
            id={`${id}-${option.value}`}
            type="radio"
            value={option.value}
            defaultChecked={initial === option.value}
            required={required}
            aria-invalid={error ? true : undefined}
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
