import { isRecord, lenientArray, lenientText, parseUpstream } from '@mcp/core';
import * as z from 'zod/v4';
import { hasJsonLdType, type JsonLdNode, jsonLdTypes } from './nodes.js';

/*
 * Tolerant zod pieces for schema.org JSON-LD, on top of core's lenient helpers. Pages write one member
 * as a string, a number, an object (`{"name": …}`, `{"url": …}`) or a list of any of those, and leave
 * out or null whatever they like: every piece here reads what it can and gives `null` or `[]` for the
 * rest, so a page's odd block never throws.
 */

/** A one-element list around a value is read as the value, as core's lenient helpers do. */
const unwrap = (v: unknown): unknown => (Array.isArray(v) && v.length === 1 ? v[0] : v);

/**
 * Text from a string or a number, or from the `key` member of an object: `"GB"` and
 * `{"@type": "Country", "name": "GB"}` both read `"GB"`. Anything else is `null`.
 */
export const ldText = (key = 'name') =>
  z.preprocess((v) => {
    const u = unwrap(v);
    return isRecord(u) ? u[key] : u;
  }, lenientText());

/** Every text of a value that may be one item or a list of mixed ones (strings, numbers, objects). */
export const ldTexts = (key = 'name') => lenientArray(ldText(key));

/**
 * A node read with `shape` (other members ignored) plus `types`, its `@type` (or bare `type`) as a
 * list; `null` when the value is not an object.
 */
export const ldNode = <S extends z.ZodRawShape>(shape: S) =>
  z.preprocess(
    (v) => {
      const u = unwrap(v);
      return isRecord(u) ? { ...u, types: jsonLdTypes(u) } : null;
    },
    z
      .object(shape)
      .extend({ types: z.array(z.string()) })
      .nullable(),
  );

/** Nodes of a value that may be one node or a list: what is not an object is left out. */
export const ldNodes = <S extends z.ZodRawShape>(shape: S) => lenientArray(ldNode(shape));

/**
 * Every node of `nodes` of one of `types` (any type when `types` is left out) that `schema` reads,
 * parsed, in order. A node the schema cannot read is passed over: the rest of the page still counts.
 */
export const readJsonLdAll = <T extends z.ZodType>(
  nodes: readonly JsonLdNode[],
  schema: T,
  types?: readonly string[],
): NonNullable<z.output<T>>[] => {
  const out: NonNullable<z.output<T>>[] = [];
  for (const node of nodes) {
    if (types && !hasJsonLdType(node, types)) continue;
    const read = parseUpstream(schema, node, 'JSON-LD');
    if (read.ok && read.value != null) out.push(read.value);
  }
  return out;
};

/** The first node of one of `types` that `schema` reads, parsed; `undefined` when there is none. */
export const readJsonLd = <T extends z.ZodType>(
  nodes: readonly JsonLdNode[],
  types: readonly string[],
  schema: T,
): NonNullable<z.output<T>> | undefined => readJsonLdAll(nodes, schema, types)[0];
