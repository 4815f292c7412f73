import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../store/memory.js';
import { exampleServer } from '../testing/example-server.js';
import { startTestServer, type TestServer } from '../testing/start.js';
import { clientKey, throttleKeys } from './throttle-keys.js';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const basic = (user: string, pass: string) => `Basic ${b64(`${user}:${pass}`)}`;
const BAD = basic('tester', 'nope-nope-nope');
const LIST = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const post = (authorization: string | undefined, extra: Record<string, string> = {}) =>
  server!.inject({
    method: 'POST',
    url: '/mcp',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': '2025-06-18',
      ...(authorization === undefined ? {} : { authorization }),
      ...extra,
    },
    payload: LIST,
  });

const statuses = async (n: number, send: () => ReturnType<typeof post>) => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await send()).statusCode);
  return out;
};

describe('failed-auth throttle: what is counted', () => {
  it('answers a foreign Origin 403 before the throttle, and counts nothing for it', async () => {
    server = await startTestServer(exampleServer, { env: { AUTH_MAX_FAILURES: '2' } });
    const foreign = { origin: 'https://evil.example' };
    expect(await statuses(5, () => post(BAD, foreign))).toEqual([403, 403, 403, 403, 403]);
    expect((await post(server.authorization)).statusCode).toBe(200);
  });

  it('a cross-site no-cors POST (no credentials, text/plain, foreign Origin) cannot lock anyone out', async () => {
    server = await startTestServer(exampleServer, { env: { AUTH_MAX_FAILURES: '2' } });
    for (let i = 0; i < 10; i++) {
      const res = await server.inject({
        method: 'POST',
        url: '/mcp',
        headers: { 'content-type': 'text/plain', origin: 'https://evil.example' },
        payload: LIST,
      });
      expect(res.statusCode).toBe(403);
    }
    expect((await post(server.authorization)).statusCode).toBe(200);
  });

  it('does not count requests without credentials', async () => {
    server = await startTestServer(exampleServer, { env: { AUTH_MAX_FAILURES: '2' } });
    expect(await statuses(6, () => post(undefined))).toEqual([401, 401, 401, 401, 401, 401]);
    expect((await post(server.authorization)).statusCode).toBe(200);
  });

  it('counts per (IP, username): another user behind the same IP still gets in', async () => {
    server = await startTestServer(exampleServer, { env: { AUTH_MAX_FAILURES: '2' } });
    const mallory = basic('mallory', 'guess-guess-guess');
    expect(await statuses(2, () => post(mallory))).toEqual([401, 401]);
    expect((await post(mallory)).statusCode).toBe(429);
    expect((await post(server.authorization)).statusCode).toBe(200);
  });

  it('counts bearer failures per (IP, token hash)', async () => {
    server = await startTestServer(exampleServer, {
      env: { AUTH_MAX_FAILURES: '2', AUTH_BEARER_TOKENS: 'tok-0123456789abcdefghijklmn' },
    });
    const wrong = 'Bearer tok-wrong-wrong-wrong-wrong';
    expect(await statuses(3, () => post(wrong))).toEqual([401, 401, 429]);
    expect((await post('Bearer tok-0123456789abcdefghijklmn')).statusCode).toBe(200);
  });

  it('a success resets that pair: a user who mistypes now and then is never locked out', async () => {
    server = await startTestServer(exampleServer, { env: { AUTH_MAX_FAILURES: '3' } });
    for (let round = 0; round < 3; round++) {
      expect(await statuses(2, () => post(BAD))).toEqual([401, 401]);
      expect((await post(server.authorization)).statusCode).toBe(200);
    }
  });

  it('stops an IP that sprays many usernames at AUTH_MAX_FAILURES_PER_IP, even for a right password', async () => {
    server = await startTestServer(exampleServer, {
      env: { AUTH_MAX_FAILURES: '2', AUTH_MAX_FAILURES_PER_IP: '3' },
    });
    for (const user of ['u1', 'u2', 'u3']) expect((await post(basic(user, 'x-x-x-x'))).statusCode).toBe(401);
    const res = await post(basic('u4', 'x-x-x-x'));
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await post(server.authorization)).statusCode).toBe(429);
  });
});

describe('failed-auth throttle: which client', () => {
  it('groups IPv6 clients by /64', async () => {
    server = await startTestServer(exampleServer, {
      env: { AUTH_MAX_FAILURES: '2', TRUST_PROXY: '127.0.0.1' },
    });
    const from = (ip: string) => ({ 'x-forwarded-for': ip });
    expect((await post(BAD, from('2001:db8:1:2::1'))).statusCode).toBe(401);
    expect((await post(BAD, from('2001:db8:1:2::2'))).statusCode).toBe(401);
    expect((await post(BAD, from('2001:db8:1:2:ffff:ffff:ffff:ffff'))).statusCode).toBe(429);
    expect((await post(BAD, from('2001:db8:1:3::1'))).statusCode).toBe(401);
  });

  it('refuses a forged X-Forwarded-For that is not an IP address with 400, and counts nothing', async () => {
    server = await startTestServer(exampleServer, {
      env: { AUTH_MAX_FAILURES: '1', TRUST_PROXY: '127.0.0.1' },
    });
    const forged = { 'x-forwarded-for': 'x'.repeat(8192) };
    for (let i = 0; i < 3; i++) {
      const res = await post(BAD, forged);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ error: 'bad_client_address', message: expect.any(String) });
      expect(res.body.length).toBeLessThan(200);
    }
    expect((await post(BAD, { 'x-forwarded-for': '198.51.100.7, not-an-ip' })).statusCode).toBe(400);
    expect((await post(server.authorization, { 'x-forwarded-for': '198.51.100.7' })).statusCode).toBe(200);
  });
});

describe('throttle keys', () => {
  it('maps IPv4, IPv4-mapped IPv6 and IPv6 to a short client key, and anything else to undefined', () => {
    expect(clientKey('198.51.100.7')).toBe('198.51.100.7');
    expect(clientKey('::ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(clientKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8:1:2::9')).toBe(clientKey('2001:db8:1:2:aaaa::1'));
    expect(clientKey('x'.repeat(8192))).toBeUndefined();
    expect(clientKey('1.2.3.4, 5.6.7.8')).toBeUndefined();
    expect(clientKey('')).toBeUndefined();
  });

  it('never puts a username, password or token in a key, and keeps every key short', () => {
    const secret = 'correct-horse-battery-staple';
    const headers = [
      basic('a'.repeat(700), secret),
      basic(secret, 'x'),
      `Bearer ${secret}`,
      `Digest ${secret}`,
      'x'.repeat(8192),
    ];
    const keys = headers.map((h) => throttleKeys('2001:db8:1:2::/64', h));
    for (const { pair, ip } of keys) {
      expect(pair).not.toContain(secret);
      expect(pair).not.toContain('aaaa');
      expect(pair.length).toBeLessThan(80);
      expect(ip).toBe('auth-fail-ip|2001:db8:1:2::/64');
    }
    expect(new Set(keys.map((k) => k.pair)).size).toBe(headers.length);
    expect(throttleKeys('192.0.2.1', basic('bob', 'p1')).pair).toBe(
      throttleKeys('192.0.2.1', basic('bob', 'p2')).pair,
    );
  });

  it('the in-memory key store is bounded in entries (least recently used go first)', async () => {
    const store = createMemoryStore({ maxCounters: 3 });
    for (const k of ['a', 'b', 'c', 'd']) await store.incr(k, 60_000);
    expect((await store.count('a')).count).toBe(0);
    expect((await store.count('d')).count).toBe(1);
  });
});
