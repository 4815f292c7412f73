import * as z from 'zod/v4';
import { type ErrorPayload, err, ok, type Result } from '../errors.js';

/*
 * Tolerant zod building blocks for third-party JSON. Real upstreams send a number where their docs say
 * string, a string where they say number, `null` or nothing for optional data, a one-element array
 * around a scalar, and fields nobody documented. Non-identity fields are read with these helpers: what
 * can be coerced is, what cannot becomes `null` (or `[]`), and nothing throws. Identity fields (the
 * key a record is found by) stay strict, so a body that is really unreadable fails `parseUpstream`
 * with the JSON path of the problem.
 */

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A one-element array around a value is read as the value: some APIs wrap single answers. */
const unwrap = (v: unknown): unknown => (Array.isArray(v) && v.length === 1 ? v[0] : v);

const toText = (v: unknown): string | null => {
  const u = unwrap(v);
  if (typeof u === 'string') return u;
  if (typeof u === 'number' && Number.isFinite(u)) return String(u);
  return null;
};

const NUMERIC = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:e[+-]?\d+)?$/i;

const toNumber = (v: unknown): number | null => {
  const u = unwrap(v);
  if (typeof u === 'number') return Number.isFinite(u) ? u : null;
  if (typeof u === 'string') {
    const t = u.trim().replace(/[\s\u00a0\u202f]/g, '');
    if (!NUMERIC.test(t)) return null;
    const n = Number(t.replace(',', '.'));
    return Number.isFinite(n) ? n : null;
  }
  return null;
};

const toBoolean = (v: unknown): boolean | null => {
  const u = unwrap(v);
  if (typeof u === 'boolean') return u;
  if (u === 1 || u === 0) return u === 1;
  if (typeof u === 'string') {
    const t = u.trim().toLowerCase();
    if (t === 'true' || t === '1' || t === 'oui' || t === 'yes') return true;
    if (t === 'false' || t === '0' || t === 'non' || t === 'no') return false;
  }
  return null;
};

/*
 * `optional()` before the transform: zod 4 only lets an object key be missing when the schema's input
 * side is optional, and a missing non-identity field must read as `null`, not fail.
 */
const coerce = <T>(fn: (v: unknown) => T) => z.unknown().optional().transform(fn);

/** Text or `null`: strings as they are, finite numbers as their decimal text, anything else `null`. */
export const lenientString = () => coerce(toText);

/** Text with at least one non-space character, trimmed, or `null`. */
export const lenientText = () =>
  coerce((v) => {
    const t = toText(v)?.trim();
    return t ? t : null;
  });

/** A finite number or `null`: numbers, and numeric strings (`"12"`, `" 3,5 "`, `"1e3"`). */
export const lenientNumber = () => coerce(toNumber);

/** An integer or `null`: as `lenientNumber`, then truncated toward zero. */
export const lenientInt = () =>
  coerce((v) => {
    const n = toNumber(v);
    return n === null ? null : Math.trunc(n);
  });

/** A boolean or `null`: booleans, 0/1, and "true"/"false"/"oui"/"non"/"1"/"0". */
export const lenientBoolean = () => coerce(toBoolean);

/**
 * An array whose elements went through `item`, with `null` results left out. A lone value (a scalar or
 * an object) counts as a one-element array; `null` or missing gives `[]`. Elements that `item` rejects
 * fail the parse at their index, so keep `item` lenient unless an element really must be readable.
 */
export const lenientArray = <T extends z.ZodType>(item: T) =>
  z
    .preprocess((v) => {
      if (Array.isArray(v)) return v;
      return v === null || v === undefined ? [] : [v];
    }, z.array(item))
    .transform((items) => items.filter((x) => x !== null && x !== undefined) as NonNullable<z.output<T>>[]);

/** An object read with `shape` (extra keys ignored), or `null` when the value is not an object. */
export const lenientObject = <S extends z.ZodRawShape>(shape: S) =>
  z.preprocess((v) => {
    const u = unwrap(v);
    return isRecord(u) ? u : null;
  }, z.object(shape).nullable());

/** `$.a.b[2].c`: the JSON path of a zod issue, as an agent or a log reader expects it. */
export const jsonPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (acc, key) =>
      typeof key === 'number'
        ? `${acc}[${key}]`
        : /^[A-Za-z_$][\w$]*$/.test(String(key))
          ? `${acc}.${String(key)}`
          : `${acc}[${JSON.stringify(String(key))}]`,
    '$',
  );

/**
 * Parses an upstream body with `schema`. A body the schema cannot read is `upstream_bad_response`
 * naming the upstream and the JSON path of the first problem, never a throw.
 */
export const parseUpstream = <T extends z.ZodType>(
  schema: T,
  body: unknown,
  upstream: string,
): Result<z.output<T>, ErrorPayload> => {
  const parsed = schema.safeParse(body);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  const path = jsonPath(issue?.path ?? []);
  return err(
    'upstream_bad_response',
    `${upstream} sent an answer that cannot be read at ${path}: ${issue?.message ?? 'invalid'}.`,
    {
      path,
    },
  );
};
