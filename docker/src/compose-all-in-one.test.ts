import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  composeBin,
  composeConfig,
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
  serviceOf,
  traefikNames,
  traefikObjects,
  undefinedMiddlewares,
} from './compose.js';
import {
  ALL_IN_ONE,
  APPS,
  type ComposeFile,
  type ComposeService,
  labelMap,
  readRepoFile,
  readYaml,
} from './repo.js';

// The small deployment: one container serving the five apps' tools, mirroring docker-compose.yml in
// everything but the service itself.
const FILE = 'docker-compose.all-in-one.yml';
const small = readYaml<ComposeFile>(FILE);
const five = readYaml<ComposeFile>('docker-compose.yml');
const svc = serviceOf(small, ALL_IN_ONE);

const HOST = `Host(\`mcp.${DOMAIN}\`)`;
const MCP_RULE = `${HOST} && (PathPrefix(\`/mcp\`) || PathRegexp(\`^/[a-z-]+/mcp\`))`;

/** Whether Traefik's path matchers of a rule accept `path` (PathPrefix is a prefix; PathRegexp a Go regexp, unanchored). */
const pathMatches = (rule: string, path: string): boolean =>
  [...rule.matchAll(/(PathPrefix|PathRegexp)\(`([^`]*)`\)/g)].some(([, matcher, value]) =>
    matcher === 'PathPrefix' ? path.startsWith(value!) : new RegExp(value!).test(path),
  );

/** A service without what is its own (image, build, variables, labels): the shared `x-app` part. */
const common = ({ image: _i, build: _b, environment: _e, labels: _l, ...rest }: ComposeService) => rest;

describe(`${FILE} (Coolify, one container)`, () => {
  it('has the all-in-one service, plus the optional redis', () => {
    expect(Object.keys(small.services).sort()).toEqual([`mcp-${ALL_IN_ONE}`, 'mcp-redis']);
  });

  it('builds mcp-all-in-one from docker/Dockerfile, or pulls its GHCR image', () => {
    expectImage(svc, ALL_IN_ONE);
  });

  it('routes https://mcp.$MCP_DOMAIN to port 8080 with Let’s Encrypt, nosniff, HSTS and no-store on MCP paths', () => {
    expectRoutes(svc, ALL_IN_ONE, HOST, MCP_RULE);
  });

  it('rate-limits /mcp and every /<app>/mcp, and leaves the health routes alone', () => {
    const rule = labelMap(svc.labels)[`traefik.http.routers.${STACK}-${ALL_IN_ONE}-mcp.rule`] ?? '';
    for (const path of ['/mcp', ...APPS.map((app) => `/${app}/mcp`)])
      expect(pathMatches(rule, path), path).toBe(true);
    for (const path of ['/', '/healthz']) expect(pathMatches(rule, path), path).toBe(false);
  });

  it('never buffers or compresses responses, so SSE streams pass through', () => {
    expect((svc.labels ?? []).filter((label) => /\.(buffering|compress)\./.test(label))).toEqual([]);
  });

  it('names its 3 routers, 1 service and 4 middlewares after the stack, each defined where used', () => {
    expect(traefikObjects(small).size).toBe(8);
    expect(undefinedMiddlewares(small)).toEqual([]);
  });

  it('shares the main file’s container settings: restart, init, networks, hardening, limits, logs, health', () => {
    expect(common(svc)).toEqual(common(serviceOf(five, 'rdap')));
    expect(small.services['mcp-redis']).toEqual(five.services['mcp-redis']);
    expect(small.networks).toEqual(five.networks);
  });

  it('sits on the stack’s edge network with a per-stack subnet, exposes no port; redis stays internal', () => {
    expect(small.networks?.edge).toEqual({ name: `${STACK}-edge`, ipam: { config: [{ subnet: SUBNET }] } });
    expect(small.networks?.mcp).toEqual({ internal: true });
    expect(svc.networks).toEqual(['edge', 'mcp']);
    expect(svc.expose).toBeUndefined();
    expect(svc.ports).toBeUndefined();
    expect(small.services['mcp-redis']?.networks).toEqual(['mcp']);
  });

  it('trusts X-Forwarded-For from that subnet only, never a default private range', () => {
    expect(svc.environment?.TRUST_PROXY).toBe(SUBNET);
    expect(readRepoFile(FILE)).not.toMatch(/10\.0\.0\.0\/8|172\.16\.0\.0\/12|192\.168\.0\.0\/16/);
  });

  it.each([ALL_IN_ONE, 'redis'])(
    'hardens mcp-%s: read-only, no capability, no new privileges, limits',
    (name) => {
      expectHardened(small.services[`mcp-${name}`], name === 'redis' ? undefined : '/tmp:size=64m,mode=1777');
    },
  );

  it('has healthchecks on GET / with node, the Dockerfile’s own probe', () => {
    expect(healthProblems(small)).toEqual([]);
    expect(svc.healthcheck?.test.slice(1)).toEqual(dockerfileProbe(readRepoFile('docker/Dockerfile')));
  });

  it('passes every variable the five services get, with the same value; one Redis prefix', () => {
    const env = svc.environment ?? {};
    for (const app of APPS) {
      const { REDIS_PREFIX: _, ...theirs } = serviceOf(five, app).environment ?? {};
      for (const [name, value] of Object.entries(theirs)) expect(env[name], `${app}: ${name}`).toBe(value);
    }
    expect(env.REDIS_PREFIX).toBe(`mcp-${ALL_IN_ONE}`);
    expect(env.REDIS_URL).toBe(`\${REDIS_URL:-}`);
    expect(env.SERPER_API_KEY).toBe(`\${SERPER_API_KEY:-}`);
    expect(env.LINKEDIN_FETCH_HEADERS).toBe(`\${LINKEDIN_FETCH_HEADERS:-}`);
  });

  it('has no default secret: credentials are required, API keys empty unless set', () => {
    expect(secretProblems(small)).toEqual([]);
    expect(svc.environment?.AUTH_USERNAME).toMatch(/^\$\{AUTH_USERNAME:\?/);
    expect(svc.environment?.AUTH_PASSWORD).toMatch(/^\$\{AUTH_PASSWORD:\?/);
  });

  it('keeps redis behind its profile', () => {
    expect(small.services['mcp-redis']?.profiles).toEqual(['redis']);
  });
});

describe
  .runIf(composeBin)
  .concurrent(`${composeBin?.join(' ')} config -f ${FILE}`, { timeout: 30_000 }, () => {
    it('accepts it once the required variables are set: mcp.$MCP_DOMAIN with the MCP paths', async () => {
      const result = await composeConfig(FILE, { ...REQUIRED_ENV, MCP_DOMAIN: 'example.com' });
      expect(result.stderr).not.toMatch(/invalid|error/i);
      expect(result.code).toBe(0);
      // Parsed, since the printer may fold a long label over lines.
      const printed = parse(result.stdout) as {
        services: Record<string, { labels: Record<string, string>; environment: Record<string, string> }>;
      };
      const service = printed.services[`mcp-${ALL_IN_ONE}`];
      expect(service?.labels[`traefik.http.routers.mcp-fr-${ALL_IN_ONE}-mcp.rule`]).toBe(
        'Host(`mcp.example.com`) && (PathPrefix(`/mcp`) || PathRegexp(`^/[a-z-]+/mcp`))',
      );
      expect(service?.environment.TRUST_PROXY).toBe('172.30.10.0/24');
    });

    it.each(['AUTH_PASSWORD', 'MCP_SUBNET', 'MCP_DOMAIN'] as const)(
      'refuses it without %s, naming it',
      async (name) => {
        const { [name]: _, ...without } = REQUIRED_ENV;
        const result = await composeConfig(FILE, without);
        expect(result.code).not.toBe(0);
        expect(result.stderr).toContain(`set ${name}`);
      },
    );

    it('gives two stacks distinct Traefik names and networks; pulls a chosen image; runs redis on demand', async () => {
      const [production, staging] = await Promise.all([
        composeConfig(FILE, REQUIRED_ENV),
        composeConfig(FILE, {
          ...REQUIRED_ENV,
          MCP_STACK: 'staging',
          MCP_SUBNET: '172.30.11.0/24',
          MCP_PULL_POLICY: 'always',
          MCP_IMAGE_OWNER: 'acme',
          MCP_VERSION: '1.2.3',
          COMPOSE_PROFILES: 'redis',
        }),
      ]);
      expect(production.code).toBe(0);
      expect(staging.code).toBe(0);
      const theirs = traefikNames(staging.stdout);
      expect([...traefikNames(production.stdout)].filter((name) => theirs.has(name))).toEqual([]);
      expect(staging.stdout).toContain('name: staging-edge');
      expect(staging.stdout).toContain('image: ghcr.io/acme/mcp-all-in-one:1.2.3');
      expect(staging.stdout).toContain('redis:7.4-alpine');
    });
  });
