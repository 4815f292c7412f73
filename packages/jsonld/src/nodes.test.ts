import { describe, expect, it } from 'vitest';
import { hasJsonLdType, jsonLdNodes, jsonLdTypes } from './nodes.js';

const names = (nodes: Record<string, unknown>[]): unknown[] => nodes.map((n) => n.name);

describe('jsonLdNodes', () => {
  it('lists top-level objects, array members and @graph members in document order', () => {
    const blocks = [
      JSON.stringify({
        '@type': 'WebSite',
        name: 'a',
        '@graph': [{ name: 'b' }, { name: 'c', '@graph': { name: 'x' } }],
      }),
      JSON.stringify([{ name: 'd' }, [{ name: 'e' }], 'text', 3, null]),
    ];
    // A `@graph` that is not a list is not a graph: its object is not a node.
    expect(names(jsonLdNodes(blocks))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('skips blocks that are not JSON, or empty, and keeps the others', () => {
    const blocks = ['{"@type": "Organization", "name": "trunc', '   ', '{"name": "ok"}'];
    expect(names(jsonLdNodes(blocks))).toEqual(['ok']);
  });

  it('follows the members asked for after the @graph members, and nested members nowhere else', () => {
    const block = JSON.stringify({
      '@type': 'WebPage',
      name: 'page',
      publisher: { '@type': 'Organization', name: 'pub' },
      mainEntity: { '@type': 'Product', name: 'product', seller: { name: 'seller' } },
      '@graph': [{ name: 'member' }],
    });
    expect(names(jsonLdNodes([block]))).toEqual(['page', 'member']);
    expect(names(jsonLdNodes([block], { follow: ['publisher'] }))).toEqual(['page', 'member', 'pub']);
  });

  it('walks a page nested far deeper than the call stack', () => {
    const depth = 100_000;
    const deep = `${'['.repeat(depth)}{"name":"bottom"}${']'.repeat(depth)}`;
    expect(names(jsonLdNodes([deep]))).toEqual(['bottom']);
  });
});

describe('jsonLdTypes', () => {
  it('reads @type as a string or a list, or a bare type, and ignores the rest', () => {
    expect(jsonLdTypes({ '@type': 'Organization' })).toEqual(['Organization']);
    expect(jsonLdTypes({ '@type': ['Organization', 3, null, 'Corporation'] })).toEqual([
      'Organization',
      'Corporation',
    ]);
    expect(jsonLdTypes({ type: 'PostalAddress' })).toEqual(['PostalAddress']);
    expect(jsonLdTypes({ '@type': { name: 'x' } })).toEqual([]);
    expect(jsonLdTypes({})).toEqual([]);
    expect(hasJsonLdType({ '@type': ['Thing', 'Person'] }, ['Person', 'Organization'])).toBe(true);
    expect(hasJsonLdType({ '@type': 'person' }, ['Person'])).toBe(false);
  });
});
