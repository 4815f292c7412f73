import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { type ComposeFile, type ComposeService, labelMap, ROOT } from './repo.js';
import { type Exit, run } from './run.js';

// What every Coolify compose file must get right, checked the same way for docker-compose.yml (five
// services) and docker-compose.all-in-one.yml (one).

export const STACK = `\${MCP_STACK:-mcp-fr}`;
export const SUBNET = `\${MCP_SUBNET:?set MCP_SUBNET (a free /24 for this stack, e.g. 172.30.10.0/24)}`;
export const DOMAIN = `\${MCP_DOMAIN:?set MCP_DOMAIN}`;

export const serviceOf = (file: ComposeFile, app: string): ComposeService => {
  const found = file.services[`mcp-${app}`];
  if (!found) throw new Error(`no service mcp-${app}`);
  return found;
};

const SECRET_NAME = /PASSWORD|SECRET|TOKEN|CREDENTIALS|_KEY$|_HEADERS$/;

/** A secret may only be required (`${X:?msg}`) or optional with an empty default (`${X:-}`). */
export const secretProblems = (file: ComposeFile): string[] =>
  Object.entries(file.services).flatMap(([name, svc]) =>
    Object.entries(svc.environment ?? {})
      .filter(([key]) => SECRET_NAME.test(key))
      .filter(([key, value]) => !new RegExp(`^\\$\\{${key}(:\\?[^}]*|:-)\\}$`).test(String(value)))
      .map(([key, value]) => `${name}.${key}=${value}`),
  );

export const healthProblems = (file: ComposeFile): string[] =>
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

/** Built from docker/Dockerfile with `APP=<app>`, or pulled as the GHCR image images.yml pushes. */
export const expectImage = (svc: ComposeService, app: string): void => {
  expect(svc.build).toEqual({ context: '.', dockerfile: 'docker/Dockerfile', args: { APP: app } });
  expect(svc.image).toBe(`ghcr.io/\${MCP_IMAGE_OWNER:-mcp-fr}/mcp-${app}:\${MCP_VERSION:-latest}`);
  expect(svc.pull_policy).toBe(`\${MCP_PULL_POLICY:-build}`);
  expect(svc.restart).toBe('unless-stopped');
  expect(svc.init).toBe(true);
  expect(svc.environment?.NODE_ENV).toBe('production');
  expect(svc.environment?.PORT).toBe('8080');
};

/**
 * Traefik routes of one service named `<stack>-<name>`: https on `host` with Let's Encrypt and the
 * secure headers, `mcpRule` (the MCP paths) with the per-IP rate limit and no-store too, http → https.
 */
export const expectRoutes = (svc: ComposeService, name: string, host: string, mcpRule: string): void => {
  const labels = labelMap(svc.labels);
  const id = `${STACK}-${name}`;
  const router = `traefik.http.routers.${id}`;
  expect(labels['traefik.enable']).toBe('true');
  expect(labels['traefik.docker.network']).toBe(`${STACK}-edge`);
  expect(labels[`traefik.http.services.${id}.loadbalancer.server.port`]).toBe('8080');
  expect(labels[`${router}.rule`]).toBe(host);
  expect(labels[`${router}.entrypoints`]).toBe('https');
  expect(labels[`${router}.tls.certresolver`]).toBe('letsencrypt');
  expect(labels[`${router}.middlewares`]).toBe(`${id}-secure`);
  expect(labels[`${router}-mcp.rule`]).toBe(mcpRule);
  // Traefik's default priority is the rule's length: the MCP router must win on its paths.
  expect(mcpRule.length).toBeGreaterThan(host.length);
  expect(labels[`${router}-mcp.entrypoints`]).toBe('https');
  expect(labels[`${router}-mcp.tls.certresolver`]).toBe('letsencrypt');
  expect(labels[`${router}-mcp.middlewares`]).toBe(`${id}-ratelimit,${id}-secure,${id}-nostore`);
  expect(labels[`${router}-http.rule`]).toBe(host);
  expect(labels[`${router}-http.entrypoints`]).toBe('http');
  expect(labels[`traefik.http.middlewares.${id}-https.redirectscheme.scheme`]).toBe('https');

  const limit = `traefik.http.middlewares.${id}-ratelimit.ratelimit`;
  expect(labels[`${limit}.average`]).toBe(`\${MCP_RATE_LIMIT_AVERAGE:-20}`);
  expect(labels[`${limit}.burst`]).toBe(`\${MCP_RATE_LIMIT_BURST:-60}`);
  expect(labels[`${limit}.period`]).toBe('1s');

  const secure = `traefik.http.middlewares.${id}-secure.headers`;
  expect(labels[`${secure}.contentTypeNosniff`]).toBe('true');
  expect(labels[`${secure}.stsSeconds`]).toBe(`\${MCP_HSTS_SECONDS:-31536000}`);
  expect(labels[`traefik.http.middlewares.${id}-nostore.headers.customResponseHeaders.Cache-Control`]).toBe(
    'no-store',
  );
};

