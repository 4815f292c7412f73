import { isRecord } from '@mcp/core';

/** One JSON-LD node as the page wrote it: read its members through a schema (see `readJsonLd`). */
export type JsonLdNode = Record<string, unknown>;

export interface JsonLdWalkOptions {
  /**
   * Members whose object values count as nodes of their own, besides `@graph` members: e.g.
   * `publisher`, where a WebSite or WebPage names the organisation behind the site.
   */
  follow?: readonly string[];
}

/** The block's JSON, or `undefined` when it is not JSON (pages ship truncated or templated blocks). */
const parseBlock = (text: string): unknown => {
  const raw = text.trim();
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
};

/**
 * Every node of the given ld+json blocks in document order: top-level objects and array members, each
 * followed by its `@graph` members, then by its `follow` members. Walked with an explicit stack, since
 * how deep a page nests its JSON-LD is the page's choice; a block that is not JSON is skipped.
 */
export const jsonLdNodes = (blocks: readonly string[], options: JsonLdWalkOptions = {}): JsonLdNode[] => {
  const follow = options.follow ?? [];
  const out: JsonLdNode[] = [];
  for (const block of blocks) {
    const stack: unknown[] = [parseBlock(block)];
    while (stack.length > 0) {
      const next = stack.pop();
      if (Array.isArray(next)) {
        for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]);
        continue;
      }
      if (!isRecord(next)) continue;
      out.push(next);
      // Pushed in reverse: `@graph` members come out first, then the followed members in order.
      for (let i = follow.length - 1; i >= 0; i--) {
        const member = next[follow[i] as string];
        if (member !== undefined) stack.push(member);
      }
      if (Array.isArray(next['@graph'])) stack.push(next['@graph']);
    }
  }
  return out;
};

/** A node's `@type` as a list of names: `"Organization"`, `["Organization", "Corporation"]`, or a bare `type`. */
export const jsonLdTypes = (node: JsonLdNode): string[] => {
  const t = node['@type'] ?? node.type;
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
};

/** The node is of one of `types` (schema.org names, compared as written). */
export const hasJsonLdType = (node: JsonLdNode, types: readonly string[]): boolean =>
  jsonLdTypes(node).some((t) => types.includes(t));
