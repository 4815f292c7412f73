import { describe, expect, it } from 'vitest';
import { fetchConfigFromEnv, linkedinEnv, parseHeaderList } from './config.js';

describe('LINKEDIN_FETCH_HEADERS', () => {
  it('reads a JSON object or "Name: value" lines, names lower-cased', () => {
    expect(parseHeaderList('{"X-Api-Key":"abc","X-Render":1}')).toEqual({
      'x-api-key': 'abc',
      'x-render': '1',
    });
    expect(parseHeaderList('X-Api-Key: abc:def\nAccept: text/html\n')).toEqual({
      'x-api-key': 'abc:def',
      accept: 'text/html',
    });
    expect(parseHeaderList('X-Api-Key: abc\\nX-Country: fr')).toEqual({
      'x-api-key': 'abc',
      'x-country': 'fr',
    });
    expect(parseHeaderList(undefined)).toEqual({});
  });

  it('refuses malformed lists without echoing any value', () => {
    const attempts = [
      '{"X-Api-Key": {"nested": "s3cr3t-value"}}',
      'no colon s3cr3t-value',
      '{not json s3cr3t-value',
    ];
    for (const raw of attempts) {
      expect(() => parseHeaderList(raw)).toThrow(/^LINKEDIN_FETCH_HEADERS: /);
      try {
        parseHeaderList(raw);
      } catch (error) {
        expect((error as Error).message).not.toContain('s3cr3t-value');
      }
    }
    expect(() => parseHeaderList('Bad Name: x')).toThrow('"Bad Name" is not a header name');
  });
});

describe('env schema', () => {
  it('accepts a template with {url} and fills defaults', () => {
    const env = linkedinEnv.parse({
      LINKEDIN_FETCH_URL_TEMPLATE: 'https://api.scraper.example/v1/?key=k&url={url}',
      LINKEDIN_FETCH_HEADERS: 'X-Key: k',
      LINKEDIN_RATE_PER_SECOND: '1.5',
    });
    expect(fetchConfigFromEnv(env)).toEqual({
      baseUrl: undefined,
      template: 'https://api.scraper.example/v1/?key=k&url={url}',
      providerHeaders: { 'x-key': 'k' },
      ratePerSecond: 1.5,
      concurrency: 2,
      cacheTtlMs: 21_600_000,
      timeoutMs: 15_000,
      acceptLanguage: 'fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7',
    });
  });

  it('names the variable when a template lacks {url} or is not http(s)', () => {
    const noPlaceholder = linkedinEnv.safeParse({
      LINKEDIN_FETCH_URL_TEMPLATE: 'https://api.example/?url=',
    });
    expect(noPlaceholder.success).toBe(false);
    expect(noPlaceholder.error?.issues[0]?.path).toEqual(['LINKEDIN_FETCH_URL_TEMPLATE']);
    expect(noPlaceholder.error?.issues[0]?.message).toContain('{url}');
    expect(linkedinEnv.safeParse({ LINKEDIN_FETCH_URL_TEMPLATE: 'ftp://x/{url}' }).success).toBe(false);
    expect(linkedinEnv.safeParse({ LINKEDIN_BASE_URL: 'not a url' }).success).toBe(false);
    expect(linkedinEnv.safeParse({ LINKEDIN_FETCH_URL_TEMPLATE: '' }).success).toBe(true);
  });
});