/** Read-only with one tmpfs, no capability, no new privileges, memory, CPU and process limits. */
export const expectHardened = (svc: ComposeService | undefined, tmpfs?: string): void => {
  expect(svc?.read_only).toBe(true);
  expect(svc?.tmpfs?.length).toBe(1);
  expect(svc?.cap_drop).toEqual(['ALL']);
  expect(svc?.security_opt).toEqual(['no-new-privileges:true']);
  expect(svc?.mem_limit).toBeTruthy();
  expect(svc?.cpus).toBeTruthy();
  expect(svc?.pids_limit).toBeTruthy();
  if (tmpfs) expect(svc?.tmpfs).toEqual([tmpfs]);
};

/** Every router, service and middleware name, by the service that defines it. */
export const traefikObjects = (file: ComposeFile): Map<string, string> => {
  const owners = new Map<string, string>();
  for (const [name, svc] of Object.entries(file.services)) {
    for (const key of Object.keys(labelMap(svc.labels))) {
      const id = /^traefik\.http\.(routers|middlewares|services)\.([^.]+)\./.exec(key);
      if (!id) continue;
      expect(id[2]?.startsWith(`${STACK}-`), key).toBe(true);
      const object = `${id[1]}.${id[2]}`;
      expect(owners.get(object) ?? name, object).toBe(name);
      owners.set(object, name);
    }
  }
  return owners;
};

/** Middlewares a router names but no label of the same service defines. */
export const undefinedMiddlewares = (file: ComposeFile): string[] =>
  Object.values(file.services).flatMap((svc) => {
    const labels = labelMap(svc.labels);
    return Object.entries(labels)
      .filter(([key]) => key.endsWith('.middlewares'))
      .flatMap(([, value]) => value.split(','))
      .filter(
        (middleware) =>
          !Object.keys(labels).some((k) => k.startsWith(`traefik.http.middlewares.${middleware}.`)),
      );
  });

/** The Dockerfile's own health probe, as the exec array compose runs after `CMD`. */
export const dockerfileProbe = (dockerfile: string): unknown =>
  JSON.parse(
    dockerfile
      .split('\n')
      .find((l) => l.trimStart().startsWith('CMD ["node", "-e"'))
      ?.trim()
      .slice(4) ?? '[]',
  );

/** Variable names a compose file reads (`${NAME…}`). */
export const composeVariables = (text: string): string[] => [
  ...new Set([...text.matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]!)),
];

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
export const composeBin = composeCommand();

/** The variables every Coolify compose file requires. */
export const REQUIRED_ENV = {
  MCP_DOMAIN: 'mcp.example.com',
  AUTH_USERNAME: 'ops',
  // Made per run: secrets never live in the tree, not even a test's.
  AUTH_PASSWORD: randomBytes(18).toString('base64url'),
  MCP_SUBNET: '172.30.10.0/24',
};

// Only the variables given: the developer's own AUTH_PASSWORD or MCP_DOMAIN must not leak into the check.
export const composeConfig = (file: string, env: Record<string, string>): Promise<Exit> =>
  run(composeBin![0]!, [...composeBin!.slice(1), '-f', file, 'config'], {
    cwd: ROOT,
    timeoutMs: 30_000,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
  });

/** Router, service and middleware names in a `config` output. */
export const traefikNames = (out: string): Set<string> =>
  new Set(
    [...out.matchAll(/traefik\.http\.(?:routers|services|middlewares)\.([\w-]+)\./g)].map((m) => m[1]!),
  );
