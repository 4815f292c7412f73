import { lenientNumber, lenientText } from '@mcp/core';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/v4';
import { ldNode, ldNodes, ldText, ldTexts, readJsonLd, readJsonLdAll } from './schema.js';

describe('ldText and ldTexts', () => {
  it('read text from a scalar or from a member of an object', () => {
    const country = ldText();
    expect(country.parse('GB')).toBe('GB');
    expect(country.parse({ '@type': 'Country', name: ' GB ' })).toBe('GB');
    expect(country.parse([{ name: 'FR' }])).toBe('FR');
    expect(country.parse(33)).toBe('33');
    expect(country.parse({ url: 'x' })).toBeNull();
    expect(country.parse(true)).toBeNull();
    expect(country.parse(undefined)).toBeNull();
    expect(z.object({ c: ldText() }).parse({})).toEqual({ c: null });
  });

  it('read every text of one value or of a list of mixed ones', () => {
    const sameAs = ldTexts('url');
    expect(sameAs.parse('https://a.example')).toEqual(['https://a.example']);
    expect(sameAs.parse(['https://a.example', { url: 'https://b.example' }, 3, null, true, [], ''])).toEqual([
      'https://a.example',
      'https://b.example',
      '3',
    ]);
    expect(sameAs.parse(null)).toEqual([]);
    expect(sameAs.parse({ name: 'no url' })).toEqual([]);
  });
});

describe('ldNode and ldNodes', () => {
  const org = ldNode({ name: lenientText(), employees: lenientNumber() });

  it('read a node with its types, other members ignored, missing or odd ones as null', () => {
    expect(org.parse({ '@type': 'Organization', name: 'Acme', employees: '12', extra: [1] })).toEqual({
      name: 'Acme',
      employees: 12,
      types: ['Organization'],
    });
    expect(org.parse({ type: ['Organization', 'Corporation'], name: null, employees: { x: 1 } })).toEqual({
      name: null,
      employees: null,
      types: ['Organization', 'Corporation'],
    });
    expect(org.parse('Acme')).toBeNull();
    expect(org.parse(undefined)).toBeNull();
  });

  it('read a list of nodes, leaving out what is not an object', () => {
    expect(
      ldNodes({ name: lenientText() }).parse([{ name: 'a' }, 'b', null, { '@type': 'X', name: 3 }]),
    ).toEqual([
      { name: 'a', types: [] },
      { name: '3', types: ['X'] },
    ]);
    expect(ldNodes({ name: lenientText() }).parse({ name: 'solo' })).toEqual([{ name: 'solo', types: [] }]);
  });
});

describe('readJsonLd', () => {
  const schema = ldNode({ name: lenientText() });

  it('parses the first node of the types asked for', () => {
    const nodes = [
      { '@type': 'WebPage', name: 'page' },
      { '@type': ['Corporation'], name: 'Acme' },
    ];
    expect(readJsonLd(nodes, ['Organization', 'Corporation'], schema)).toEqual({
      name: 'Acme',
      types: ['Corporation'],
    });
    expect(readJsonLd(nodes, ['Person'], schema)).toBeUndefined();
  });

  it('passes over a node the schema cannot read', () => {
    const strict = z.object({ name: z.string() });
    const nodes = [
      { '@type': 'Person', name: 5 },
      { '@type': 'Person', name: 'Jane' },
    ];
    expect(readJsonLd(nodes, ['Person'], strict)).toEqual({ name: 'Jane' });
    expect(readJsonLd([{ '@type': 'Person' }], ['Person'], strict)).toBeUndefined();
  });

  it('reads every node of the types asked for, or of any type', () => {
    const nodes = [{ '@type': 'WebPage', name: 'page' }, { name: 'untyped' }];
    expect(readJsonLdAll(nodes, schema).map((n) => n.name)).toEqual(['page', 'untyped']);
    expect(readJsonLdAll(nodes, schema, ['WebPage']).map((n) => n.name)).toEqual(['page']);
  });
});
