import { json } from '@remix-run/node';
import { z } from 'zod';
import type { FormFailure } from '~/components/use-validated-form';

/** FormData → plain object; a name that appears several times becomes an array. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== 'string') continue;
    const existing = values[key];
    if (existing === undefined) values[key] = value;
    else values[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return values;
}

/** What was typed, for the form to show again — never passwords. */
function echoValues(values: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !/password|token/i.test(key)));
}

export type ParsedForm<T> =
  | { ok: true; data: T; formData: FormData }
  | { ok: false; failure: FormFailure; formData: FormData };

export function parseForm<S extends z.ZodType>(
  formData: FormData,
  schema: S,
): ParsedForm<z.output<S>> {
  const raw = formDataToObject(formData);
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data, formData };
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join('.') || 'form';
    fieldErrors[key] ??= issue.message;
  }
  return { ok: false, failure: { fieldErrors, values: echoValues(raw) }, formData };
}

export async function parseRequestForm<S extends z.ZodType>(request: Request, schema: S) {
  return parseForm(await request.formData(), schema);
}

/** 400 with the field errors and what was typed; the form shows both. */
export function formFailure(failure: FormFailure, status = 400) {
  return json(failure, { status });
}

/** A refusal about one field or the whole form, keeping what was typed. */
export function refuse(
  formData: FormData,
  error: { field?: string; message: string },
  status = 400,
) {
  const values = echoValues(formDataToObject(formData));
  return json<FormFailure>(
    error.field
      ? { fieldErrors: { [error.field]: error.message }, values }
      : { formError: error.message, values },
    { status },
  );
}
