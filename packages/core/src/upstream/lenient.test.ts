import { describe, expect, it } from 'vitest';
import * as z from 'zod/v4';
import {
  jsonPath,
  lenientArray,
  lenientBoolean,
  lenientInt,
  lenientNumber,
  lenientObject,
  lenientString,
  lenientText,
  parseUpstream,
} from './lenient.js';

describe('lenient upstream schemas', () => {
  it('reads numbers as text and anything unreadable as null for a string field', () => {
    const s = lenientString();
    expect(s.parse('abc')).toBe('abc');
    expect(s.parse(42)).toBe('42');
    expect(s.parse(['x'])).toBe('x');
    expect(s.parse(null)).toBeNull();
    expect(s.parse(undefined)).toBeNull();
    expect(s.parse(true)).toBeNull();
    expect(s.parse({ a: 1 })).toBeNull();
    expect(s.parse(Number.NaN)).toBeNull();
    expect(lenientText().parse('  ')).toBeNull();
    expect(lenientText().parse(' a ')).toBe('a');
  });

  it('coerces numeric strings to numbers and refuses the rest', () => {
    const n = lenientNumber();
    expect(n.parse(12)).toBe(12);
    expect(n.parse(' 3,5 ')).toBe(3.5);
    expect(n.parse('1e3')).toBe(1000);
    expect(n.parse('1 200')).toBe(1200);
    expect(n.parse(['7'])).toBe(7);
    expect(n.parse('12 salariés')).toBeNull();
    expect(n.parse('')).toBeNull();
    expect(n.parse(false)).toBeNull();
    expect(n.parse(Number.POSITIVE_INFINITY)).toBeNull();
    expect(lenientInt().parse('9.9')).toBe(9);
  });

  it('reads booleans from 0/1 and words', () => {
    const b = lenientBoolean();
    expect(b.parse(true)).toBe(true);
    expect(b.parse(0)).toBe(false);
    expect(b.parse('Oui')).toBe(true);
    expect(b.parse('false')).toBe(false);
    expect(b.parse('maybe')).toBeNull();
    expect(b.parse(null)).toBeNull();
  });

  it('accepts arrays of mixed scalars, a lone scalar, and nothing', () => {
    const a = lenientArray(lenientString());
    expect(a.parse(['a', 2, null, true, { x: 1 }])).toEqual(['a', '2']);
    expect(a.parse('solo')).toEqual(['solo']);
    expect(a.parse(null)).toEqual([]);
    expect(a.parse(undefined)).toEqual([]);
    expect(a.parse({ not: 'a string' })).toEqual([]);
    expect(lenientArray(lenientObject({ k: lenientString() })).parse({ k: 'v' })).toEqual([{ k: 'v' }]);
  });

  it('reads an object with extra keys ignored, and a non-object as null', () => {
    const o = lenientObject({ name: lenientString(), n: lenientNumber() });
    expect(o.parse({ name: 'x', n: '3', extra: [1] })).toEqual({ name: 'x', n: 3 });
    expect(o.parse([{ name: 'y' }])).toEqual({ name: 'y', n: null });
    expect(o.parse('text')).toBeNull();
    expect(o.parse(undefined)).toBeNull();
  });

  it('formats JSON paths', () => {
    expect(jsonPath([])).toBe('$');
    expect(jsonPath(['results', 0, 'siren'])).toBe('$.results[0].siren');
    expect(jsonPath(['events', 'last changed'])).toBe('$.events["last changed"]');
  });

  it('turns an unreadable body into upstream_bad_response naming the JSON path, never a throw', () => {
    const schema = z.object({ results: z.array(z.object({ siren: z.string() })) });
    const bad = parseUpstream(schema, { results: [{ siren: 'ok' }, { siren: 5 }] }, 'annuaire');
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'upstream_bad_response', details: { path: '$.results[1].siren' } },
    });
    if (!bad.ok) expect(bad.error.message).toContain('annuaire');
    expect(parseUpstream(schema, 'not json', 'x')).toMatchObject({
      ok: false,
      error: { details: { path: '$' } },
    });
    expect(parseUpstream(schema, { results: [] }, 'x')).toEqual({ ok: true, value: { results: [] } });
  });
});
