import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The workspace root: the nearest folder above this file holding pnpm-workspace.yaml. */
export const workspaceRoot = (): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('pnpm-workspace.yaml not found above @mcp/core');
    dir = up;
  }
  return dir;
};

/**
 * The repository's own copy of the recorded upstream answers, `fixtures/` at the workspace root (see
 * its PROVENANCE.md); override with MCP_FIXTURES_DIR. Fixtures are read, never edited.
 */
export const fixturesDir = (): string => process.env.MCP_FIXTURES_DIR ?? resolve(workspaceRoot(), 'fixtures');

export const fixturePath = (...parts: string[]): string => join(fixturesDir(), ...parts);

export const readFixture = (...parts: string[]): Buffer => readFileSync(fixturePath(...parts));

export const readFixtureText = (...parts: string[]): string => readFixture(...parts).toString('utf8');

export const readFixtureJson = <T = unknown>(...parts: string[]): T =>
  JSON.parse(readFixtureText(...parts)) as T;
