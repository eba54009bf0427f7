import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { get, type FieldValues, type Path } from 'react-hook-form';
import { useErrorText } from './form-fields';
import type { ValidatedForm } from './use-validated-form';

type TextAreaFieldProps<T extends FieldValues> = {
  form: ValidatedForm<T>;
  name: Path<T>;
  label: ReactNode;
  hint?: ReactNode;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'form' | 'defaultValue'>;

/** A multi-line answer, wired like TextField: label, hint, error, aria-describedby. */
export function TextAreaField<T extends FieldValues>({
  form,
  name,
  label,
  hint,
  rows = 4,
  ...textarea
}: TextAreaFieldProps<T>) {
  const id = `field-${name}`;
  const errorText = useErrorText();
  const clientMessage = (get(form.formState.errors, name) as { message?: string } | undefined)
    ?.message;
  const error = errorText(form.hydrated ? clientMessage : form.serverErrors[name]);
  const initial = get(form.formState.defaultValues, name) as string | undefined;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
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
        aria-describedby={describedBy || undefined}
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
