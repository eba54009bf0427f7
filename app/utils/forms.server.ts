import {
  json,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from '@remix-run/node';
import { z } from 'zod';
import type { FormFailure } from '~/components/use-validated-form';

/**
 * What any form of the portal may send. The largest real forms: a juror's conflicts page (two
 * ids per family of a round's pool, up to 10,000 each), a household of 30 people, a budget of
 * 40 rows, a round of 12 criteria. Files have their own limits (readUploadForm).
 */
export const FORM_LIMITS = {
  /** Bytes of a body without files (URL-encoded, or the text parts of a multipart body). */
  bodyBytes: 1024 * 1024,
  fields: 20_000,
  nameLength: 200,
  /** Segments of a dotted name: "members.3.firstName" has three. */
  nameDepth: 6,
  /**
   * No list of any form has this many rows; the form's own bound (its schema's max) is checked
   * by parseForm. Written as digits so a sent index is never even turned into a large number.
   */
  listIndexDigits: 3,
} as const;

/**
 * A body the portal cannot read as a form: thrown, it shows the error page in the person's
 * language (root ErrorBoundary) with this status.
 */
export function badForm(status: 400 | 413 | 415 = 400, reason = 'Malformed form'): Response {
  return new Response(reason, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

function mediaType(request: Request) {
  const header = request.headers.get('Content-Type') ?? '';
  const [type = '', ...params] = header.split(';');
  const boundary = params
    .map((p) => p.trim())
    .find((p) => p.toLowerCase().startsWith('boundary='))
    ?.slice('boundary='.length);
  return { type: type.trim().toLowerCase(), boundary };
}

/** The request's body, cut off with a 413 once it passes `maxBytes`. */
function limitedBody(request: Request, maxBytes: number): ReadableStream<Uint8Array> | null {
  const declared = request.headers.get('Content-Length');
  if (declared !== null && Number(declared) > maxBytes) throw badForm(413, 'Form too large');
  if (!request.body) return null;
  let seen = 0;
  return request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) controller.error(new BodyTooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
}

class BodyTooLarge extends Error {}

async function readText(stream: ReadableStream<Uint8Array> | null): Promise<string> {
  if (!stream) return '';
  return new Response(stream).text();
}

/** A field name every form of the portal could send; anything else refuses the whole body. */
function checkFieldNames(formData: FormData) {
  let count = 0;
  for (const name of formData.keys()) {
    if (++count > FORM_LIMITS.fields) throw badForm(413, 'Too many fields');
    if (name.length > FORM_LIMITS.nameLength) throw badForm(400, 'Field name too long');
    const segments = name.split('.');
    if (segments.length > FORM_LIMITS.nameDepth) throw badForm(400, 'Field name too deep');
    for (const segment of segments) {
      if (/^\d+$/.test(segment) && segment.length > FORM_LIMITS.listIndexDigits) {
        throw badForm(400, 'List index out of range');
      }
    }
  }
}

type FileRule = { field: string; maxBytes: number };

/** Multipart text parts up to the body limit; a file only where `file` allows one. */
function multipartHandler(file: FileRule | null): UploadHandler {
  let textBytes = 0;
  let files = 0;
  const keepFile = file ? unstable_createMemoryUploadHandler({ maxPartSize: file.maxBytes }) : null;
  return async (part) => {
    if (part.filename !== undefined) {
      if (keepFile && file && part.name === file.field && ++files === 1) return keepFile(part);
      // A file this form does not take is read to its end and dropped: an unread part stalls
      // the parser, and the person's browser waits for an answer that never comes.
      for await (const chunk of part.data) void chunk;
      return undefined;
    }
    const chunks: Uint8Array[] = [];
    for await (const chunk of part.data) {
      textBytes += chunk.byteLength;
      if (textBytes > FORM_LIMITS.bodyBytes) throw new BodyTooLarge();
      chunks.push(chunk);
    }
    return new TextDecoder().decode(Buffer.concat(chunks));
  };
}

async function readMultipart(request: Request, boundaryOk: boolean, file: FileRule | null) {
  if (!boundaryOk) throw badForm(400, 'Multipart body without a boundary');
  const maxBytes = FORM_LIMITS.bodyBytes + (file ? file.maxBytes + 64 * 1024 : 0);
  const body = limitedBody(request, maxBytes);
  const limited = new Request(request.url, {
    method: 'POST',
    headers: request.headers,
    body,
    // Node's fetch needs `duplex` to send a stream; the DOM types lack it.
    duplex: 'half',
  } as RequestInit);
  return unstable_parseMultipartFormData(limited, multipartHandler(file));
}

async function readAnyForm(request: Request, file: FileRule | null): Promise<FormData> {
  const { type, boundary } = mediaType(request);
  let formData: FormData;
  try {
    if (type === 'application/x-www-form-urlencoded') {
      const text = await readText(limitedBody(request, FORM_LIMITS.bodyBytes));
      formData = new FormData();
      let count = 0;
      for (const [name, value] of new URLSearchParams(text)) {
        if (++count > FORM_LIMITS.fields) throw badForm(413, 'Too many fields');
        formData.append(name, value);
      }
    } else if (type === 'multipart/form-data') {
      formData = await readMultipart(request, Boolean(boundary), file);
    } else {
      throw badForm(415, 'Not a form');
    }
  } catch (error) {
    if (error instanceof Response || error instanceof MaxPartSizeExceededError) throw error;
    if (error instanceof BodyTooLarge) throw badForm(413, 'Form too large');
    // Whatever else the parser stumbled on (a cut-off body, a broken part) is the sender's fault.
    throw badForm(400);
  }
  checkFieldNames(formData);
  return formData;
}

/**
 * The one way an action reads its form: a URL-encoded or multipart body within the limits
 * above, every field name within bounds. Anything else is thrown as a 400/413/415 page in the
 * person's language — never a 500. Files in the body are dropped (see readUploadForm).
 */
export function readFormData(request: Request): Promise<FormData> {
  return readAnyForm(request, null);
}

/**
 * A form with one file, in `field`, of at most `maxBytes`: a larger file is `too-large` for
 * the form to show next to the field.
 */
export async function readUploadForm(
  request: Request,
  file: FileRule,
): Promise<{ ok: true; formData: FormData } | { ok: false; error: 'too-large' }> {
  try {
    return { ok: true, formData: await readAnyForm(request, file) };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { ok: false, error: 'too-large' };
    if (error instanceof Response && error.status === 413) return { ok: false, error: 'too-large' };
    throw error;
  }
}

/**
 * One text field, read as the typed reader: a missing, repeated or file-valued field is null,
 * never a list or a File taken for a string.
 */
export function formText(formData: FormData, name: string): string | null {
  const values = formData.getAll(name);
  return values.length === 1 && typeof values[0] === 'string' ? values[0] : null;
}

/** One uploaded file field that holds a file (not empty, sent once), else null. */
export function formFile(formData: FormData, name: string): File | null {
  const values = formData.getAll(name);
  const file = values.length === 1 ? values[0] : undefined;
  return file instanceof File && file.size > 0 ? file : null;
}

/** One id field: a positive whole number of at most 15 digits, else null. */
export function formId(formData: FormData, name: string): number | null {
  const value = formText(formData, name);
  return value !== null && /^[1-9]\d{0,14}$/.test(value) ? Number(value) : null;
}

/** A branch of the tree built from dotted names; rows of a list are keyed by their index. */
type Branch = { list: boolean; children: Map<string, Branch | string | string[]> };

const FORBIDDEN_SEGMENTS = new Set(['', '__proto__', 'constructor', 'prototype']);
const isIndex = (segment: string) => /^\d+$/.test(segment);

function newBranch(list: boolean): Branch {
  return { list, children: new Map() };
}

function place(root: Branch, path: string[], value: string) {
  let node = root;
  for (let i = 0; i < path.length - 1; i++) {
    const segment = path[i]!;
    if (node.list && !isIndex(segment)) return; // "members.x" beside "members.0": not a row
    const next = node.children.get(segment);
    if (next === undefined) {
      const branch = newBranch(isIndex(path[i + 1]!));
      node.children.set(segment, branch);
      node = branch;
    } else if (typeof next === 'object' && !Array.isArray(next)) {
      node = next;
    } else {
      return; // "a" and "a.b" both sent: the first one stands
    }
  }
  const last = path[path.length - 1]!;
  if (node.list && !isIndex(last)) return;
  const existing = node.children.get(last);
  // A name that appears several times (a checkbox group) becomes an array.
  if (existing === undefined) node.children.set(last, value);
  else if (typeof existing === 'string') node.children.set(last, [existing, value]);
  else if (Array.isArray(existing)) existing.push(value);
}

/** Lists come out in the order of their indexes, without holes (rows removed mid-list). */
function settle(node: Branch | string | string[]): unknown {
  if (typeof node === 'string' || Array.isArray(node)) return node;
  const entries = [...node.children.entries()];
  if (node.list) {
    return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, child]) => settle(child));
  }
  return Object.fromEntries(entries.map(([key, child]) => [key, settle(child)]));
}

