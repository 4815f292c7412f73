// Issue 13: three real annuaire processes behind one loopback upstream, sharing one Redis; and two
// all-in-one replicas beside a standalone annuaire, each with its own REDIS_PREFIX, on one budget.
import { fileURLToPath } from 'node:url';
import {
  busiestSecond,
  deleteRedisKeys,
  type ReplayServer,
  readFixture,
  type SpawnedServer,
  spawnServer,
  startRedisServer,
  startReplayServer,
  TEST_CREDENTIAL,
  type TestRedis,
  uniqueRedisPrefix,
} from '@mcp/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The machine's shared Redis (CI starts one when none answers); only the kill test uses a private one.
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const entry = fileURLToPath(new URL('./main.ts', import.meta.url));
// The all-in-one serves this app's tools too (apps/all-in-one): same register, same budget.
const allInOneEntry = fileURLToPath(new URL('../../all-in-one/src/main.ts', import.meta.url));
const AUTH = `Basic ${Buffer.from(`${TEST_CREDENTIAL.username}:${TEST_CREDENTIAL.password}`).toString('base64')}`;
const BAD_AUTH = `Basic ${Buffer.from(`${TEST_CREDENTIAL.username}:wrong-password`).toString('base64')}`;
const MAX_FAILURES = 5;

interface Replica {
  proc: SpawnedServer;
  url: string;
}

const startReplicas = async (
  count: number,
  env: Record<string, string>,
  main: string = entry,
): Promise<Replica[]> =>
  Promise.all(
    Array.from({ length: count }, async () => {
      const proc = spawnServer(main, {
        env: {
          NODE_ENV: 'test',
          HOST: '127.0.0.1',
          PORT: '0',
          LOG_LEVEL: 'info',
          AUTH_USERNAME: TEST_CREDENTIAL.username,
          AUTH_PASSWORD: TEST_CREDENTIAL.password,
          AUTH_MAX_FAILURES: String(MAX_FAILURES),
          TRUST_PROXY: '127.0.0.1',
          // The burst is 50 calls per replica waiting on a 7 req/s budget for ~20 s: the per-process
          // tool cap (TOOL_CONCURRENCY, 5 s queue wait by default) is not what this test measures.
          TOOL_QUEUE: '200',
          TOOL_QUEUE_WAIT_MS: '60000',
          ...env,
        },
      });
      await proc.waitFor('redis connected', 20_000);
      await proc.waitFor(/"url":"http:\/\/127\.0\.0\.1:\d+\/mcp"/, 20_000);
      const url = /"url":"(http:\/\/127\.0\.0\.1:\d+)\/mcp"/.exec(proc.stdout())?.[1] ?? '';
      return { proc, url };
    }),
  );

const stopReplicas = async (replicas: Replica[]) => {
  await Promise.all(
    replicas.map(async ({ proc }) => {
      proc.child.kill('SIGTERM');
      await proc.exited;
    }),
  );
};

interface ToolResult {
  isError?: boolean;
  structuredContent?: { total_results?: number; results?: Array<{ siren: string }> };
}

const post = (url: string, body: unknown, headers: Record<string, string>, path = '/mcp') =>
  fetch(`${url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': '2025-06-18',
      ...headers,
    },
    body: JSON.stringify(body),
  });

/**
 * tools/call over stateless Streamable HTTP (no session), as any replica behind a proxy receives it;
 * on the all-in-one, through `/mcp` as `annuaire_search_companies` or through `/annuaire/mcp`.
 */
const search = async (
  replica: Replica,
  query: string,
  route: { path: string; tool: string } = { path: '/mcp', tool: 'search_companies' },
): Promise<ToolResult> => {
  const res = await post(
    replica.url,
    {
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: route.tool, arguments: { query } },
    },
    { authorization: AUTH },
    route.path,
  );
  const text = await res.text();
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${text}`);
  const json = text.startsWith('{') ? text : (/^data: (.*)$/m.exec(text)?.[1] ?? '');
  return (JSON.parse(json) as { result: ToolResult }).result;
};

