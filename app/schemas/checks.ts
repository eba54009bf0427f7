// The browser's checks of the family's forms, in a few lines instead of zod (8 KiB gzipped even
// in its small build): each check reads a field, tells what is wrong with the message key the
// server's full zod schema gives, and hands on the value the server would parse. It follows
// zod's rules where they matter for the verdict: a wrong type stops a field's checks, a failed
// length or refinement does not, a pipe goes on only when its first part passed, and an
// object's own refinements run unless a field's type was wrong. tests/unit/client-schemas.test.ts
// keeps every check in step with the server's schema.

export type Issue = { path: PropertyKey[]; message: string; abort?: boolean };
type Step<O> = { value: O; issues: Issue[] };

/** A check: reads a value of input type I (for the form's field names) and gives an O. */
export type Check<I, O> = {
  run: (value: unknown) => Step<O>;
  /** Only for types: the form's values. */
  readonly _input?: I;
  safeParse: (
    value: unknown,
  ) => { success: true; data: O } | { success: false; error: { issues: Issue[] } };
};

export type InputOf<C> = C extends Check<infer I, unknown> ? I : never;
export type OutputOf<C> = C extends Check<unknown, infer O> ? O : never;

function check<I, O>(run: (value: unknown) => Step<O>): Check<I, O> {
  return {
    run,
    safeParse(value) {
      const { value: data, issues } = run(value);
      return issues.length ? { success: false, error: { issues } } : { success: true, data };
    },
  };
}

const aborted = (issues: Issue[]) => issues.some((issue) => issue.abort);
const fail = (message: string, abort = true): Issue => ({ path: [], message, abort });
const INVALID = 'validation.invalid';

type Rule<O> = (value: O) => Issue | Issue[] | null | undefined;

/** Runs rules after a check, unless its type was wrong (zod's `.check()`). */
export function rules<I, O>(inner: Check<I, O>, ...list: Rule<O>[]): Check<I, O> {
  return check((input) => {
    const step = inner.run(input);
    if (aborted(step.issues)) return step;
    const issues = [...step.issues];
    for (const rule of list) {
      const found = rule(step.value);
      if (found) issues.push(...(Array.isArray(found) ? found : [found]));
    }
    return { value: step.value, issues };
  });
}

export const refine =
  <O>(test: (value: O) => boolean, message = INVALID, path: PropertyKey[] = []): Rule<O> =>
  (value) =>
    test(value) ? null : { path, message };
export const maxLength =
  (max: number, message: string): Rule<{ length: number }> =>
  (value) =>
    value.length > max ? fail(message, false) : null;
export const minLength =
  (min: number, message: string): Rule<{ length: number }> =>
  (value) =>
    value.length < min ? fail(message, false) : null;

/** A string, trimmed when `trim` is set; `message` when it is missing or not a string. */
export function string(options: { trim?: boolean; message?: string } = {}): Check<string, string> {
  return check((input) =>
    typeof input === 'string'
      ? { value: options.trim ? input.trim() : input, issues: [] }
      : { value: input as string, issues: [fail(options.message ?? INVALID)] },
  );
}

export function optional<I, O>(inner: Check<I, O>): Check<I | undefined, O | undefined> {
  return check((input) =>
    input === undefined ? { value: undefined, issues: [] } : inner.run(input),
  );
}

export function nullable<I, O>(inner: Check<I, O>): Check<I | null, O | null> {
  return check((input) => (input === null ? { value: null, issues: [] } : inner.run(input)));
}

/** Then: the second part runs only when the first passed (zod's pipe). */
export function pipe<I, M, O>(first: Check<I, M>, second: Check<M, O>): Check<I, O> {
  return check((input) => {
    const step = first.run(input);
    return step.issues.length ? (step as unknown as Step<O>) : second.run(step.value);
  });
}

export function transform<I, O>(fn: (value: I) => O): Check<I, O> {
  return check((input) => ({ value: fn(input as I), issues: [] }));
}

/** A number from what was typed (zod's coerce: "" is 0); `message` when it is not one. */
export function coerceNumber(message = INVALID): Check<unknown, number> {
  return check((input) => {
    const value = Number(input);
    return Number.isFinite(value) ? { value, issues: [] } : { value, issues: [fail(message)] };
  });
}

export function oneOf<const T extends readonly string[]>(
  values: T,
  message = INVALID,
): Check<T[number], T[number]> {
  return check((input) =>
    (values as readonly unknown[]).includes(input)
      ? { value: input as T[number], issues: [] }
      : { value: input as T[number], issues: [fail(message)] },
  );
}

/** A checkbox as the form sends it ('on', or nothing), read as a boolean (fields.ts' checkbox). */
export const checkbox = () =>
  transform(
    (value: unknown): boolean => value === true || value === 'on' || value === 'true',
  ) as Check<boolean | string | undefined, boolean>;

export function array<I, O>(item: Check<I, O>): Check<I[], O[]> {
  return check((input) => {
    if (!Array.isArray(input)) return { value: input as O[], issues: [fail(INVALID)] };
    const issues: Issue[] = [];
    const value = input.map((entry, index) => {
      const step = item.run(entry);
      for (const issue of step.issues) issues.push({ ...issue, path: [index, ...issue.path] });
      return step.value;
    });
    return { value, issues };
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any check, whatever it reads
type Shape = Record<string, Check<any, any>>;

/** An object of fields; keys it does not name are dropped. */
export function object<S extends Shape>(
  shape: S,
): Check<{ [K in keyof S]?: InputOf<S[K]> }, { [K in keyof S]: OutputOf<S[K]> }> {
  return check((input) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input))
      return { value: input as never, issues: [fail(INVALID)] };
    const issues: Issue[] = [];
    const value: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(shape)) {
      const step = field.run((input as Record<string, unknown>)[key]);
      for (const issue of step.issues) issues.push({ ...issue, path: [key, ...issue.path] });
      if (step.value !== undefined || key in input) value[key] = step.value;
    }
    return { value: value as never, issues };
  });
}

const EMAIL =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
/** The address check zod's `z.email()` makes. */
export const isEmail = (value: string) => EMAIL.test(value);
