import { zodResolver } from '@hookform/resolvers/zod';
import { useSubmit } from '@remix-run/react';
import { useMemo, type FormEvent } from 'react';
import {
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
 * A native form that works without JavaScript and, with it, validates each field as the person
 * leaves it (the action's zod schema, or its zod/mini twin on the family's pages) and submits
 * only when everything is valid.
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
    mode: 'onTouched',
    defaultValues: {
      ...options.defaultValues,
      ...(options.failure?.values as object),
    } as DefaultValues<z.input<S>>,
    errors: rhfErrors,
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const formElement = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    void form.handleSubmit(() => {
      submit(submitter instanceof HTMLButtonElement ? submitter : formElement);
    })(event);
  };
  return Object.assign(form, { serverErrors, hydrated, onSubmit });
}