/**
 * FormData → plain object. Dotted names nest as react-hook-form names them
 * ("members.0.firstName" → { members: [{ firstName }] }); a repeated name becomes an array.
 * Rows are collected by index and then put in order: nothing is ever allocated by a number
 * the sender chose (readFormData and parseForm bound the indexes too).
 */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const root = newBranch(false);
  for (const [key, value] of formData.entries()) {
    if (typeof value !== 'string') continue;
    const path = key.split('.');
    if (path.some((segment) => FORBIDDEN_SEGMENTS.has(segment))) continue;
    place(root, path, value);
  }
  return settle(root) as Record<string, unknown>;
}

type ZodInternals = {
  _zod: {
    def: {
      type: string;
      shape?: Record<string, unknown>;
      element?: unknown;
      innerType?: unknown;
      in?: unknown;
      out?: unknown;
      options?: unknown[];
      left?: unknown;
      right?: unknown;
      checks?: { _zod: { def: { check: string; maximum?: number } } }[];
    };
  };
};

/** The most rows each list of a schema takes: "members" → 30, "criteria" → 12, "items" → 40. */
function listLimitsOf(schema: unknown, prefix: string, limits: Map<string, number>, depth = 0) {
  if (!schema || typeof schema !== 'object' || !('_zod' in schema) || depth > 20) return;
  const def = (schema as ZodInternals)._zod.def;
  switch (def.type) {
    case 'object':
      for (const [key, child] of Object.entries(def.shape ?? {})) {
        listLimitsOf(child, prefix ? `${prefix}.${key}` : key, limits, depth + 1);
      }
      return;
    case 'array': {
      const max = def.checks?.find((c) => c._zod.def.check === 'max_length')?._zod.def.maximum;
      if (max !== undefined) limits.set(prefix, Math.min(max, limits.get(prefix) ?? max));
      listLimitsOf(def.element, `${prefix}.*`, limits, depth + 1);
      return;
    }
    case 'pipe':
      listLimitsOf(def.in, prefix, limits, depth + 1);
      listLimitsOf(def.out, prefix, limits, depth + 1);
      return;
    case 'union':
      for (const option of def.options ?? []) listLimitsOf(option, prefix, limits, depth + 1);
      return;
    case 'intersection':
      listLimitsOf(def.left, prefix, limits, depth + 1);
      listLimitsOf(def.right, prefix, limits, depth + 1);
      return;
    default:
      if (def.innerType) listLimitsOf(def.innerType, prefix, limits, depth + 1);
  }
}

