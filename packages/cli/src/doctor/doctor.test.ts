import { allInOneServer } from '@mcp/all-in-one';
import { annuaireServer } from '@mcp/annuaire';
import { startTestServer, TEST_CREDENTIAL } from '@mcp/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../cli.js';
import type { CheckResult } from '../index.js';
import { closedPort, type FakeServer, send, startFake } from '../testing/fake-servers.js';
import { captureIo } from '../testing/io.js';

type App = Awaited<ReturnType<typeof startTestServer>>;
let app: App;
const env = { MCP_PASSWORD: TEST_CREDENTIAL.password, WRONG: 'not-the-password-at-all' };

const doctor = async (args: string[], ioEnv: Record<string, string> = env) => {
  const io = captureIo({ env: ioEnv });
  const code = await run(['doctor', ...args, '--timeout', '5000'], io);
  return { code, out: io.stdout(), err: io.stderr() };
};

const doctorJson = async (args: string[]) => {
  const r = await doctor([...args, '--json']);
  const report = JSON.parse(r.out) as { ok: boolean; url: string; checks: CheckResult[] };
  return { ...r, report, byName: new Map(report.checks.map((c) => [c.name, c])) };
};

beforeAll(async () => {
  // The upstream is never called: the harmless call checks the checksum only.
  app = await startTestServer(annuaireServer, {
    env: { ANNUAIRE_BASE_URL: 'http://127.0.0.1:9', AUTH_MAX_FAILURES: '1000' },
  });
});
afterAll(() => app.close());

describe('doctor against a live local annuaire', () => {
  it('passes every check, lists the tools and calls verify_siret, exit 0', async () => {
    const { code, report, byName } = await doctorJson([
      app.url,
      '--user',
      'tester',
      '--password-env',
      'MCP_PASSWORD',
    ]);
    expect(code).toBe(0);
    expect(report.ok).toBe(true);
    expect(report.url).toBe(app.mcpUrl);
    expect(byName.get('TLS certificate')).toMatchObject({
      status: 'skip',
      detail: 'plain http on loopback (a local app): no TLS to check',
    });
    expect(byName.get('GET / (healthcheck)')).toMatchObject({ status: 'ok' });
    expect(byName.get('GET / (healthcheck)')?.detail).toContain('200 application/json {"status":"ok"}');
    expect(byName.get('POST /mcp, no credentials')).toMatchObject({
      status: 'ok',
      detail: '401, WWW-Authenticate: Basic realm="mcp", charset="UTF-8"',
    });
    expect(byName.get('GET /mcp, authenticated, no SSE Accept')?.status).toBe('ok');
    expect(byName.get('GET /mcp, authenticated, no SSE Accept')?.detail).toMatch(/^406 application\/json/);
    const list = byName.get('tools/list (SDK client)');
    expect(list?.status).toBe('ok');
    expect(list?.detail).toMatch(/^annuaire \d+\.\d+\.\d+: \d+ tools: /);
    for (const tool of [
      'search_companies',
      'get_company',
      'verify_siret',
      'search_near_point',
      'get_officers',
    ])
      expect(list?.detail).toContain(tool);
    expect(byName.get('tools/call verify_siret')).toMatchObject({
      status: 'ok',
      detail: 'answered (checksum only, no register call)',
    });
    for (const check of report.checks) expect(check.ms).toBeGreaterThanOrEqual(0);
  });

  it('prints a table with one line per check and the latency of each', async () => {
    const { code, out } = await doctor([
      `${app.url}/mcp`,
      '--user',
      'tester',
      '--password-env',
      'MCP_PASSWORD',
    ]);
    expect(code).toBe(0);
    expect(out).toContain(`mcp-config doctor ${app.mcpUrl}`);
    expect(out).toMatch(/GET \/ \(healthcheck\)\s+ok\s+\d+ ms\s+200 application\/json/);
    expect(out).toMatch(/tools\/call verify_siret\s+ok\s+\d+ ms/);
    expect(out).toContain('all checks passed');
  });

  it('says the credentials were refused when the password is wrong, exit 1', async () => {
    const { code, byName } = await doctorJson([app.url, '--user', 'tester', '--password-env', 'WRONG']);
    expect(code).toBe(1);
    const get = byName.get('GET /mcp, authenticated, no SSE Accept');
    expect(get?.status).toBe('fail');
    expect(get?.cause).toContain('the credentials were refused');
    expect(byName.get('tools/list (SDK client)')?.status).toBe('fail');
    expect(byName.get('tools/list (SDK client)')?.cause).toContain('credentials were refused');
  });

  it('runs the public checks and skips the rest without credentials, exit 0', async () => {
    const { code, byName } = await doctorJson([app.url]);
    expect(code).toBe(0);
    expect(byName.get('POST /mcp, no credentials')?.status).toBe('ok');
    expect(byName.get('tools/list (SDK client)')).toMatchObject({ status: 'skip' });
  });
});

