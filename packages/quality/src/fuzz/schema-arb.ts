import fc from 'fast-check';

/** The subset of JSON Schema our tools' `inputSchema`s use (zod 4 → draft 2020-12). */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
  default?: unknown;
}

/** Fields whose strings an app may fetch: only loopback URLs or dot-less junk go there (never DNS). */
export const URL_FIELD = /url|website|site|href|link/i;

const dotless = (s: string) => s.replace(/[.:/\\@]/g, '_');

export interface ArbContext {
  /** A loopback URL the app may fetch (its replay server), when the app fetches URLs. */
  loopbackUrl?: string;
}

const stringArb = (schema: JsonSchema, field: string, ctx: ArbContext): fc.Arbitrary<string> => {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 40, 200);
  const base = fc.string({ minLength, maxLength: Math.max(minLength, maxLength) });
  if (URL_FIELD.test(field) || schema.format === 'uri') {
    const loopback = ctx.loopbackUrl
      ? [fc.webPath().map((p) => `${ctx.loopbackUrl?.replace(/\/$/, '')}${p || '/'}`)]
      : [];
    return fc.oneof(
      ...loopback,
      base.map(dotless),
      fc.constant('https://www.linkedin.com/company/audiense/'),
    );
  }
  // Digits often matter (SIREN, SIRET, postcodes): mix in digit strings of the usual lengths.
  return fc.oneof(
    base,
    fc.stringMatching(/^\d{9}$/),
    fc.stringMatching(/^\d{14}$/),
    fc.stringMatching(/^[a-z0-9-]{1,20}\.(fr|com|de|eu)$/),
  );
};

/** Values that satisfy the schema's shape (types, enums, ranges); patterns are not honoured. */
export const arbitraryFor = (
  schema: JsonSchema,
  field: string,
  ctx: ArbContext,
  depth = 0,
): fc.Arbitrary<unknown> => {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives && alternatives.length > 0)
    return fc.oneof(...alternatives.map((s) => arbitraryFor(s, field, ctx, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (type.length > 1)
    return fc.oneof(...type.map((t) => arbitraryFor({ ...schema, type: t }, field, ctx, depth + 1)));
  switch (type[0]) {
    case 'string':
      return stringArb(schema, field, ctx);
    case 'integer':
    case 'number': {
      const min =
        schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1e6);
      const max =
        schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1e6);
      const lo = Math.max(min, -Number.MAX_SAFE_INTEGER);
      const hi = Math.min(max, Number.MAX_SAFE_INTEGER);
      return type[0] === 'integer'
        ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) })
        : fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(arbitraryFor(schema.items ?? {}, field, ctx, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 5, 8),
      });
    case 'object':
      return objectArb(schema, ctx, depth);
    default:
      return depth > 2 ? fc.constant(null) : fc.jsonValue({ maxDepth: 2 });
  }
};

export const objectArb = (
  schema: JsonSchema,
  ctx: ArbContext,
  depth = 0,
): fc.Arbitrary<Record<string, unknown>> => {
  const props = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, sub] of Object.entries(props)) model[key] = arbitraryFor(sub, key, ctx, depth + 1);
  const requiredKeys = Object.keys(props).filter((k) => required.has(k));
  return fc.record(model, { requiredKeys }) as fc.Arbitrary<Record<string, unknown>>;
};
