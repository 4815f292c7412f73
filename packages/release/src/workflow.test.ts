import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { workspaceRoot } from './workspace.js';

interface Step {
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: { push?: { tags?: string[] } };
  jobs: Record<string, { permissions?: Record<string, string>; env?: Record<string, string>; steps: Step[] }>;
}

const root = workspaceRoot();
const release = parse(readFileSync(join(root, '.github', 'workflows', 'release.yml'), 'utf8')) as Workflow;
const images = parse(readFileSync(join(root, '.github', 'workflows', 'images.yml'), 'utf8')) as Workflow;
const job = release.jobs.release;
const runs = (job?.steps ?? []).map((s) => s.run ?? '').join('\n');

describe('.github/workflows/release.yml', () => {
  it('runs on version tags, and images.yml builds the GHCR semver images on the same tags', () => {
    expect(release.on.push?.tags).toEqual(['v*']);
    expect(images.on.push?.tags).toEqual(['v*']);
  });

  it('may write the release and sign provenance, nothing more', () => {
    expect(job?.permissions).toEqual({ contents: 'write', 'id-token': 'write' });
  });

  it('names the publisher from the repository it runs in (the one release variable)', () => {
    expect(job?.env?.MCP_FR_REPOSITORY).toBe(`\${{ github.repository }}`);
  });

  it('refuses a tag that is not the committed version, tests, then packs with the release tool', () => {
    expect(runs).toContain('"v$version"');
    expect(runs.indexOf('bash .ci/run')).toBeGreaterThan(-1);
    expect(runs.indexOf('bash .ci/run')).toBeLessThan(runs.indexOf('pnpm release:pack --out release'));
  });

  it('publishes every tarball to npm with provenance', () => {
    expect(runs).toMatch(
      /for tgz in release\/npm\/\*\.tgz; do\s+npm publish "\$tgz" --provenance --access public/,
    );
  });

  it('creates the GitHub release with notes, the tarballs, the .mcpb bundles and server.json files', () => {
    expect(runs).toContain('gh release create "$TAG" --verify-tag --generate-notes');
    for (const asset of ['release/npm/*.tgz', 'release/mcpb/*.mcpb', 'release/mcp-fr-*.server.json']) {
      expect(runs).toContain(asset);
    }
  });

  it('pins every action by full commit SHA with its version in a comment', () => {
    const text = readFileSync(join(root, '.github', 'workflows', 'release.yml'), 'utf8');
    const uses = [...text.matchAll(/uses:\s*(\S+)(.*)$/gm)];
    expect(uses.length).toBeGreaterThan(0);
    for (const [, ref, rest] of uses) {
      expect(ref).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
      expect(rest).toMatch(/^ # v\d+(\.\d+)*$/);
    }
  });
});
