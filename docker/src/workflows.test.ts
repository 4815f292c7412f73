import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ALL_IN_ONE, APPS, DEPLOYABLES, ROOT, readRepoFile, readYaml } from './repo.js';

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string;
  if?: string;
  services?: Record<string, { image: string }>;
  permissions?: Record<string, string>;
  strategy?: { matrix: Record<string, unknown> };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

const ci = readYaml<Workflow>('.github/workflows/ci.yml');
const images = readYaml<Workflow>('.github/workflows/images.yml');
const step = (job: Job | undefined, uses: string) => job?.steps.find((s) => s.uses?.startsWith(uses));

describe('.github/workflows/ci.yml', () => {
  const test = ci.jobs.test;

  it('sets up Node from .nvmrc (24) with the pnpm store cached', () => {
    expect(readRepoFile('.nvmrc').trim()).toBe('24');
    expect(step(test, 'pnpm/action-setup@')).toBeDefined();
    expect(step(test, 'actions/setup-node@')?.with).toEqual({ 'node-version-file': '.nvmrc', cache: 'pnpm' });
  });

  it('runs lint, typecheck and tests through .ci/run, with a Redis service, then bundles', () => {
    expect(test?.steps.map((s) => s.run).filter(Boolean)).toEqual(['bash .ci/run', 'pnpm build']);
    expect(test?.services?.redis?.image).toMatch(/^redis:/);
  });
});

describe('.github/workflows/images.yml', () => {
  const filter = step(images.jobs.changes, 'dorny/paths-filter@');
  // The filters are themselves YAML (a block string), with a `shared` anchor reused by every app.
  const filters = parse(String(filter?.with?.filters ?? '')) as Record<string, unknown[]>;
  const pathsOf = (name: string) => (filters[name] ?? []).flat();

  it('runs on pull requests, on main and on version tags', () => {
    expect(Object.keys(images.on).sort()).toEqual(['pull_request', 'push', 'workflow_dispatch']);
    expect(images.on.push).toEqual({ branches: ['main'], tags: ['v*'] });
  });

  it('on pull requests, builds the apps whose code, packages/ or the image recipe changed', () => {
    expect(filter?.if).toBe("github.event_name == 'pull_request'");
    expect(Object.keys(filters).sort()).toEqual(['shared', ...DEPLOYABLES].sort());
    for (const app of APPS) {
      expect(pathsOf(app)).toEqual([...pathsOf('shared'), `apps/${app}/**`]);
    }
    // The all-in-one bundles the five: any app's change rebuilds it.
    expect(pathsOf(ALL_IN_ONE)).toEqual([...pathsOf('shared'), 'apps/**']);
    expect(pathsOf('shared')).toEqual(
      expect.arrayContaining(['packages/**', 'docker/Dockerfile', 'pnpm-lock.yaml']),
    );
  });

  it('builds all six images (the five apps and the all-in-one) on main and on tags', () => {
    const script = images.jobs.changes?.steps.find((s) => s.run?.includes('apps='))?.run ?? '';
    const all = /apps='(\[.*\])'/.exec(script)?.[1] ?? '[]';
    expect((JSON.parse(all) as string[]).sort()).toEqual([...DEPLOYABLES].sort());
  });

  it('smoke-tests each image, then pushes sha and semver tags to GHCR with the GHA cache', () => {
    const job = images.jobs.image;
    expect(job?.strategy?.matrix.app).toBe(`\${{ fromJSON(needs.changes.outputs.apps) }}`);
    expect(job?.permissions).toEqual({ contents: 'read', packages: 'write' });
    expect(step(job, 'docker/setup-buildx-action@')).toBeDefined();
    const smoke = job?.steps.findIndex((s) => s.run?.includes('docker/smoke.sh')) ?? -1;
    const builds = job?.steps.filter((s) => s.uses?.startsWith('docker/build-push-action@')) ?? [];
    expect(builds).toHaveLength(2);
    expect(smoke).toBeGreaterThan(job?.steps.indexOf(builds[0]!) ?? Infinity);
    const push = builds[1]!;
    expect(push.if).toBe("github.event_name != 'pull_request'");
    expect(push.with).toMatchObject({
      file: 'docker/Dockerfile',
      'build-args': `APP=\${{ matrix.app }}`,
      push: true,
      'cache-from': `type=gha,scope=mcp-\${{ matrix.app }}`,
      'cache-to': `type=gha,mode=max,scope=mcp-\${{ matrix.app }}`,
    });
    const meta = step(job, 'docker/metadata-action@')?.with ?? {};
    expect(meta.images).toBe(`ghcr.io/\${{ github.repository_owner }}/mcp-\${{ matrix.app }}`);
    expect(String(meta.tags)).toContain('type=sha');
    expect(String(meta.tags)).toContain('type=semver,pattern={{version}}');
    expect(step(job, 'docker/login-action@')?.with?.registry).toBe('ghcr.io');
  });
});

describe('every workflow', () => {
  const dir = join(ROOT, '.github/workflows');
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
  const usesLines = files.flatMap((file) =>
    readRepoFile(`.github/workflows/${file}`)
      .split('\n')
      .map((line, i) => ({ where: `${file}:${i + 1}`, line: line.trim() }))
      .filter(({ line }) => /^(- )?uses:/.test(line)),
  );

  it('finds the actions the workflows use', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(usesLines.length).toBeGreaterThanOrEqual(10);
  });

  // A tag can be moved to other code by whoever controls the action's repository; a commit cannot.
  it.each(usesLines.map(({ where, line }) => [where, line] as const))(
    '%s pins a third-party action by full commit SHA with its version: %s',
    (_where, line) => {
      const uses = line.replace(/^- /, '').slice('uses:'.length).trim();
      if (uses.startsWith('./')) return; // a local action is the repository's own code
      expect(uses).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+){0,2}$/);
    },
  );
});

describe('.github/dependabot.yml', () => {
  it('updates the npm workspace and the GitHub Actions', () => {
    const config = readYaml<{
      version: number;
      updates: { 'package-ecosystem': string; directory: string }[];
    }>('.github/dependabot.yml');
    expect(config.version).toBe(2);
    expect(config.updates.map((u) => [u['package-ecosystem'], u.directory]).sort()).toEqual([
      ['github-actions', '/'],
      ['npm', '/'],
    ]);
  });
});
