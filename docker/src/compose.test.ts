import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { APPS, appDirs, type ComposeFile, labelMap, ROOT, readRepoFile, readYaml } from './repo.js';
import { type Exit, run } from './run.js';

const compose = readYaml<ComposeFile>('docker-compose.yml');
const local = readYaml<ComposeFile>('docker-compose.local.yml');
const service = (file: ComposeFile, app: string) => {
  const found = file.services[`mcp-${app}`];
  if (!found) throw new Error(`no service mcp-${app}`);
  return found;
};

const STACK = `\${MCP_STACK:-mcp-fr}`;
const SUBNET = `\${MCP_SUBNET:?set MCP_SUBNET (a free /24 for this stack, e.g. 172.30.10.0/24)}`;

const SECRET_NAME = /PASSWORD|SECRET|TOKEN|CREDENTIALS|_KEY$|_HEADERS$/;

/** A secret may only be required (`${X:?msg}`) or optional with an empty default (`${X:-}`). */
const secretProblems = (file: ComposeFile): string[] =>
  Object.entries(file.services).flatMap(([name, svc]) =>
    Object.entries(svc.environment ?? {})
      .filter(([key]) => SECRET_NAME.test(key))
      .filter(([key, value]) => !new RegExp(`^\\$\\{${key}(:\\?[^}]*|:-)\\}$`).test(String(value)))
      .map(([key, value]) => `${name}.${key}=${value}`),
  );

const healthProblems = (file: ComposeFile): string[] =>
  Object.entries(file.services).flatMap(([name, svc]) => {
    const test = svc.healthcheck?.test.join(' ') ?? '';
    if (!test) return [`${name}: no healthcheck`];
    if (svc.image?.startsWith('redis')) return test.includes('redis-cli') ? [] : [`${name}: ${test}`];
    const problems: string[] = [];
    if (!test.startsWith('CMD node -e')) problems.push(`${name}: healthcheck not run by node`);
    if (!test.includes("'http://127.0.0.1:'+(process.env.PORT||8080)+'/'"))
      problems.push(`${name}: not GET /`);
    if (/\/mcp|curl|wget/.test(test)) problems.push(`${name}: healthcheck must not use /mcp, curl or wget`);
    return problems;
  });