/** A failed login from `clientIp` (through the trusted proxy); returns the HTTP status. */
const badLogin = async (replica: Replica, clientIp: string): Promise<number> => {
  const res = await post(
    replica.url,
    { jsonrpc: '2.0', id: 1, method: 'tools/list' },
    { authorization: BAD_AUTH, 'x-forwarded-for': clientIp },
  );
  await res.arrayBuffer();
  return res.status;
};

/** The most requests that arrived within any 1-second window. */
const fixture = readFixture('annuaire', 'search_356000000.json');
const startUpstream = () =>
  startReplayServer([{ path: '/search', headers: { 'content-type': 'application/json' }, body: fixture }]);

describe('three replicas sharing one Redis', { timeout: 60_000 }, () => {
  const prefix = uniqueRedisPrefix('annuaire');
  let upstream: ReplayServer;
  let replicas: Replica[];

  beforeAll(async () => {
    upstream = await startUpstream();
    replicas = await startReplicas(3, {
      ANNUAIRE_BASE_URL: upstream.url,
      REDIS_URL,
      REDIS_PREFIX: prefix,
    });
  }, 40_000);
  afterAll(async () => {
    await stopReplicas(replicas ?? []);
    await upstream?.close();
    await deleteRedisKeys(REDIS_URL, prefix);
  });

  it('serves from one replica the cache entry another wrote, with 0 upstream requests', async () => {
    const [a, b, c] = replicas as [Replica, Replica, Replica];
    upstream.reset();
    const first = await search(a, 'cache partagé');
    expect(first.isError).toBeFalsy();
    expect(first.structuredContent?.results?.[0]?.siren).toBe('356000000');
    expect(upstream.count('/search')).toBe(1);
    for (const other of [b, c]) {
      const again = await search(other, 'cache partagé');
      expect(again.structuredContent).toEqual(first.structuredContent);
    }
    expect(upstream.count('/search')).toBe(1);
  });

  it('a burst of 150 calls spread over the three never exceeds 7 req/s upstream in total', async () => {
    // Running replicas: code paths warm and an upstream connection open in each.
    for (const [i, replica] of replicas.entries()) await search(replica, `échauffement ${i}`);
    upstream.reset();
    const results = await Promise.all(
      Array.from({ length: 150 }, (_, i) => search(replicas[i % 3] as Replica, `rafale ${i}`)),
    );
    expect(results.filter((r) => r.isError)).toEqual([]);
    expect(upstream.requests).toHaveLength(150);
    expect(
      busiestSecond(
        upstream.requests.map((r) => r.at),
        { perSecond: 7 },
      ),
    ).toBeLessThanOrEqual(7);
  });

  it('failed logins spread over the replicas hit the throttle at the same count as on one', async () => {
    const spread: number[] = [];
    for (let i = 0; i < MAX_FAILURES + 2; i += 1) {
      spread.push(await badLogin(replicas[i % 3] as Replica, '203.0.113.10'));
    }
    const single: number[] = [];
    for (let i = 0; i < MAX_FAILURES + 2; i += 1) {
      single.push(await badLogin(replicas[0] as Replica, '203.0.113.20'));
    }
    const expected = [...Array(MAX_FAILURES).fill(401), 429, 429];
    expect(spread).toEqual(expected);
    expect(single).toEqual(expected);
    // Every replica now refuses that address, whichever got its failures; another address still gets in.
    for (const replica of replicas) expect(await badLogin(replica, '203.0.113.10')).toBe(429);
    expect(await badLogin(replicas[2] as Replica, '203.0.113.30')).toBe(401);
  });
});

