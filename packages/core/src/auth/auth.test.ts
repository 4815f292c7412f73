import { afterEach, describe, expect, it } from 'vitest';
import { exampleServer } from '../testing/example-server.js';
import { startTestServer, TEST_CREDENTIAL, type TestServer } from '../testing/start.js';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const LIST = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
const HEADERS = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
  'mcp-protocol-version': '2025-06-18',
};

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const post = (authorization?: string, extra: Record<string, string> = {}) =>
  server!.inject({
    method: 'POST',
    url: '/mcp',
    headers: { ...HEADERS, ...(authorization === undefined ? {} : { authorization }), ...extra },
    payload: LIST,
  });

describe('Basic auth on /mcp', () => {
  const cases: Array<[string, string | undefined]> = [
    ['no header', undefined],
    ['wrong scheme', `Digest ${b64(`${TEST_CREDENTIAL.username}:${TEST_CREDENTIAL.password}`)}`],
    ['malformed base64', 'Basic %%%not-base64%%%'],
    ['no colon in the decoded value', `Basic ${b64('tester')}`],
    ['empty user', `Basic ${b64(`:${TEST_CREDENTIAL.password}`)}`],
    ['an 8 KB header', `Basic ${'A'.repeat(8192)}`],
    ['unicode credentials that are not configured', `Basic ${b64('tëster:mot-de-passe-é')}`],
    ['wrong password', `Basic ${b64(`${TEST_CREDENTIAL.username}:wrong-password-123`)}`],
    ['right password for another user', `Basic ${b64(`admin:${TEST_CREDENTIAL.password}`)}`],
  ];

  it.each(cases)('refuses %s with 401, a Basic challenge and a small JSON body', async (_name, header) => {
    server = await startTestServer(exampleServer);
    const res = await post(header);
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Basic realm="mcp", charset="UTF-8"');
    expect(res.json()).toEqual({ error: 'unauthorized', message: expect.any(String) });
    expect(res.body.length).toBeLessThan(200);
  });

  it('accepts the right credentials', async () => {
    server = await startTestServer(exampleServer);
    const res = await post(server.authorization);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('"echo"');
  });

  it('accepts unicode credentials when they are configured (UTF-8)', async () => {
    server = await startTestServer(exampleServer, {
      env: { AUTH_USERNAME: 'rené', AUTH_PASSWORD: 'mot-de-passe-élevé-ü' },
    });
    expect((await post(`Basic ${b64('rené:mot-de-passe-élevé-ü')}`)).statusCode).toBe(200);
  });

  it('rotates without downtime: every AUTH_CREDENTIALS pair works, a removed one stops working', async () => {
    server = await startTestServer(exampleServer, {
      env: {
        AUTH_USERNAME: undefined,
        AUTH_PASSWORD: undefined,
        AUTH_CREDENTIALS: 'alice:old-password-1234,alice:new-password-5678',
      },
    });
    expect((await post(`Basic ${b64('alice:old-password-1234')}`)).statusCode).toBe(200);
    expect((await post(`Basic ${b64('alice:new-password-5678')}`)).statusCode).toBe(200);
    await server.close();
    server = await startTestServer(exampleServer, {
      env: {
        AUTH_USERNAME: undefined,
        AUTH_PASSWORD: undefined,
        AUTH_CREDENTIALS: 'alice:new-password-5678',
      },
    });
    expect((await post(`Basic ${b64('alice:old-password-1234')}`)).statusCode).toBe(401);
    expect((await post(`Basic ${b64('alice:new-password-5678')}`)).statusCode).toBe(200);
  });

  it('accepts a configured bearer token and refuses another', async () => {
    server = await startTestServer(exampleServer, {
      env: { AUTH_BEARER_TOKENS: 'tok-0123456789abcdefghijklmn' },
    });
    expect((await post('Bearer tok-0123456789abcdefghijklmn')).statusCode).toBe(200);
    expect((await post('Bearer tok-wrong')).statusCode).toBe(401);
  });
});

