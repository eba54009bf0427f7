import { json } from '@remix-run/node';
import { z } from 'zod';
import type { FormFailure } from '~/components/use-validated-form';

type Tree = Record<string, unknown> | unknown[];

function setPath(root: Record<string, unknown>, path: string[], value: string) {
  let node: Tree = root;
  path.forEach((segment, index) => {
    const last = index === path.length - 1;
    const key: string | number = Array.isArray(node) ? Number(segment) : segment;
    const container = node as Record<string | number, unknown>;
    if (last) {
      const existing = container[key];
      // A name that appears several times (a checkbox group) becomes an array.
      container[key] =
        existing === undefined
          ? value
          : Array.isArray(existing)
            ? [...existing, value]
            : [existing, value];
      return;
    }
    if (container[key] === undefined) container[key] = /^\d+$/.test(path[index + 1]!) ? [] : {};
    node = container[key] as Tree;
  });
}

/** Rows removed from the middle of a list leave holes; the form's order is kept without them. */
function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(compact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compact(v)]));
  }
  return value;
}

/**
 * FormData → plain object. Dotted names nest as react-hook-form names them
 * ("members.0.firstName" → { members: [{ firstName }] }); a repeated name becomes an array.
 */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== 'string') continue;
    const path = key.split('.');
    if (
      path.some(
        (segment) =>
          segment === '' ||
          segment === '__proto__' ||
          segment === 'constructor' ||
          segment === 'prototype',
      )
    )
      continue;
    setPath(values, path, value);
  }
  return compact(values) as Record<string, unknown>;
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