describe('two all-in-one replicas and a standalone annuaire, two REDIS_PREFIX, one Redis', {
  timeout: 90_000,
}, () => {
  const prefixes = [uniqueRedisPrefix('all-in-one'), uniqueRedisPrefix('annuaire')];
  let upstream: ReplayServer;
  let replicas: Replica[] = [];

  beforeAll(async () => {
    upstream = await startUpstream();
    const env = { ANNUAIRE_BASE_URL: upstream.url, REDIS_URL };
    replicas = [
      ...(await startReplicas(2, { ...env, REDIS_PREFIX: prefixes[0] as string }, allInOneEntry)),
      ...(await startReplicas(1, { ...env, REDIS_PREFIX: prefixes[1] as string })),
    ];
  }, 60_000);
  afterAll(async () => {
    await stopReplicas(replicas);
    await upstream?.close();
    await Promise.all(prefixes.map((p) => deleteRedisKeys(REDIS_URL, p)));
  });

  it('a burst of 45 searches through /mcp, /annuaire/mcp and the standalone app stays at ≤ 7 req/s upstream', async () => {
    const [a, b, standalone] = replicas as [Replica, Replica, Replica];
    // One replica's combined name, the other's per-app endpoint, the standalone server.
    const routes = [
      (q: string) => search(a, q, { path: '/mcp', tool: 'annuaire_search_companies' }),
      (q: string) => search(b, q, { path: '/annuaire/mcp', tool: 'search_companies' }),
      (q: string) => search(standalone, q),
    ];
    for (const [i, route] of routes.entries()) expect((await route(`échauffement ${i}`)).isError).toBeFalsy();
    upstream.reset();
    // Distinct queries: neither the shared cache nor single-flight merges any call.
    const results = await Promise.all(
      Array.from({ length: 45 }, (_, i) =>
        (routes[i % 3] as (q: string) => Promise<ToolResult>)(`rafale ${i}`),
      ),
    );
    expect(results.filter((r) => r.isError)).toEqual([]);
    expect(upstream.requests).toHaveLength(45);
    // A budget per process (or per prefix) would let ~3 × 7 arrive in the busiest second.
    expect(
      busiestSecond(
        upstream.requests.map((r) => r.at),
        { perSecond: 7 },
      ),
    ).toBeLessThanOrEqual(7);
  });
});

describe('Redis killed mid-run', { timeout: 60_000 }, () => {
  const prefix = uniqueRedisPrefix('annuaire-kill');
  let redis: TestRedis;
  let upstream: ReplayServer;
  let replicas: Replica[];

  beforeAll(async () => {
    // A private redis-server: the machine's shared one is never killed.
    redis = await startRedisServer();
    upstream = await startUpstream();
    replicas = await startReplicas(3, {
      ANNUAIRE_BASE_URL: upstream.url,
      REDIS_URL: redis.url,
      REDIS_PREFIX: prefix,
    });
  }, 40_000);
  afterAll(async () => {
    await stopReplicas(replicas ?? []);
    await upstream?.close();
    await redis?.stop();
  });

  it('keeps answering with local limits while Redis is down, and shares again once it is back', async () => {
    const [a, b] = replicas as [Replica, Replica, Replica];
    expect((await search(a, 'avant panne')).isError).toBeFalsy();

    await redis.kill();
    upstream.reset();
    const during = await Promise.all(
      Array.from({ length: 30 }, (_, i) => search(replicas[i % 3] as Replica, `panne ${i}`)),
    );
    expect(during.filter((r) => r.isError)).toEqual([]);
    expect(upstream.requests).toHaveLength(30);
    // Call i went through replica i % 3: each replica still spaces its own 10 calls at 7 req/s at most.
    for (let r = 0; r < 3; r += 1) {
      const own = upstream.requests.filter((q) => Number(q.query.get('q')?.split(' ')[1]) % 3 === r);
      expect(own).toHaveLength(10);
      expect(
        busiestSecond(
          own.map((r) => r.at),
          { perSecond: 7 },
        ),
      ).toBeLessThanOrEqual(7);
      const times = own.map((q) => q.at);
      expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(9 * 140);
    }
    for (const { proc } of replicas) {
      expect(proc.stdout()).toContain('redis unavailable: using local in-memory limits, cache and locks');
    }

    await redis.restart();
    await Promise.all(replicas.map(({ proc }) => proc.waitFor('redis is back', 10_000)));
    upstream.reset();
    await search(a, 'après retour');
    expect((await search(b, 'après retour')).isError).toBeFalsy();
    expect(upstream.count('/search')).toBe(1);
    // One warning each way per replica, not one per call.
    for (const { proc } of replicas) {
      expect(proc.stdout().split('redis unavailable').length - 1).toBe(1);
    }
  });
});
