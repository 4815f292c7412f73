import { describe, expect, it } from 'vitest';
import * as z from 'zod/v4';
import { registerClientOptions, registerEnvShape } from './env.js';

const env = z.object({ ...registerEnvShape });

describe('register env', () => {
  it('defaults to the public API at its 7 req/s limit, and gives the client its options', () => {
    const parsed = env.parse({});
    expect(parsed).toEqual({
      ANNUAIRE_BASE_URL: 'https://recherche-entreprises.api.gouv.fr',
      ANNUAIRE_CACHE_TTL_S: 600,
      ANNUAIRE_TIMEOUT_MS: 10_000,
      ANNUAIRE_RATE_LIMIT_PER_S: 7,
    });
    expect(registerClientOptions(parsed)).toEqual({
      baseUrl: 'https://recherche-entreprises.api.gouv.fr',
      cacheTtlMs: 600_000,
      timeoutMs: 10_000,
      perSecond: 7,
    });
  });

  it('reads strings from the environment and refuses a rate over the API limit', () => {
    const parsed = env.parse({ ANNUAIRE_BASE_URL: 'http://127.0.0.1:9999', ANNUAIRE_CACHE_TTL_S: '0' });
    expect(registerClientOptions(parsed)).toMatchObject({ baseUrl: 'http://127.0.0.1:9999', cacheTtlMs: 0 });
    expect(env.safeParse({ ANNUAIRE_RATE_LIMIT_PER_S: '8' }).success).toBe(false);
    expect(env.safeParse({ ANNUAIRE_BASE_URL: 'ftp://example.org' }).success).toBe(false);
  });
});
