import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createServer, prepareServer } from '../server.js';
import { exampleServer } from '../testing/example-server.js';
import { deleteRedisKeys, uniqueRedisPrefix } from '../testing/redis-server.js';
import { startTestServer, type TestServer } from '../testing/start.js';
import { redisPrefix } from './from-config.js';
import type { Store } from './types.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = uniqueRedisPrefix('server');
const app = `probe-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

afterAll(async () => {
  await deleteRedisKeys(REDIS_URL, PREFIX);
  await deleteRedisKeys(REDIS_URL, `mcp:${app}:`);
});

/** A server whose tools factory hands back the store it was given. */
const probe = () => {
  const seen: { store?: Store } = {};
  const definition = createServer({
    name: app,
    version: '0.0.0',
    tools: (ctx) => {
      seen.store = ctx.store;
      return [];
    },
  });
  return { definition, seen };
};

const prepare = async (env: Record<string, string>) => {
  const { definition, seen } = probe();
  const prepared = await prepareServer(definition, {
    env: { AUTH_USERNAME: 'u', AUTH_PASSWORD: 'a-long-password-1', ...env },
    argv: [],
    log: pino({ level: 'silent' }),
  });
  return { prepared, store: seen.store as Store };
};

describe('createServer: one store per server, handed to the tools', () => {
  it('is in-memory without REDIS_URL', async () => {
    const { prepared, store } = await prepare({});
    expect(store).toBeDefined();
    expect('shared' in store).toBe(false);
    await store.set('k', { v: 1 }, 1000);
    expect(await store.get('k')).toEqual({ v: 1 });
    await prepared.dispose();
  });

  it('is Redis with REDIS_URL, under `mcp:<app>:` by default, and closed on dispose', async () => {
    const { prepared, store } = await prepare({ REDIS_URL });
    await store.set('k', 'v', 5000);
    expect(prepared.store).toBe(store);
    const raw = new Redis(REDIS_URL);
    try {
      expect(await raw.get(`mcp:${app}:c:k`)).toBe('"v"');
    } finally {
      raw.disconnect();
    }
    await prepared.dispose();
  });
});

describe('REDIS_PREFIX', () => {
  it('defaults to mcp:<app>: and gets its separator when written without one', () => {
    expect(redisPrefix(undefined, 'annuaire')).toBe('mcp:annuaire:');
    expect(redisPrefix('mcp-annuaire', 'annuaire')).toBe('mcp-annuaire:');
    expect(redisPrefix('team:a:', 'annuaire')).toBe('team:a:');
  });
});

describe('failed-auth throttle on the shared store', () => {
  const servers: TestServer[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  it('counts failures on two servers into one counter per client IP', async () => {
    const env = { REDIS_URL, REDIS_PREFIX: PREFIX, AUTH_MAX_FAILURES: '3' };
    const a = await startTestServer(exampleServer, { env });
    const b = await startTestServer(exampleServer, { env });
    servers.push(a, b);
    const bad = `Basic ${Buffer.from('tester:wrong').toString('base64')}`;
    const attempt = async (s: TestServer) =>
      (await s.inject({ method: 'POST', url: '/mcp', headers: { authorization: bad }, payload: '{}' }))
        .statusCode;
    expect([await attempt(a), await attempt(b), await attempt(a)]).toEqual([401, 401, 401]);
    expect(await attempt(b)).toBe(429);
    // Throttled before the credentials are even checked: right ones are refused too, on either server.
    const good = await a.inject({ method: 'POST', url: '/mcp', headers: { authorization: a.authorization } });
    expect(good.statusCode).toBe(429);
    expect(good.headers['retry-after']).toMatch(/^\d+$/);
  });

  it('a success on one replica clears that pair on all; Redis keys expire and hold no username', async () => {
    const prefix = `${PREFIX}reset:`;
    const env = { REDIS_URL, REDIS_PREFIX: prefix, AUTH_MAX_FAILURES: '3' };
    const a = await startTestServer(exampleServer, { env });
    const b = await startTestServer(exampleServer, { env });
    servers.push(a, b);
    const bad = `Basic ${Buffer.from('tester:wrong').toString('base64')}`;
    const attempt = async (s: TestServer, authorization: string) =>
      (await s.inject({ method: 'POST', url: '/mcp', headers: { authorization }, payload: '{}' })).statusCode;
    expect([await attempt(a, bad), await attempt(b, bad)]).toEqual([401, 401]);
    const redis = new Redis(REDIS_URL);
    try {
      const keys = await redis.keys(`${prefix}*auth-fail*`);
      expect(keys.length).toBe(2);
      for (const key of keys) {
        expect(key).not.toContain('tester');
        expect(await redis.pttl(key)).toBeGreaterThan(0);
      }
      expect(await attempt(a, a.authorization)).not.toBe(429);
      expect([await attempt(b, bad), await attempt(a, bad)]).toEqual([401, 401]);
    } finally {
      redis.disconnect();
    }
  });
});
