// Two more fields wired like those in form-fields.tsx: a multi-line text and a group of radio
// buttons. Same rules: a visible label, the hint and the error tied with aria-describedby, and
// the server's error shown when JavaScript does not run.
import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { get, type FieldValues, type Path } from 'react-hook-form';
import { useErrorText } from './form-fields';
import type { ValidatedForm } from './use-validated-form';

function useError<T extends FieldValues>(form: ValidatedForm<T>, name: Path<T>) {
  const errorText = useErrorText();
  const clientMessage = (get(form.formState.errors, name) as { message?: string } | undefined)
    ?.message;
  return errorText(form.hydrated ? clientMessage : form.serverErrors[name]);
}

function describedBy(...ids: (string | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

type TextAreaFieldProps<T extends FieldValues> = {
  form: ValidatedForm<T>;
  name: Path<T>;
  label: ReactNode;
  hint?: ReactNode;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'form' | 'defaultValue'>;

export function TextAreaField<T extends FieldValues>({
  form,
  name,
  label,
  hint,
  rows = 4,
  ...textarea
}: TextAreaFieldProps<T>) {
  const id = `field-${name}`;
  const error = useError(form, name);
  const initial = get(form.formState.defaultValues, name) as string | undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        rows={rows}
        defaultValue={initial ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(
          hint ? `${id}-hint` : undefined,
          error ? `${id}-error` : undefined,
        )}
        {...textarea}
        {...form.register(name)}
      />
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
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
  const error = useError(form, name);
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
