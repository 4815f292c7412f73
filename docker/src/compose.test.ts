import { describe, expect, it } from 'vitest';
import {
  composeBin,
  composeConfig,
  composeVariables,
  DOMAIN,
  dockerfileProbe,
  expectHardened,
  expectImage,
  expectRoutes,
  healthProblems,
  REQUIRED_ENV,
  STACK,
  SUBNET,
  secretProblems,
  serviceOf as service,
  traefikNames,
  traefikObjects,
  undefinedMiddlewares,
} from './compose.js';
import { APPS, appDirs, type ComposeFile, DEPLOYABLES, readRepoFile, readYaml } from './repo.js';

const compose = readYaml<ComposeFile>('docker-compose.yml');
const local = readYaml<ComposeFile>('docker-compose.local.yml');

describe('docker-compose.yml (Coolify)', () => {
  it('has one service per standalone app, plus the optional redis', () => {
    expect(appDirs()).toEqual([...DEPLOYABLES].sort());
    expect(Object.keys(compose.services).sort()).toEqual(
      [...APPS.map((app) => `mcp-${app}`), 'mcp-redis'].sort(),
    );
  });

  it.each(APPS)('builds mcp-%s from docker/Dockerfile, or pulls its GHCR image', (app) => {
    expectImage(service(compose, app), app);
  });

  it.each(APPS)(
    'routes https://%s.$MCP_DOMAIN to port 8080 through Traefik with Let’s Encrypt, rate-limits /mcp, adds nosniff, HSTS and no-store',
    (app) => {
      const host = `Host(\`${app}.${DOMAIN}\`)`;
      expectRoutes(service(compose, app), app, host, `${host} && PathPrefix(\`/mcp\`)`);
    },
  );

  it('never buffers or compresses responses, so SSE streams pass through', () => {
    const all = Object.values(compose.services).flatMap((svc) => svc.labels ?? []);
    expect(all.filter((label) => /\.(buffering|compress)\./.test(label))).toEqual([]);
  });

  it('gives every service its own router, service and middleware names, all prefixed by the stack', () => {
    // Per app: 3 routers (https, /mcp, http), 1 service, 4 middlewares (rate limit, headers, no-store, redirect).
    expect(traefikObjects(compose).size).toBe(APPS.length * 8);
    // Every middleware a router names is defined by the same service, with the same prefix.
    expect(undefinedMiddlewares(compose)).toEqual([]);
  });

  it('puts Traefik and the apps on a network of their own, with a per-stack subnet; redis stays internal', () => {
    expect(compose.networks?.edge).toEqual({
      name: `${STACK}-edge`,
      ipam: { config: [{ subnet: SUBNET }] },
    });
    expect(compose.networks?.mcp).toEqual({ internal: true });
    expect(compose.networks?.coolify).toBeUndefined();
    for (const app of APPS) {
      const svc = service(compose, app);
      expect(svc.networks).toEqual(['edge', 'mcp']);
      // Reachable by Traefik on the edge network through its label only: no exposed or published port.
      expect(svc.expose).toBeUndefined();
      expect(svc.ports).toBeUndefined();
    }
    expect(compose.services['mcp-redis']?.networks).toEqual(['mcp']);
  });

  it('trusts X-Forwarded-For from that subnet only, never a default private range', () => {
    for (const app of APPS) expect(service(compose, app).environment?.TRUST_PROXY).toBe(SUBNET);
    expect(readRepoFile('docker-compose.yml')).not.toMatch(
      /10\.0\.0\.0\/8|172\.16\.0\.0\/12|192\.168\.0\.0\/16/,
    );
  });

  it.each([...APPS, 'redis'])(
    'hardens mcp-%s: read-only, no capability, no new privileges, limits',
    (app) => {
      expectHardened(compose.services[`mcp-${app}`], app === 'redis' ? undefined : '/tmp:size=64m,mode=1777');
    },
  );

  it('has healthchecks on GET / with node (no curl in slim images, /mcp would be 401)', () => {
    expect(healthProblems(compose)).toEqual([]);
    for (const app of APPS) expect(service(compose, app).healthcheck?.retries).toBe(3);
  });

  it('uses the exact health probe of the Dockerfile', () => {
    expect(dockerfileProbe(readRepoFile('docker/Dockerfile'))).toEqual(
      service(compose, 'rdap').healthcheck?.test.slice(1),
    );
  });

  it('has no default secret: credentials are required, API keys empty unless set', () => {
    expect(secretProblems(compose)).toEqual([]);
    for (const app of APPS) {
      const env = service(compose, app).environment ?? {};
      expect(env.AUTH_USERNAME).toMatch(/^\$\{AUTH_USERNAME:\?/);
      expect(env.AUTH_PASSWORD).toMatch(/^\$\{AUTH_PASSWORD:\?/);
    }
    expect(service(compose, 'serp').environment?.SERPER_API_KEY).toBe(`\${SERPER_API_KEY:-}`);
  });

  it('keeps redis behind a profile, wired through REDIS_URL with a prefix per app', () => {
    const redis = compose.services['mcp-redis'];
    expect(redis?.profiles).toEqual(['redis']);
    expect(redis?.image).toMatch(/^redis:7\.\d+-alpine$/);
    for (const app of APPS) {
      expect(service(compose, app).environment?.REDIS_URL).toBe(`\${REDIS_URL:-}`);
      expect(service(compose, app).environment?.REDIS_PREFIX).toBe(`mcp-${app}`);
    }
  });

  it('passes the search provider keys to serp and linkedin only', () => {
    for (const app of APPS) {
      const hasKeys = 'SERPER_API_KEY' in (service(compose, app).environment ?? {});
      expect(hasKeys, app).toBe(app === 'serp' || app === 'linkedin');
    }
  });
});

describe('docs/deploy.md', () => {
  it('documents every variable the compose files read', () => {
    const docs = readRepoFile('docs/deploy.md');
    const names = new Set(
      ['docker-compose.yml', 'docker-compose.all-in-one.yml', 'docker-compose.local.yml'].flatMap((file) =>
        composeVariables(readRepoFile(file)),
      ),
    );
    expect(names.size).toBeGreaterThan(15);
    expect([...names].filter((name) => !docs.includes(`\`${name}\``))).toEqual([]);
  });
});

describe('docker-compose.local.yml', () => {
  it('runs the five apps on 127.0.0.1:8081-8085 without Traefik, in alphabetical order', () => {
    const ports = [...APPS].sort().map((app) => service(local, app).ports?.[0]);
    expect(ports).toEqual([8081, 8082, 8083, 8084, 8085].map((p) => `127.0.0.1:${p}:8080`));
    for (const app of APPS) {
      expect(service(local, app).labels).toBeUndefined();
      expect(service(local, app).build?.args?.APP).toBe(app);
      expect(service(local, app).profiles).toBeUndefined();
    }
  });

  it('runs the all-in-one on 127.0.0.1:8086 only when asked (its own profile)', () => {
    const svc = service(local, 'all-in-one');
    expect(svc.ports).toEqual(['127.0.0.1:8086:8080']);
    expect(svc.profiles).toEqual(['all-in-one']);
    expect(svc.build?.args?.APP).toBe('all-in-one');
    expect(svc.labels).toBeUndefined();
    expect(svc.environment?.SERPER_API_KEY).toBe(`\${SERPER_API_KEY:-}`);
    expect(svc.environment?.LINKEDIN_FETCH_URL_TEMPLATE).toBe(`\${LINKEDIN_FETCH_URL_TEMPLATE:-}`);
  });

  it('has healthchecks and no default secret either', () => {
    expect(healthProblems(local)).toEqual([]);
    expect(secretProblems(local)).toEqual([]);
  });
});

// Compose v1 is a Python program: a second or more per run on a busy machine.
describe.runIf(composeBin).concurrent(`${composeBin?.join(' ')} config`, { timeout: 30_000 }, () => {
  const config = composeConfig;
  const required = REQUIRED_ENV;

  it('accepts docker-compose.yml once the required variables are set', async () => {
    const result = await config('docker-compose.yml', required);
    expect(result.stderr).not.toMatch(/invalid|error/i);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Host(`siret-extractor.mcp.example.com`)');
  });

  it('refuses docker-compose.yml without AUTH_PASSWORD, naming it', async () => {
    const { AUTH_PASSWORD: _, ...withoutPassword } = required;
    const result = await config('docker-compose.yml', withoutPassword);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('set AUTH_PASSWORD');
  });

  it('refuses docker-compose.yml without MCP_SUBNET, naming it', async () => {
    const { MCP_SUBNET: _, ...withoutSubnet } = required;
    const result = await config('docker-compose.yml', withoutSubnet);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('set MCP_SUBNET');
  });

  it('gives two stacks on one server distinct Traefik names, networks and trusted subnets', async () => {
    const [production, staging] = await Promise.all([
      config('docker-compose.yml', required),
      config('docker-compose.yml', { ...required, MCP_STACK: 'staging', MCP_SUBNET: '172.30.11.0/24' }),
    ]);
    expect(production.code).toBe(0);
    expect(staging.code).toBe(0);
    const theirs = traefikNames(staging.stdout);
    expect([...traefikNames(production.stdout)].filter((name) => theirs.has(name))).toEqual([]);
    expect(production.stdout).toContain('name: mcp-fr-edge');
    expect(staging.stdout).toContain('name: staging-edge');
    expect(staging.stdout).toContain('TRUST_PROXY: 172.30.11.0/24');
    expect(staging.stdout).not.toContain('172.30.10.0/24');
  });

  it('pulls the prebuilt image of a chosen owner and version when asked', async () => {
    const result = await config('docker-compose.yml', {
      ...required,
      MCP_PULL_POLICY: 'always',
      MCP_IMAGE_OWNER: 'acme',
      MCP_VERSION: '1.2.3',
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('image: ghcr.io/acme/mcp-rdap:1.2.3');
    expect(result.stdout).toContain('pull_policy: always');
  });

  it('accepts docker-compose.local.yml, with the redis and all-in-one profiles too', async () => {
    const result = await config('docker-compose.local.yml', {
      ...required,
      COMPOSE_PROFILES: 'redis,all-in-one',
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('127.0.0.1');
    expect(result.stdout).toContain('redis:7.4-alpine');
    expect(result.stdout).toContain('8086');
  });
});