describe('doctor against a live local all-in-one', () => {
  let aio: App;
  beforeAll(async () => {
    // Every upstream on a closed loopback port: the doctor's calls reach none.
    aio = await startTestServer(allInOneServer, {
      env: {
        ANNUAIRE_BASE_URL: 'http://127.0.0.1:9',
        RDAP_BOOTSTRAP_URL: 'http://127.0.0.1:9',
        LINKEDIN_BASE_URL: 'http://127.0.0.1:9',
        SERP_PROVIDER: 'duckduckgo',
        DDG_BASE_URL: 'http://127.0.0.1:9',
      },
    });
  });
  afterAll(() => aio.close());
  const login = ['--user', 'tester', '--password-env', 'MCP_PASSWORD'];

  it('checks /mcp (the combined tools, annuaire_verify_siret) and one per-app endpoint, exit 0', async () => {
    const { code, report, byName } = await doctorJson([aio.url, ...login]);
    expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(code).toBe(0);
    expect(byName.get('GET / (healthcheck)')?.status).toBe('ok');
    expect(byName.get('POST /mcp, no credentials')?.status).toBe('ok');
    expect(byName.get('tools/list (SDK client)')?.detail).toMatch(
      /^all-in-one \S+: \d+ tools: .*research_company/,
    );
    expect(byName.get('tools/call annuaire_verify_siret')?.status).toBe('ok');
    const perApp = byName.get('tools/list (SDK client) on /annuaire/mcp');
    expect(perApp?.status).toBe('ok');
    expect(perApp?.detail).toContain('verify_siret');
    expect(perApp?.detail).not.toContain('research_company');
    expect(byName.get('tools/call verify_siret on /annuaire/mcp')?.status).toBe('ok');
  });

  it('given a per-app URL, finds the health check at the root and checks that endpoint alone', async () => {
    const { code, report, byName } = await doctorJson([`${aio.url}/rdap/mcp`, ...login]);
    expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(code).toBe(0);
    expect(report.url).toBe(`${aio.url}/rdap/mcp`);
    expect(byName.get('GET / (healthcheck)')?.detail).toContain(`at ${aio.url}/ (the all-in-one's`);
    expect(byName.get('tools/call lookup_domain')?.status).toBe('ok');
    expect(report.checks.some((c) => c.name.includes(' on /annuaire/mcp'))).toBe(false);
  });
});

