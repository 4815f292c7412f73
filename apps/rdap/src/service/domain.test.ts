import { describe, expect, it } from 'vitest';
import { normalizeDomain } from './domain.js';

const okValue = (input: string) => {
  const r = normalizeDomain(input);
  if (!r.ok) throw new Error(`expected ok for ${input}: ${r.error.message}`);
  return r.value;
};

const errorOf = (input: string, field?: string) => {
  const r = normalizeDomain(input, field);
  if (r.ok) throw new Error(`expected an error for ${input}`);
  return r.error;
};

describe('normalizeDomain', () => {
  it('lower-cases and keeps a plain name', () => {
    expect(okValue('LeMonde.FR')).toEqual({
      query: 'LeMonde.FR',
      ascii: 'lemonde.fr',
      unicode: 'lemonde.fr',
      tld: 'fr',
    });
  });

  it('takes the registrable domain out of a URL', () => {
    expect(okValue('https://www.lemonde.fr/economie/article?x=1#top').ascii).toBe('lemonde.fr');
    expect(okValue('http://user@Example.COM:8080/').ascii).toBe('example.com');
    expect(okValue('www.google.fr/search?q=a').ascii).toBe('google.fr');
    expect(okValue('//cdn.example.org').ascii).toBe('example.org');
  });

  it('keeps multi-label public suffixes whole', () => {
    expect(okValue('www.bbc.co.uk').ascii).toBe('bbc.co.uk');
  });

  it('drops one trailing dot', () => {
    expect(okValue('google.com.').ascii).toBe('google.com');
  });

  it('converts Unicode (IDN) to punycode and back', () => {
    const v = okValue('Café.FR');
    expect(v.ascii).toBe('xn--caf-dma.fr');
    expect(v.unicode).toBe('café.fr');
    expect(okValue('xn--caf-dma.fr').unicode).toBe('café.fr');
    expect(okValue('пример.рф')).toMatchObject({
      ascii: 'xn--e1afmkfd.xn--p1ai',
      tld: 'xn--p1ai',
      unicode: 'пример.рф',
    });
  });

  it('rejects spaces, naming the field', () => {
    const e = errorOf('le monde.fr');
    expect(e.code).toBe('invalid_input');
    expect(e.message).toContain('`domain`');
    expect(e.message).toContain('spaces');
    expect(e.details).toEqual({ fields: ['domain'] });
  });

  it('rejects empty labels', () => {
    expect(errorOf('lemonde..fr').message).toContain('".."');
    expect(errorOf('.lemonde.fr').code).toBe('invalid_input');
  });

  it('rejects names over 253 characters and labels over 63', () => {
    expect(errorOf(`${'a'.repeat(300)}.fr`).message).toContain('253');
    expect(
      errorOf(`${'a'.repeat(50)}.${'b'.repeat(50)}.${'c'.repeat(50)}.${'d'.repeat(50)}.${'e'.repeat(50)}.fr`)
        .message,
    ).toContain('253');
    expect(errorOf(`${'a'.repeat(64)}.fr`).message).toContain('63');
    expect(okValue(`${'a'.repeat(63)}.fr`).ascii).toHaveLength(66);
  });

  it('rejects an e-mail address with a hint, under the given field name', () => {
    const e = errorOf('contact@lemonde.fr', 'domains[2]');
    expect(e.message).toContain('`domains[2]`');
    expect(e.message).toContain('e-mail');
    expect(e.details).toEqual({ fields: ['domains[2]'] });
  });

  it('rejects IP addresses, bare TLDs, public suffixes, bad characters and empty input', () => {
    expect(errorOf('192.0.2.1').message).toContain('lookup_ip');
    expect(errorOf('[2001:db8::1]').message).toContain('IP address');
    expect(errorOf('fr').message).toContain('top-level');
    expect(errorOf('co.uk').message).toContain('public suffix');
    expect(errorOf('foo_bar.fr').message).toContain('letters, digits');
    expect(errorOf('-foo.fr').code).toBe('invalid_input');
    expect(errorOf('   ').message).toContain('empty');
  });
});
