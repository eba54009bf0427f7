import { zodResolver } from '@hookform/resolvers/zod';
import { useSubmit } from '@remix-run/react';
import { useEffect, useMemo, useRef, type FormEvent } from 'react';
import {
  get,
  useForm,
  type DefaultValues,
  type FieldErrors,
  type FieldValues,
  type UseFormReturn,
} from 'react-hook-form';
import type { z } from 'zod';
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

/**
 * A native form that works without JavaScript and, with it, checks its fields
 * (with the action's zod schema, or its zod/mini twin on the family's pages) and submits
 * only when everything is valid.
 *
 * When a field shows its error (issue 10): after she has left it changed, or after she tried to
 * save; never on a row she has just added, and never because she only passed through a field.
 * An error goes away as soon as what she typed or chose is right (on change, so a select with a
 * value never keeps a stale message). A message never appears or vanishes between her pressing
 * and releasing a button: a check caused by leaving a field waits until the press is over, so
 * the page does not move the button from under her finger.
 */
export function useValidatedForm<S extends z.core.$ZodType<FieldValues, FieldValues>>(options: {
  schema: S;
  /** What the fields show first; selects may start empty, so values are loosely typed here. */
  defaultValues?: DefaultValues<z.input<S>> | Record<string, unknown>;
  failure?: FormFailure | null;
}): ValidatedForm<z.input<S>> {
  const hydrated = useHydrated();
  const submit = useSubmit();
  const serverErrors = useMemo(() => options.failure?.fieldErrors ?? {}, [options.failure]);
  const rhfErrors = useMemo(
    () =>
      Object.fromEntries(
        Object.entries(serverErrors).map(([name, message]) => [name, { type: 'server', message }]),
      ) as FieldErrors<z.input<S>>,
    [serverErrors],
  );
  const form = useForm<z.input<S>>({
    // The resolver checks types at run time; the cast bridges zod's input and output types.
    resolver: zodResolver(options.schema as never) as never,
    // The library validates nothing by itself (its field arrays would mark a new empty row);
    // `register` below decides when a field is checked.
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
    defaultValues: {
      ...options.defaultValues,
      ...(options.failure?.values as object),
    } as DefaultValues<z.input<S>>,
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
