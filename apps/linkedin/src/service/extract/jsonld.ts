import type { CheerioAPI } from 'cheerio';

export type JsonObject = Record<string, unknown>;

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Nodes in document order, `@graph` members after their parent; iterative, as the nesting is the page's. */
const flatten = (value: unknown, out: JsonObject[]): void => {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (Array.isArray(next)) {
      for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]);
      continue;
    }
    if (!isObject(next)) continue;
    out.push(next);
    if (Array.isArray(next['@graph'])) stack.push(next['@graph']);
  }
};

/** Every JSON-LD node of the page (`@graph` members included); unparsable blocks are skipped. */
export const jsonLdNodes = ($: CheerioAPI): JsonObject[] => {
  const nodes: JsonObject[] = [];
  $('script[type="application/ld+json"]').each((_, el) => {
    const raw = $(el).text().trim();
    if (!raw) return;
    try {
      flatten(JSON.parse(raw), nodes);
    } catch {
      // LinkedIn occasionally ships a truncated block; the other sources still count.
    }
  });
  return nodes;
};

const typesOf = (node: JsonObject): string[] => {
  const t = node['@type'] ?? node.type;
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
};

export const hasType = (node: JsonObject, ...types: string[]): boolean =>
  typesOf(node).some((t) => types.includes(t));

export const findNode = (nodes: JsonObject[], ...types: string[]): JsonObject | undefined =>
  nodes.find((n) => hasType(n, ...types));

export const str = (v: unknown): string | null => {
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number') return String(v);
  return null;
};

export const obj = (v: unknown): JsonObject | null => (isObject(v) ? v : null);

/** A value that may be one item or a list, as a list. */
export const list = (v: unknown): unknown[] => (v == null ? [] : Array.isArray(v) ? v : [v]);

/** `"x"`, `["x","y"]` or `[{name:"x"}]` → strings. */
export const strings = (v: unknown, key = 'name'): string[] =>
  list(v)
    .map((item) => (isObject(item) ? str(item[key]) : str(item)))
    .filter((s): s is string => s !== null);

/** schema.org numbers come as 69, "69", or a QuantitativeValue `{ value: 69 }`. */
export const num = (v: unknown): number | null => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\d+$/.test(v.trim())) return Number(v.trim());
  if (isObject(v)) return num(v.value ?? v.minValue);
  return null;
};