describe('doctor names the likely cause of a broken deployment', () => {
  const fakes: FakeServer[] = [];
  afterAll(() => Promise.all(fakes.map((f) => f.close())));
  const fake = async (handler: Parameters<typeof startFake>[0]) => {
    const f = await startFake(handler);
    fakes.push(f);
    return f.url;
  };

  it('HTML instead of JSON: another service or port behind the proxy', async () => {
    const url = await fake((_req, res) =>
      send(res, 200, 'text/html', '<!DOCTYPE html><h1>Welcome to nginx!</h1>'),
    );
    const { code, byName } = await doctorJson([url]);
    expect(code).toBe(1);
    expect(byName.get('GET / (healthcheck)')?.cause).toContain('HTML instead of JSON');
    expect(byName.get('POST /mcp, no credentials')?.cause).toContain('the apps listen on 8080');
  });

  it('401 on /: auth in front of the whole host, and a healthcheck on /mcp fails the same way', async () => {
    const url = await fake((_req, res) =>
      send(res, 401, 'text/plain', '401 Unauthorized', { 'www-authenticate': 'Basic realm="traefik"' }),
    );
    const { byName } = await doctorJson([url]);
    expect(byName.get('GET / (healthcheck)')?.cause).toContain('point it at /');
  });

  it('404 on /mcp: wrong branch, stripped path, or a URL without /mcp', async () => {
    const url = await fake((req, res) =>
      req.url === '/'
        ? send(res, 200, 'application/json', '{"status":"ok"}')
        : send(res, 404, 'application/json', '{"message":"Route POST:/mcp not found"}'),
    );
    const { code, byName } = await doctorJson([url]);
    expect(code).toBe(1);
    expect(byName.get('GET / (healthcheck)')?.status).toBe('ok');
    expect(byName.get('POST /mcp, no credentials')?.cause).toContain('wrong branch');
    expect(byName.get('POST /mcp, no credentials')?.cause).toContain('lacks /mcp');
  });

  it("Traefik's own 404: no router because the container is unhealthy", async () => {
    const url = await fake((_req, res) =>
      send(res, 404, 'text/plain; charset=utf-8', '404 page not found\n'),
    );
    const { byName } = await doctorJson([url]);
    expect(byName.get('GET / (healthcheck)')?.cause).toContain('Traefik has no router');
    expect(byName.get('GET / (healthcheck)')?.cause).toContain('not /mcp which answers 401');
  });

  it('502 from the proxy: no healthy backend', async () => {
    const url = await fake((_req, res) => send(res, 502, 'text/plain', 'Bad Gateway'));
    const { byName } = await doctorJson([url]);
    expect(byName.get('GET / (healthcheck)')?.cause).toContain('no healthy backend');
  });

  it('/mcp open without credentials is a failure', async () => {
    const url = await fake((req, res) =>
      req.url === '/'
        ? send(res, 200, 'application/json', '{"status":"ok"}')
        : send(res, 200, 'application/json', '{"jsonrpc":"2.0","id":1,"result":{"tools":[]}}'),
    );
    const { byName } = await doctorJson([url]);
    expect(byName.get('POST /mcp, no credentials')?.cause).toContain('WITHOUT credentials');
  });

  it('a redirect to https: use the final URL, a POST does not survive it', async () => {
    const url = await fake((req, res) =>
      send(res, 301, 'text/plain', '', { location: `https://annuaire.mcp.example.com${req.url}` }),
    );
    const { byName } = await doctorJson([url]);
    expect(byName.get('GET / (healthcheck)')?.cause).toContain(
      'the proxy redirects HTTP to HTTPS (https://annuaire.mcp.example.com/)',
    );
  });

  it.each([
    [403, 'AUTH_ALLOW_IPS'],
    [429, 'wait for Retry-After'],
    [405, 'not a Streamable HTTP endpoint'],
  ])('%i on /mcp names its cause', async (status, cause) => {
    const url = await fake((req, res) =>
      req.url === '/'
        ? send(res, 200, 'application/json', '{"status":"ok"}')
        : send(res, status, 'application/json', '{"error":"x"}'),
    );
    const { byName } = await doctorJson([url]);
    expect(byName.get('POST /mcp, no credentials')?.cause).toContain(cause);
  });

  it('connection refused: down, wrong port, or started in stdio mode', async () => {
    const port = await closedPort();
    const { code, byName } = await doctorJson([`http://127.0.0.1:${port}`]);
    expect(code).toBe(1);
    const health = byName.get('GET / (healthcheck)');
    expect(health?.detail).toMatch(/^ECONNREFUSED/);
    expect(health?.cause).toContain(`nothing listens on 127.0.0.1:${port}`);
    expect(health?.cause).toContain('MCP_TRANSPORT=stdio');
  });

  it('refuses a stdio command given as the URL, exit 2', async () => {
    const { code, err } = await doctor(['npx -y @mcp-fr/annuaire --stdio']);
    expect(code).toBe(2);
    expect(err).toContain('is a stdio command or config, not an HTTP deployment');
  });
});
