// Two apps behind one egress IP (annuaire and siret-extractor, each with its own REDIS_PREFIX) on one
// Redis: the API counts 7 requests/s per IP, so both must draw from one bucket, not one each.
import { hostRateKey } from '@mcp/core';
import {
  busiestSecond,
  createRedisStore,
  deleteRedisKeys,
  readFixtureJson,
  type SharedStore,
  startReplayServer,
  uniqueRedisPrefix,
} from '@mcp/core/testing';
import { describe, expect, it } from 'vitest';
import { createRegisterClient } from './client.js';
import { API_RATE_LIMIT_PER_SECOND } from './limits.js';

// The machine's shared Redis (CI starts one when none answers); never killed by this test.
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const silent = { warn: () => undefined, info: () => undefined, debug: () => undefined };
const PER_APP = 14;

describe('one rate budget per API host, across apps with different REDIS_PREFIX', () => {
  it('two clients on two prefixes send at most 7 requests in any second to the one host', async () => {
    const body = readFixtureJson<Record<string, unknown>>('annuaire', 'search_356000000.json');
    const upstream = await startReplayServer(() => ({ body }));
    const prefixes = [uniqueRedisPrefix('annuaire'), uniqueRedisPrefix('siret-extractor')];
    const stores: SharedStore[] = prefixes.map((prefix) =>
      createRedisStore({ url: REDIS_URL, prefix, log: silent as never }),
    );
    const clients = stores.map((store) => createRegisterClient({ baseUrl: upstream.url, store }));
    try {
      // Distinct queries per app, so neither the cache nor single-flight merges any call.
      const burst = clients.flatMap((api, app) =>
        Array.from({ length: PER_APP }, (_, i) => api.search({ q: `app${app} call${i}` })),
      );
      const results = await Promise.all(burst);

      expect(stores.every((s) => s.shared)).toBe(true);
      expect(results.filter((r) => !r.ok)).toEqual([]);
      expect(upstream.requests).toHaveLength(2 * PER_APP);
      // With one bucket per app, 2 × 6.3 req/s would arrive: 12 or 13 in the busiest second.
      expect(
        busiestSecond(
          upstream.requests.map((r) => r.at),
          { perSecond: API_RATE_LIMIT_PER_SECOND },
        ),
      ).toBeLessThanOrEqual(API_RATE_LIMIT_PER_SECOND);
      // The bucket is where the documentation says, outside both prefixes.
      const host = new URL(upstream.url).host;
      expect(await deleteRedisKeys(REDIS_URL, hostRateKey(host))).toBe(1);
    } finally {
      await Promise.all(clients.map((c) => c.close()));
      await Promise.all(stores.map((s) => s.close()));
      await Promise.all(prefixes.map((p) => deleteRedisKeys(REDIS_URL, p)));
      await upstream.close();
    }
  }, 30_000);
});
