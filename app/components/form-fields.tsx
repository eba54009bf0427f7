import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';
import { get, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from '~/i18n/react';
import type { ValidatedForm } from './use-validated-form';

/**
 * Translates an error key from a schema or an action: "validation.required" is looked up in the
 * errors namespace, "screening:errors.x" in the namespace it names. `values` fill in the figures
 * a message names (what remains of a budget, a grant range).
 */
export function useErrorText(values?: Record<string, string>) {
  const { t, i18n } = useTranslation('errors');
  const translate = t as (key: string, values?: Record<string, string>) => string;
  return (key: string | undefined): string | undefined => {
    if (!key) return undefined;
    const fullKey = key.includes(':') ? key : `errors:${key}`;
    return i18n.exists(fullKey) ? translate(fullKey, values) : translate('validation.invalid');
  };
}

/** The error a field shows: the browser's check once the script runs, the server's before. */
export function useFieldError<T extends FieldValues>(
  form: ValidatedForm<T>,
  name: Path<T>,
  values?: Record<string, string>,
): string | undefined {
  const errorText = useErrorText(values);
  const clientMessage = (get(form.formState.errors, name) as { message?: string } | undefined)
    ?.message;
  return errorText(form.hydrated ? clientMessage : form.serverErrors[name]);
}

export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const joined = ids.filter(Boolean).join(' ');
  return joined || undefined;
}

type FieldShellProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  children: ReactNode;
};

/**
 * "(required)" in words after a required field's label (WCAG 3.3.2). Screen readers hear
 * "required" from the control's aria-required instead, so the word is hidden from them and the
 * field's name stays its label.
 */
export function RequiredMark() {
  const { t } = useTranslation();
  return (
    <span className="field__required" aria-hidden="true">
      {t('form.required')}
    </span>
  );
}

/** The line at the top of a form with required fields: what "(required)" means, and that the rest may wait. */
export function RequiredNote({ draft = false }: { draft?: boolean }) {
  const { t } = useTranslation();
  return (
    <p className="required-note">{draft ? t('form.requiredNoteDraft') : t('form.requiredNote')}</p>
  );
}

/** A field's label, hint and error around its control, tied together by their ids. */
export function FieldShell({ id, label, hint, error, required, children }: FieldShellProps) {
  return (
    <div className="field">
      {required ? (
        // The mark sits beside the label, not in it: the field's name stays its label.
        <div className="field__label">
          <label htmlFor={id}>{label}</label>
          <RequiredMark />
        </div>
      ) : (
        <label htmlFor={id}>{label}</label>
      )}
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** What every wired field takes besides its control's own attributes. */
export type FieldWiring<T extends FieldValues> = {
  form: ValidatedForm<T>;
  name: Path<T>;
  label: ReactNode;
  hint?: ReactNode;
  /** Needed where one page holds several forms with the same field names. */
  id?: string;
  /** Figures the error message names. */
  errorValues?: Record<string, string>;
  /** Further text that describes the field (a status line outside it). */
  alsoDescribedBy?: string;
  /** Marked "(required)" in words and with aria-required. */
  required?: boolean;
};

type TextFieldProps<T extends FieldValues> = FieldWiring<T> &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'form' | 'defaultValue' | 'id'>;

export function TextField<T extends FieldValues>({
  form,
  name,
  label,
  hint,
  id = `field-${name}`,
  errorValues,
  alsoDescribedBy,
  required,
  type = 'text',
  ...input
}: TextFieldProps<T>) {
  const error = useFieldError(form, name, errorValues);
  const isPassword = type === 'password';
  const initial = isPassword
    ? undefined
    : (get(form.formState.defaultValues, name) as string | number | undefined);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      <input
        id={id}
        type={type}
        defaultValue={initial ?? ''}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(
          alsoDescribedBy,
          hint ? `${id}-hint` : undefined,
          error ? `${id}-error` : undefined,
        )}
        {...input}
        {...form.register(name)}
      />
    </FieldShell>
  );
}

type SelectFieldProps<T extends FieldValues> = {
  form: ValidatedForm<T>;
  name: Path<T>;
  label: ReactNode;
  hint?: ReactNode;
  options: { value: string; label: string }[];
  placeholder?: string;
  /** Needed where one page holds several forms with the same field names. */
  id?: string;
  required?: boolean;
} & Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'name' | 'form' | 'defaultValue' | 'id' | 'required'
>;

export function SelectField<T extends FieldValues>({
  form,
  name,
  label,
  hint,
  options,
  placeholder,
  id = `field-${name}`,
  required,
  ...select
}: SelectFieldProps<T>) {
  const error = useFieldError(form, name);
  const initial = get(form.formState.defaultValues, name) as string | number | null | undefined;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      <select
        id={id}
        defaultValue={initial == null ? '' : String(initial)}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(
          hint ? `${id}-hint` : undefined,
          error ? `${id}-error` : undefined,
        )}
        {...select}
        {...form.register(name)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

type CheckboxFieldProps<T extends FieldValues> = {
  form: ValidatedForm<T>;
  name: Path<T>;
  label: ReactNode;
  hint?: ReactNode;
  disabled?: boolean;
};

export function CheckboxField<T extends FieldValues>({
  form,
  name,
  label,
  hint,
  disabled,
}: CheckboxFieldProps<T>) {
  const id = `field-${name}`;
  const error = useFieldError(form, name);
  const initial = Boolean(get(form.formState.defaultValues, name));
  return (
    <div className="field">
      <label className="checkbox" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          defaultChecked={initial}
          disabled={disabled}
          aria-describedby={describedBy(
            hint ? `${id}-hint` : undefined,
            error ? `${id}-error` : undefined,
          )}
          {...form.register(name)}
        />
        <span>{label}</span>
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

type CheckboxGroupProps<T extends FieldValues> = {
  form: ValidatedForm<T>;
  name: Path<T>;
  legend: ReactNode;
  hint?: ReactNode;
  options: { value: string; label: string }[];
};

/** Several checkboxes under one name (roles, localities); posts every checked value. */
export function CheckboxGroup<T extends FieldValues>({
  form,
  name,
  legend,
  hint,
  options,
}: CheckboxGroupProps<T>) {
  const id = `field-${name}`;
  const error = useFieldError(form, name);
  // What the server echoes back: a list, or a single value when one box was ticked.
  const echoed: unknown = get(form.formState.defaultValues, name);
  const initial = (Array.isArray(echoed) ? echoed : echoed == null ? [] : [echoed]).map(String);
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
            type="checkbox"
            value={option.value}
            defaultChecked={initial.includes(option.value)}
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

/** A message about the whole form (wrong password, too many tries), announced when it appears. */
export function FormAlert({
  message,
  values,
}: {
  message?: string;
  values?: Record<string, string>;
}) {
  const errorText = useErrorText(values);
  if (!message) return null;
  return (
    <div className="alert alert--error" role="alert">
      <p>{errorText(message)}</p>
    </div>
  );
}

export function SubmitButton({
  children,
  name,
  value,
  variant,
}: {
  children: ReactNode;
  name?: string;
  value?: string;
  variant?: 'secondary' | 'danger';
}) {
  return (
    <button
      type="submit"
      name={name}
      value={value}
      className={variant ? `button button--${variant}` : 'button'}
    >
      {children}
    </button>
  );
}
