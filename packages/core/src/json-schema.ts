import type * as z from 'zod/v4';
import { toJSONSchema } from 'zod/v4';

type Json = Record<string, unknown>;

/** Keywords whose value is a map of name → subschema. */
const MAP_KEYWORDS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
/** Keywords whose value is a subschema, or (for `items` in old drafts) an array of them. */
const SCHEMA_KEYWORDS = [
  'items',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'additionalItems',
  'contains',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
];
const ARRAY_KEYWORDS = ['anyOf', 'oneOf', 'allOf', 'prefixItems'];
/** Keywords that describe the whole value, not one branch: they stay beside the `anyOf`. */
const SHARED_KEYWORDS = new Set([
  'description',
  'title',
  'default',
  'examples',
  'deprecated',
  'readOnly',
  'writeOnly',
  '$comment',
  'enum',
  'const',
]);

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const portable = (node: unknown): unknown => {
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (MAP_KEYWORDS.includes(key) && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, portable(v)]));
    } else if (SCHEMA_KEYWORDS.includes(key)) {
      out[key] = Array.isArray(value) ? value.map(portable) : portable(value);
    } else if (ARRAY_KEYWORDS.includes(key) && Array.isArray(value)) {
      out[key] = value.map(portable);
    } else {
      out[key] = value;
    }
  }
  const type = out.type;
  if (!Array.isArray(type)) return out;
  // `type: ["string", "null"]` is legal JSON Schema, but clients that map tool schemas onto a
  // single-`type` dialect (Gemini function declarations, OpenAPI-based gateways) reject or weaken it:
  // the same contract as `anyOf` branches of one type each, with type-specific keywords in their branch.
  const shared: Json = {};
  const specific: Json = {};
  for (const [key, value] of Object.entries(out)) {
    if (key === 'type') continue;
    if (SHARED_KEYWORDS.has(key)) shared[key] = value;
    else specific[key] = value;
  }
  const branches = (type as string[]).map((t) =>
    t === 'null' ? { type: 'null' } : { type: t, ...specific },
  );
  return { anyOf: branches, ...shared };
};

/**
 * The JSON Schema of a zod schema as `tools/list` publishes it: draft 2020-12, no `$schema`, an object
 * root, and every `type` array rewritten as single-type `anyOf` branches (what the MCP Inspector's
 * `--strict` portability check asks for), for input and output schemas alike.
 */
export const toolJsonSchema = (schema: z.ZodType, io: 'input' | 'output'): Json => {
  const json = toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  delete json.$schema;
  return { ...(portable(json) as Json), type: 'object' };
};