describe('docker-compose.yml (Coolify)', () => {
  it('has one service per app, plus the optional redis', () => {
    expect(appDirs()).toEqual([...APPS].sort());
    expect(Object.keys(compose.services).sort()).toEqual(
      [...APPS.map((app) => `mcp-${app}`), 'mcp-redis'].sort(),
    );
  });

  it.each(APPS)('builds mcp-%s from docker/Dockerfile, or pulls its GHCR image', (app) => {
    const svc = service(compose, app);
    expect(svc.build).toEqual({ context: '.', dockerfile: 'docker/Dockerfile', args: { APP: app } });
    // The name images.yml pushes: ghcr.io/<owner>/mcp-<app>, tagged by version.
    expect(svc.image).toBe(`ghcr.io/\${MCP_IMAGE_OWNER:-mcp-fr}/mcp-${app}:\${MCP_VERSION:-latest}`);
    expect(svc.pull_policy).toBe(`\${MCP_PULL_POLICY:-build}`);
    expect(svc.restart).toBe('unless-stopped');
    expect(svc.init).toBe(true);
    expect(svc.environment?.NODE_ENV).toBe('production');
    expect(svc.environment?.PORT).toBe('8080');
  });

  it.each(APPS)('routes https://%s.$MCP_DOMAIN to port 8080 through Traefik with Let’s Encrypt', (app) => {
    const labels = labelMap(service(compose, app).labels);
    const name = `${STACK}-${app}`;
    const router = `traefik.http.routers.${name}`;
    const host = `Host(\`${app}.\${MCP_DOMAIN:?set MCP_DOMAIN}\`)`;
    expect(labels['traefik.enable']).toBe('true');
    expect(labels['traefik.docker.network']).toBe(`${STACK}-edge`);
    expect(labels[`traefik.http.services.${name}.loadbalancer.server.port`]).toBe('8080');
    expect(labels[`${router}.rule`]).toBe(host);
    expect(labels[`${router}.entrypoints`]).toBe('https');
    expect(labels[`${router}.tls.certresolver`]).toBe('letsencrypt');
    expect(labels[`${router}-mcp.rule`]).toBe(`${host} && PathPrefix(\`/mcp\`)`);
    expect(labels[`${router}-mcp.tls.certresolver`]).toBe('letsencrypt');
    expect(labels[`${router}-http.entrypoints`]).toBe('http');
    expect(labels[`traefik.http.middlewares.${name}-https.redirectscheme.scheme`]).toBe('https');
  });

  it.each(APPS)('rate-limits /mcp of mcp-%s per client IP, tunable and switchable off with 0', (app) => {
    const labels = labelMap(service(compose, app).labels);
    const name = `${STACK}-${app}`;
    expect(labels[`traefik.http.routers.${name}-mcp.middlewares`]?.split(',')).toContain(`${name}-ratelimit`);
    const limit = `traefik.http.middlewares.${name}-ratelimit.ratelimit`;
    expect(labels[`${limit}.average`]).toBe(`\${MCP_RATE_LIMIT_AVERAGE:-20}`);
    expect(labels[`${limit}.burst`]).toBe(`\${MCP_RATE_LIMIT_BURST:-60}`);
    expect(labels[`${limit}.period`]).toBe('1s');
  });

  it.each(APPS)('adds nosniff and HSTS to every https answer of mcp-%s, and no-store on /mcp', (app) => {
    const labels = labelMap(service(compose, app).labels);
    const name = `${STACK}-${app}`;
    const secure = `traefik.http.middlewares.${name}-secure.headers`;
    expect(labels[`${secure}.contentTypeNosniff`]).toBe('true');
    expect(labels[`${secure}.stsSeconds`]).toBe(`\${MCP_HSTS_SECONDS:-31536000}`);
    expect(
      labels[`traefik.http.middlewares.${name}-nostore.headers.customResponseHeaders.Cache-Control`],
    ).toBe('no-store');
    expect(labels[`traefik.http.routers.${name}.middlewares`]).toBe(`${name}-secure`);
    expect(labels[`traefik.http.routers.${name}-mcp.middlewares`]).toBe(
      `${name}-ratelimit,${name}-secure,${name}-nostore`,
    );
  });

  it('never buffers or compresses responses, so SSE streams pass through', () => {
    const all = Object.values(compose.services).flatMap((svc) => svc.labels ?? []);
    expect(all.filter((label) => /\.(buffering|compress)\./.test(label))).toEqual([]);
  });

  it('gives every service its own router, service and middleware names, all prefixed by the stack', () => {
    const owners = new Map<string, string>();
    for (const [name, svc] of Object.entries(compose.services)) {
      for (const key of Object.keys(labelMap(svc.labels))) {
        const id = /^traefik\.http\.(routers|middlewares|services)\.([^.]+)\./.exec(key);
        if (!id) continue;
        expect(id[2]?.startsWith(`${STACK}-`), key).toBe(true);
        const object = `${id[1]}.${id[2]}`;
        expect(owners.get(object) ?? name, object).toBe(name);
        owners.set(object, name);
      }
    }
    // Per app: 3 routers (https, /mcp, http), 1 service, 4 middlewares (rate limit, headers, no-store, redirect).
    expect(owners.size).toBe(APPS.length * 8);
    // Every middleware a router names is defined by the same service, with the same prefix.
    for (const svc of Object.values(compose.services)) {
      const labels = labelMap(svc.labels);
      const used = Object.entries(labels)
        .filter(([key]) => key.endsWith('.middlewares'))
        .flatMap(([, value]) => value.split(','));
      for (const middleware of used)
        expect(Object.keys(labels).some((k) => k.startsWith(`traefik.http.middlewares.${middleware}.`))).toBe(
          true,
        );
    }
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
      const svc = compose.services[`mcp-${app}`];
      expect(svc?.read_only).toBe(true);
      expect(svc?.tmpfs?.length).toBe(1);
      expect(svc?.cap_drop).toEqual(['ALL']);
      expect(svc?.security_opt).toEqual(['no-new-privileges:true']);
      expect(svc?.mem_limit).toBeTruthy();
      expect(svc?.cpus).toBeTruthy();
      expect(svc?.pids_limit).toBeTruthy();
      if (app !== 'redis') expect(svc?.tmpfs).toEqual(['/tmp:size=64m,mode=1777']);
    },
  );

  it('has healthchecks on GET / with node (no curl in slim images, /mcp would be 401)', () => {
    expect(healthProblems(compose)).toEqual([]);
    for (const app of APPS) expect(service(compose, app).healthcheck?.retries).toBe(3);
  });

  it('uses the exact health probe of the Dockerfile', () => {
    const line = readRepoFile('docker/Dockerfile')
      .split('\n')
      .find((l) => l.trimStart().startsWith('CMD ["node", "-e"'));
    expect(JSON.parse(line?.trim().slice(4) ?? '[]')).toEqual(
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
      ['docker-compose.yml', 'docker-compose.local.yml'].flatMap((file) =>
        [...readRepoFile(file).matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]!),
      ),
    );
    expect(names.size).toBeGreaterThan(15);
    expect([...names].filter((name) => !docs.includes(`\`${name}\``))).toEqual([]);
  });
});

