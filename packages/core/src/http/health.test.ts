import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleServer } from '../testing/example-server.js';
import { startTestServer, type TestServer } from '../testing/start.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(exampleServer);
});
afterAll(() => server.close());

describe('public routes', () => {
  it('GET / answers {"status":"ok"} without credentials', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.text()).toBe('{"status":"ok"}');
  });

  it('HEAD / answers 200 without credentials', async () => {
    const res = await fetch(`${server.url}/`, { method: 'HEAD' });
    expect(res.status).toBe(200);
  });

  it('GET /healthz names the server and its uptime', async () => {
    const body = (await (await fetch(`${server.url}/healthz`)).json()) as { uptime_s: number };
    expect(body).toMatchObject({ status: 'ok', name: 'example', version: '0.0.1' });
    expect(body.uptime_s).toBeGreaterThanOrEqual(0);
  });

  it('unknown paths answer a JSON 404', async () => {
    const res = await fetch(`${server.url}/nope?x=1`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'not_found', message: 'No route GET /nope' });
  });
});
