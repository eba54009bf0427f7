import { toNestErrors, validateFieldsNatively } from '@hookform/resolvers';
import { useSubmit } from '@remix-run/react';
import { useEffect, useMemo, useRef, type FormEvent } from 'react';
import {
  get,
  useForm,
  type DefaultValues,
  type FieldError,
  type FieldErrors,
  type FieldValues,
  type Resolver,
  type UseFormReturn,
} from 'react-hook-form';
import type { z } from 'zod';
import type { Check } from '~/schemas/checks';
import { useHydrated } from './use-hydrated';

/** What an action returns for a form it refused (400): messages per field, and what was typed. */
export type FormFailure = {
  fieldErrors?: Record<string, string>;
  formError?: string;
  values?: Record<string, unknown>;
};

export type ValidatedForm<T extends FieldValues> = UseFormReturn<T> & {
  /** Errors from the server's last answer; shown as they are when JavaScript does not run. */
  serverErrors: Record<string, string>;
  hydrated: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
};

type Issue = {
  path: PropertyKey[];
  message: string;
  code?: string;
  errors?: Issue[][];
};
/** What the form checks with: a full zod schema (staff pages) or checks.ts (the family's). */
type Schema = {
  safeParse: (
    value: unknown,
  ) => { success: true; data: unknown } | { success: false; error: { issues: readonly unknown[] } };
};
type InputOf<S> = S extends { run: unknown; readonly _input?: infer I }
  ? I & FieldValues
  : z.input<Extract<S, z.core.$ZodType<FieldValues, FieldValues>>>;

/**
 * The form's resolver: each field's first message, as @hookform/resolvers' zod resolver gives
 * it (of a union, the message of the branch that came closest), without loading that resolver.
 */
function resolverFor<T extends FieldValues>(schema: Schema): Resolver<T> {
  return (values, _context, options) => {
    const result = schema.safeParse(values);
    if (result.success) {
      if (options.shouldUseNativeValidation) validateFieldsNatively({}, options);
      return { values: result.data as T, errors: {} };
    }
    const errors: Record<string, FieldError> = {};
    const queue = [...(result.error.issues as Issue[])];
    for (let issue = queue.shift(); issue; issue = queue.shift()) {
      const path = issue.path.join('.');
      if (issue.code === 'invalid_union' && issue.errors?.length) {
        const closest = issue.errors.reduce((a, b) => (b.length < a.length ? b : a));
        errors[path] ??= {
          message: closest[0]?.message ?? issue.message,
          type: closest[0]?.code ?? issue.code,
        };
        for (const branch of issue.errors)
          for (const inner of branch)
            queue.push({ ...inner, path: [...issue.path, ...inner.path] });
      } else errors[path] ??= { message: issue.message, type: issue.code ?? 'check' };
    }
    return { values: {}, errors: toNestErrors(errors, options) };
  };
}

/**
 * A native form that works without JavaScript and, with it, checks its fields
 * (with the action's zod schema, or on the family's pages its twin in checks.ts) and submits
 * only when everything is valid.
 *
 * When a field shows its error (issue 10): after she has left it changed, or after she tried to
 * save; never on a row she has just added, and never because she only passed through a field.
 * An error goes away as soon as what she typed or chose is right (on change, so a select with a
 * value never keeps a stale message). A message never appears or vanishes between her pressing
 * and releasing a button: a check caused by leaving a field waits until the press is over, so
 * the page does not move the button from under her finger.
 */
export function useValidatedForm<
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a check of any form's values
  S extends z.core.$ZodType<FieldValues, FieldValues> | Check<any, unknown>,
>(options: {
  schema: S;
  /** What the fields show first; selects may start empty, so values are loosely typed here. */
  defaultValues?: DefaultValues<InputOf<S>> | Record<string, unknown>;
  failure?: FormFailure | null;
}): ValidatedForm<InputOf<S>> {
  const hydrated = useHydrated();
  const submit = useSubmit();
  const serverErrors = useMemo(() => options.failure?.fieldErrors ?? {}, [options.failure]);
  const rhfErrors = useMemo(
    () =>
      Object.fromEntries(
        Object.entries(serverErrors).map(([name, message]) => [name, { type: 'server', message }]),
      ) as FieldErrors<InputOf<S>>,
    [serverErrors],
  );
  const form = useForm<InputOf<S>>({
    resolver: resolverFor<InputOf<S>>(options.schema as unknown as Schema),
    // The library validates nothing by itself (its field arrays would mark a new empty row);
    // `register` below decides when a field is checked.
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
    defaultValues: {
      ...options.defaultValues,
      ...(options.failure?.values as object),
    } as DefaultValues<InputOf<S>>,
    errors: rhfErrors,
  });
  // Fields she has changed since the page came; a check on leaving is only for those.
  const changed = useRef(new Set<string>());
  const pressing = useRef(false);
  const afterPress = useRef<(() => void)[]>([]);
  useEffect(() => {
    const press = () => {
      pressing.current = true;
    };
    const release = () => {
      pressing.current = false;
      const pending = afterPress.current.splice(0);
      // After the click that this release makes has been handled.
      if (pending.length) setTimeout(() => pending.forEach((run) => run()), 0);
    };
    document.addEventListener('pointerdown', press, true);
    document.addEventListener('pointerup', release, true);
    document.addEventListener('pointercancel', release, true);
    return () => {
      document.removeEventListener('pointerdown', press, true);
      document.removeEventListener('pointerup', release, true);
      document.removeEventListener('pointercancel', release, true);
    };
  }, []);
  // The control's own register: `form` is the same object every render, and its `register` is
  // replaced by this one below.
  const register: typeof form.register = (name, registerOptions) =>
    form.control.register(name, {
      ...registerOptions,
      onChange: (event: unknown) => {
        registerOptions?.onChange?.(event);
        changed.current.add(name);
        if (get(form.control._formState.errors, name) || form.control._formState.isSubmitted) {
          void form.trigger(name);
        }
      },
      onBlur: (event: unknown) => {
        registerOptions?.onBlur?.(event);
        if (!changed.current.has(name)) return;
        const check = () => void form.trigger(name);
        if (pressing.current) afterPress.current.push(check);
        else check();
      },
    });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const formElement = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    void form.handleSubmit(() => {
      submit(submitter instanceof HTMLButtonElement ? submitter : formElement);
    })(event);
  };
  return Object.assign(form, { register, serverErrors, hydrated, onSubmit });
}