describe('docker-compose.local.yml', () => {
  it('runs the five apps on 127.0.0.1:8081-8085 without Traefik', () => {
    const ports = APPS.map((app) => service(local, app).ports?.[0]).sort();
    expect(ports).toEqual([8081, 8082, 8083, 8084, 8085].map((p) => `127.0.0.1:${p}:8080`));
    for (const app of APPS) {
      expect(service(local, app).labels).toBeUndefined();
      expect(service(local, app).build?.args?.APP).toBe(app);
    }
  });

  it('has healthchecks and no default secret either', () => {
    expect(healthProblems(local)).toEqual([]);
    expect(secretProblems(local)).toEqual([]);
  });
});

/** docker compose v2 when present, else Debian's docker-compose v1; null when neither is installed. */
const composeCommand = (): string[] | null => {
  for (const command of [['docker', 'compose'], ['docker-compose']]) {
    const probe = spawnSync(command[0]!, [...command.slice(1), 'version'], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    if (probe.status === 0) return command;
  }
  return null;
};
const composeBin = composeCommand();

// Only the variables given: the developer's own AUTH_PASSWORD or MCP_DOMAIN must not leak into the check.
const composeConfig = (command: string[], file: string, env: Record<string, string>): Promise<Exit> =>
  run(command[0]!, [...command.slice(1), '-f', file, 'config'], {
    cwd: ROOT,
    timeoutMs: 30_000,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
  });

// Compose v1 is a Python program: a second or more per run on a busy machine.
describe.runIf(composeBin).concurrent(`${composeBin?.join(' ')} config`, { timeout: 30_000 }, () => {
  const config = (file: string, env: Record<string, string>) => composeConfig(composeBin!, file, env);
  const required = {
    MCP_DOMAIN: 'mcp.example.com',
    AUTH_USERNAME: 'ops',
    AUTH_PASSWORD: 'only-a-test-password',
    MCP_SUBNET: '172.30.10.0/24',
  };

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
    const names = (out: string) =>
      new Set(
        [...out.matchAll(/traefik\.http\.(?:routers|services|middlewares)\.([\w-]+)\./g)].map((m) => m[1]),
      );
    const shared = [...names(production.stdout)].filter((name) => names(staging.stdout).has(name));
    expect(shared).toEqual([]);
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

  it('accepts docker-compose.local.yml, with the redis profile too', async () => {
    const result = await config('docker-compose.local.yml', { ...required, COMPOSE_PROFILES: 'redis' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('127.0.0.1');
    expect(result.stdout).toContain('redis:7.4-alpine');
  });
});