describe('failed-auth throttle', () => {
  it('answers 429 with Retry-After after AUTH_MAX_FAILURES failures, then resets after the window', async () => {
    server = await startTestServer(exampleServer, {
      env: { AUTH_MAX_FAILURES: '3', AUTH_FAILURE_WINDOW_S: '1' },
    });
    const bad = `Basic ${b64('tester:nope-nope-nope')}`;
    for (let i = 0; i < 3; i++) expect((await post(bad)).statusCode).toBe(401);
    const throttled = await post(server.authorization);
    expect(throttled.statusCode).toBe(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await post(server.authorization)).statusCode).toBe(200);
  });

  it('throttles a client whose right credentials were accepted before (a remembered success skips nothing)', async () => {
    server = await startTestServer(exampleServer, { env: { AUTH_MAX_FAILURES: '2' } });
    expect((await post(server.authorization)).statusCode).toBe(200);
    expect((await post(server.authorization)).statusCode).toBe(200);
    const bad = `Basic ${b64(`${TEST_CREDENTIAL.username}:nope-nope-nope`)}`;
    expect((await post(bad)).statusCode).toBe(401);
    expect((await post(bad)).statusCode).toBe(401);
    expect((await post(server.authorization)).statusCode).toBe(429);
  });

  it('throttles per IP: other addresses are unaffected', async () => {
    server = await startTestServer(exampleServer, {
      env: { AUTH_MAX_FAILURES: '2', TRUST_PROXY: '127.0.0.1' },
    });
    const bad = `Basic ${b64('tester:nope-nope-nope')}`;
    const from = (ip: string) => ({ 'x-forwarded-for': ip });
    expect((await post(bad, from('198.51.100.1'))).statusCode).toBe(401);
    expect((await post(bad, from('198.51.100.1'))).statusCode).toBe(401);
    expect((await post(server.authorization, from('198.51.100.1'))).statusCode).toBe(429);
    expect((await post(server.authorization, from('198.51.100.2'))).statusCode).toBe(200);
  });

  it('ignores X-Forwarded-For when TRUST_PROXY is not set', async () => {
    server = await startTestServer(exampleServer, { env: { AUTH_MAX_FAILURES: '1' } });
    const bad = `Basic ${b64('tester:nope-nope-nope')}`;
    expect((await post(bad, { 'x-forwarded-for': '198.51.100.1' })).statusCode).toBe(401);
    // Same real peer (127.0.0.1), so a spoofed header does not escape the throttle.
    expect((await post(server.authorization, { 'x-forwarded-for': '198.51.100.9' })).statusCode).toBe(429);
  });
});

describe('IP allowlist and Origin', () => {
  it('refuses a client outside AUTH_ALLOW_IPS with 403, even with valid credentials', async () => {
    server = await startTestServer(exampleServer, {
      env: { AUTH_ALLOW_IPS: '10.0.0.0/8', TRUST_PROXY: '127.0.0.1' },
    });
    expect((await post(server.authorization, { 'x-forwarded-for': '192.0.2.10' })).statusCode).toBe(403);
    expect((await post(server.authorization, { 'x-forwarded-for': '10.1.2.3' })).statusCode).toBe(200);
  });

  it('refuses a request whose Origin is not in ALLOWED_ORIGINS with 403', async () => {
    server = await startTestServer(exampleServer, { env: { ALLOWED_ORIGINS: 'https://app.example.com' } });
    expect((await post(server.authorization, { origin: 'https://evil.example' })).statusCode).toBe(403);
    expect((await post(server.authorization, { origin: 'https://app.example.com' })).statusCode).toBe(200);
    expect((await post(server.authorization)).statusCode).toBe(200);
  });

  it('refuses every browser Origin when ALLOWED_ORIGINS is empty', async () => {
    server = await startTestServer(exampleServer);
    expect((await post(server.authorization, { origin: 'http://localhost:3000' })).statusCode).toBe(403);
  });
});
