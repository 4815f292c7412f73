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

  it.each(APPS)('builds mcp-%s from docker/Dockerfile with its APP', (app) => {
    const svc = service(compose, app);
    expect(svc.build).toEqual({ context: '.', dockerfile: 'docker/Dockerfile', args: { APP: app } });
    expect(svc.restart).toBe('unless-stopped');
    expect(svc.init).toBe(true);
    expect(svc.environment?.NODE_ENV).toBe('production');
    expect(svc.environment?.PORT).toBe('8080');
  });

  it.each(APPS)('routes https://%s.$MCP_DOMAIN to port 8080 through Traefik with Let’s Encrypt', (app) => {
    const labels = labelMap(service(compose, app).labels);
    const router = `traefik.http.routers.mcp-${app}`;
    const host = `Host(\`${app}.\${MCP_DOMAIN:?set MCP_DOMAIN}\`)`;
    expect(labels['traefik.enable']).toBe('true');
    expect(labels['traefik.docker.network']).toBe('coolify');
    expect(labels[`traefik.http.services.mcp-${app}.loadbalancer.server.port`]).toBe('8080');
    expect(labels[`${router}.rule`]).toBe(host);
    expect(labels[`${router}.entrypoints`]).toBe('https');
    expect(labels[`${router}.tls.certresolver`]).toBe('letsencrypt');
    expect(labels[`${router}-mcp.rule`]).toBe(`${host} && PathPrefix(\`/mcp\`)`);
    expect(labels[`${router}-mcp.tls.certresolver`]).toBe('letsencrypt');
    expect(labels[`${router}-http.entrypoints`]).toBe('http');
    expect(labels[`traefik.http.middlewares.mcp-${app}-https.redirectscheme.scheme`]).toBe('https');
  });

  it.each(APPS)('rate-limits /mcp of mcp-%s per client IP, tunable and switchable off with 0', (app) => {
    const labels = labelMap(service(compose, app).labels);
    expect(labels[`traefik.http.routers.mcp-${app}-mcp.middlewares`]).toBe(`mcp-${app}-ratelimit`);
    const limit = `traefik.http.middlewares.mcp-${app}-ratelimit.ratelimit`;
    expect(labels[`${limit}.average`]).toBe(`\${MCP_RATE_LIMIT_AVERAGE:-20}`);
    expect(labels[`${limit}.burst`]).toBe(`\${MCP_RATE_LIMIT_BURST:-60}`);
    expect(labels[`${limit}.period`]).toBe('1s');
  });

  it('never buffers or compresses responses, so SSE streams pass through', () => {
    const all = Object.values(compose.services).flatMap((svc) => svc.labels ?? []);
    expect(all.filter((label) => /\.(buffering|compress)\./.test(label))).toEqual([]);
  });

  it('gives every service its own router and middleware names', () => {
    const owners = new Map<string, string>();
    for (const [name, svc] of Object.entries(compose.services)) {
      for (const key of Object.keys(labelMap(svc.labels))) {
        const id = /^traefik\.http\.(routers|middlewares|services)\.([^.]+)\./.exec(key);
        if (!id) continue;
        const object = `${id[1]}.${id[2]}`;
        expect(owners.get(object) ?? name, object).toBe(name);
        owners.set(object, name);
      }
    }
    expect(owners.size).toBe(APPS.length * 6);
  });

  it('joins the external coolify network; redis stays on the internal one', () => {
    expect(compose.networks?.coolify).toEqual({ external: true });
    expect(compose.networks?.mcp).toEqual({ internal: true });
    for (const app of APPS) expect(service(compose, app).networks).toEqual(['coolify', 'mcp']);
    expect(compose.services['mcp-redis']?.networks).toEqual(['mcp']);
  });

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

  it('accepts docker-compose.local.yml, with the redis profile too', async () => {
    const result = await config('docker-compose.local.yml', { ...required, COMPOSE_PROFILES: 'redis' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('127.0.0.1');
    expect(result.stdout).toContain('redis:7.4-alpine');
  });
});
