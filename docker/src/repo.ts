import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const ROOT = new URL('../../', import.meta.url).pathname;

/** The five servers, in the order of the issue; each is `apps/<app>` and the compose service `mcp-<app>`. */
export const APPS = ['linkedin', 'annuaire', 'serp', 'rdap', 'siret-extractor'] as const;
export type App = (typeof APPS)[number];

/**
 * The sixth app, `apps/all-in-one`: the five apps' tools in one process. It is deployed like them (one
 * image, one bundle, the CI matrix) but has its own compose file and no tools of its own but one.
 */
export const ALL_IN_ONE = 'all-in-one';

/** Everything built into an image and a bundle: the five servers, then the all-in-one. */
export const DEPLOYABLES = [...APPS, ALL_IN_ONE] as const;
export type Deployable = (typeof DEPLOYABLES)[number];

export const readRepoFile = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

export const appDirs = (): string[] =>
  readdirSync(join(ROOT, 'apps'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(ROOT, 'apps', entry.name, 'package.json')))
    .map((entry) => entry.name)
    .sort();

/** YAML with merge keys (`<<: *anchor`), as docker compose and Coolify read it. */
export const readYaml = <T>(path: string): T => parse(readRepoFile(path), { merge: true }) as T;

export interface Healthcheck {
  test: string[];
  interval?: string;
  timeout?: string;
  retries?: number;
  start_period?: string;
}

export interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string; args?: Record<string, string> };
  environment?: Record<string, string>;
  labels?: string[];
  networks?: string[];
  ports?: string[];
  expose?: string[];
  healthcheck?: Healthcheck;
  restart?: string;
  init?: boolean;
  profiles?: string[];
  pull_policy?: string;
  read_only?: boolean;
  tmpfs?: string[];
  cap_drop?: string[];
  security_opt?: string[];
  mem_limit?: string;
  cpus?: string | number;
  pids_limit?: string | number;
  user?: string;
}

export interface ComposeNetwork {
  external?: boolean;
  internal?: boolean;
  name?: string;
  ipam?: { config?: { subnet?: string }[] };
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  networks?: Record<string, ComposeNetwork | null>;
}

/** `["a=b", "c=d=e"]` → `{ a: 'b', c: 'd=e' }`; a label without `=` would be a bug. */
export const labelMap = (labels: readonly string[] = []): Record<string, string> =>
  Object.fromEntries(
    labels.map((label) => {
      const at = label.indexOf('=');
      if (at < 1) throw new Error(`label without '=': ${label}`);
      return [label.slice(0, at), label.slice(at + 1)];
    }),
  );
