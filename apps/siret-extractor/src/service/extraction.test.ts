import { describe, expect, it } from 'vitest';
import { normalizeSiteUrl } from './extraction.js';

describe('normalizeSiteUrl', () => {
  it('adds https:// to bare domains and refuses other schemes', () => {
    expect(normalizeSiteUrl('example.fr')).toEqual({ ok: true, value: 'https://example.fr/' });
    expect(normalizeSiteUrl('javascript:alert(1)')).toMatchObject({
      ok: false,
      error: { code: 'forbidden_target' },
    });
    expect(normalizeSiteUrl('http://')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
