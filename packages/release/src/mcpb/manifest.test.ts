// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the manifest's own placeholders (${__dirname}, ${user_config.x}), not JS templates
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_IDS } from '@mcp/cli';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRepository } from '../repository.js';
import { workspaceRoot } from '../workspace.js';
import { validateManifest } from './bundle.js';
import { mcpbManifest } from './manifest.js';

const root = workspaceRoot();
const repo = parseRepository('example-owner/mcp-fr');
const dir = mkdtempSync(join(tmpdir(), 'mcpb-manifest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('.mcpb manifest', () => {
  it('every app passes `mcpb validate` (the CLI, as the build runs it)', async () => {
    await Promise.all(
      APP_IDS.map(async (app) => {
        const path = join(dir, `${app}.json`);
        writeFileSync(path, JSON.stringify(mcpbManifest(app, '1.2.3', repo)));
        await expect(validateManifest(root, path)).resolves.toMatchObject({ code: 0 });
      }),
    );
  });

  it.each(APP_IDS)('%s: runs the bundled server over stdio with node', (app) => {
    const { server, version } = mcpbManifest(app, '1.2.3', repo);
    expect(version).toBe('1.2.3');
    expect(server).toMatchObject({
      type: 'node',
      entry_point: 'server/main.js',
      mcp_config: { command: 'node', args: ['${__dirname}/server/main.js', '--stdio'] },
    });
  });

  it('asks serp for its provider keys, sensitive, and passes them as the env variables serp reads', () => {
    const { user_config: config, server } = mcpbManifest('serp', '1.2.3', repo);
    expect(config?.serper_api_key).toMatchObject({ type: 'string', sensitive: true, required: false });
    expect(config?.brave_api_key?.sensitive).toBe(true);
    expect(config?.searxng_url?.sensitive).toBe(false);
    expect(server.mcp_config.env).toMatchObject({
      SERPER_API_KEY: '${user_config.serper_api_key}',
      SERPAPI_API_KEY: '${user_config.serpapi_api_key}',
      BRAVE_API_KEY: '${user_config.brave_api_key}',
    });
  });

  it('asks linkedin for the search keys and the scraping provider, sensitive', () => {
    const { user_config: config, server } = mcpbManifest('linkedin', '1.2.3', repo);
    expect(config?.linkedin_fetch_url_template?.sensitive).toBe(true);
    expect(config?.linkedin_fetch_headers?.sensitive).toBe(true);
    expect(config?.serper_api_key?.sensitive).toBe(true);
    expect(server.mcp_config.env.LINKEDIN_FETCH_HEADERS).toBe('${user_config.linkedin_fetch_headers}');
  });

  it('asks nothing of the keyless apps', () => {
    expect(mcpbManifest('annuaire', '1.2.3', repo).user_config).toBeUndefined();
    expect(mcpbManifest('rdap', '1.2.3', repo).user_config).toBeUndefined();
  });

  it('a manifest that mcpb rejects fails the check, with its output', async () => {
    const path = join(dir, 'bad.json');
    writeFileSync(path, JSON.stringify({ ...mcpbManifest('rdap', '1.2.3', repo), server: { type: 'ruby' } }));
    await expect(validateManifest(root, path)).rejects.toThrow(/mcpb validate failed/);
  });
});