const limitsCache = new WeakMap<object, Map<string, number>>();

function listLimits(schema: z.ZodType): Map<string, number> {
  let limits = limitsCache.get(schema);
  if (!limits) {
    limits = new Map();
    listLimitsOf(schema, '', limits);
    limitsCache.set(schema, limits);
  }
  return limits;
}

/**
 * Refuses (400) a row index past what the form allows. One row beyond the schema's max is let
 * through, so the person reads the form's own "too many rows" next to the list.
 */
function checkListIndexes(formData: FormData, schema: z.ZodType) {
  const limits = listLimits(schema);
  for (const key of formData.keys()) {
    const path = key.split('.');
    for (let i = 1; i < path.length; i++) {
      if (!isIndex(path[i]!)) continue;
      const list = path
        .slice(0, i)
        .map((segment) => (isIndex(segment) ? '*' : segment))
        .join('.');
      const max = limits.get(list);
      if (max !== undefined && Number(path[i]) > max) throw badForm(400, 'List index out of range');
    }
  }
}

/** What was typed, for the form to show again — never passwords. */
function echoValues(values: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !/password|token/i.test(key)));
}

/**
 * Puts an empty value of the expected shape where the sent one had another shape (a list where
 * a text was expected, a text where a row was): the form shows an empty field, never crashes.
 */
function resetAt(values: Record<string, unknown>, path: PropertyKey[], expected: unknown) {
  let node: unknown = values;
  for (const key of path.slice(0, -1)) {
    if (!node || typeof node !== 'object') return;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  if (!node || typeof node !== 'object') return;
  const container = node as Record<PropertyKey, unknown>;
  const key = path[path.length - 1]!;
  if (expected === 'string') container[key] = '';
  else if (expected === 'object') container[key] = {};
  else if (expected === 'array') container[key] = [];
  else if (Array.isArray(container)) container[key] = '';
  else delete container[key];
}

/** zod's own messages are English sentences; the forms show translated keys only. */
const isMessageKey = (message: string) => /^[\w-]+([.:][\w-]+)+$/.test(message);

export type ParsedForm<T> =
  | { ok: true; data: T; formData: FormData }
  | { ok: false; failure: FormFailure; formData: FormData };

export function parseForm<S extends z.ZodType>(
  formData: FormData,
  schema: S,
): ParsedForm<z.output<S>> {
  checkListIndexes(formData, schema);
  const raw = formDataToObject(formData);
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data, formData };
  const fieldErrors: Record<string, string> = {};
  const values = echoValues(raw);
  for (const issue of result.error.issues) {
    const key = issue.path.join('.') || 'form';
    // A field sent twice or nested ("unitPrice.0") is not what the form shows: it is not
    // echoed back, and the person reads that the value is not valid.
    if (issue.code === 'invalid_type' && issue.path.length > 0)
      resetAt(values, issue.path, issue.expected);
    fieldErrors[key] ??= isMessageKey(issue.message) ? issue.message : 'validation.invalid';
  }
  return { ok: false, failure: { fieldErrors, values }, formData };
}

export async function parseRequestForm<S extends z.ZodType>(request: Request, schema: S) {
  return parseForm(await readFormData(request), schema);
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

/** Which button sent the form (habit 4); '' when none, or when it was sent twice. */
export function formIntent(formData: FormData): string {
  return formText(formData, 'intent') ?? '';
}
