import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { APP_IDS } from '@mcp/cli';
import { afterAll, describe, expect, it } from 'vitest';
import { mcpbManifest } from '../mcpb/manifest.js';
import { publishManifest } from '../npm/stage.js';
import { serverJson } from '../registry/server-json.js';
import { parseRepository } from '../repository.js';
import { workspaceRoot } from '../workspace.js';
import { isVersion, manifestPaths, readVersion, setVersion, workspaceVersions } from './version.js';

const root = workspaceRoot();
const repo = parseRepository('example-owner/mcp-fr');
const scratch = mkdtempSync(join(tmpdir(), 'release-version-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the workspace's package.json files (and the layout they sit in). */
const copyManifests = async (): Promise<string> => {
  const copy = mkdtempSync(join(scratch, 'ws-'));
  for (const path of await manifestPaths(root)) {
    const target = join(copy, path.slice(root.length + 1));
    mkdirSync(dirname(target), { recursive: true });
    cpSync(path, target);
  }
  return copy;
};

describe('one version for the repository', () => {
  it('every workspace package.json carries the root version', async () => {
    const version = await readVersion(root);
    const versions = await workspaceVersions(root);
    expect(Object.keys(versions)).toEqual(
      expect.arrayContaining([
        'package.json',
        'packages/cli/package.json',
        ...APP_IDS.map((a) => `apps/${a}/package.json`),
      ]),
    );
    expect(Object.entries(versions).filter(([, v]) => v !== version)).toEqual([]);
  });

  it('no app writes its version by hand: server.ts takes it from package.json', () => {
    for (const app of APP_IDS) {
      const source = readFileSync(join(root, 'apps', app, 'src', 'server.ts'), 'utf8');
      expect(source, app).toMatch(/import manifest from '\.\.\/package\.json' with \{ type: 'json' \}/);
      expect(source, app).toMatch(/version: manifest\.version,/);
      expect(source, app).not.toMatch(/version: '\d/);
    }
  });

  it('the npm manifest, server.json and .mcpb manifest of every app carry the version they are given', async () => {
    const version = await readVersion(root);
    for (const app of APP_IDS) {
      expect(publishManifest(app, {}, { version, repo }).version).toBe(version);
      expect(serverJson(app, version, repo).version).toBe(version);
      expect(serverJson(app, version, repo).packages[0]).toMatchObject({ version });
      expect(mcpbManifest(app, version, repo).version).toBe(version);
    }
  });

  it('setVersion rewrites every package.json and nothing else in them', async () => {
    const copy = await copyManifests();
    const before = readFileSync(join(copy, 'apps', 'serp', 'package.json'), 'utf8');
    const changed = await setVersion(copy, '2.3.4-rc.1');
    expect(changed.length).toBe((await manifestPaths(copy)).length);
    expect(new Set(Object.values(await workspaceVersions(copy)))).toEqual(new Set(['2.3.4-rc.1']));
    const after = readFileSync(join(copy, 'apps', 'serp', 'package.json'), 'utf8');
    expect(after).toBe(before.replace(/"version": "[^"]+"/, '"version": "2.3.4-rc.1"'));
    expect(await setVersion(copy, '2.3.4-rc.1')).toEqual([]);
  });

  it('pnpm release:version refuses what is not a semantic version, and names the form', async () => {
    const copy = await copyManifests();
    for (const bad of ['1.2', 'v1.2.3', '1.2.3+build.5', '01.2.3', 'latest']) {
      expect(isVersion(bad), bad).toBe(false);
      await expect(setVersion(copy, bad)).rejects.toThrow(/not a semantic version/);
    }
    expect(isVersion('1.2.3')).toBe(true);
  });

  it('a package.json without a version line is an error, not a silent skip', async () => {
    const copy = await copyManifests();
    writeFileSync(join(copy, 'apps', 'rdap', 'package.json'), '{ "name": "@mcp/rdap" }\n');
    await expect(setVersion(copy, '3.0.0')).rejects.toThrow(
      /apps\/rdap\/package.json: no top-level "version"/,
    );
  });
});
