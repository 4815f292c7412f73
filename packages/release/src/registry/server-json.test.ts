import { readFileSync } from 'node:fs';
import { APP_IDS } from '@mcp/cli';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parseRepository } from '../repository.js';
import { releaseAssetUrl, SERVER_SCHEMA_URL, serverJson } from './server-json.js';

// The registry's own schema, vendored beside this file (provenance in README.md).
const schema = JSON.parse(readFileSync(new URL('./server.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
const validate = ajv.compile(schema);
const errorsOf = (value: unknown) => (validate(value) ? [] : (validate.errors ?? []));

const repo = parseRepository('example-owner/mcp-fr');
const bundle = {
  url: releaseAssetUrl(repo, '1.2.3', 'mcp-fr-serp-1.2.3.mcpb'),
  sha256: 'a'.repeat(64),
};

describe('server.json for the official MCP Registry', () => {
  it('is the vendored schema version', () => {
    expect(schema.$id).toBe(SERVER_SCHEMA_URL);
  });

  it.each(APP_IDS)('%s: validates against the registry schema, with and without the .mcpb', (app) => {
    expect(errorsOf(serverJson(app, '1.2.3', repo))).toEqual([]);
    expect(errorsOf(serverJson(app, '1.2.3', repo, bundle))).toEqual([]);
  });

  it.each(APP_IDS)('%s: the stdio npm package at the release version, run with --stdio', (app) => {
    const json = serverJson(app, '1.2.3', repo);
    expect(json.name).toBe(`io.github.example-owner/mcp-fr-${app}`);
    expect(json.version).toBe('1.2.3');
    expect(json.packages[0]).toMatchObject({
      registryType: 'npm',
      identifier: `@mcp-fr/${app}`,
      version: '1.2.3',
      transport: { type: 'stdio' },
      packageArguments: [{ type: 'positional', value: '--stdio' }],
    });
  });

  it.each(APP_IDS)(
    '%s: the remote endpoint template needs a domain and a secret Authorization header',
    (app) => {
      const [remote] = serverJson(app, '1.2.3', repo).remotes;
      expect(remote?.type).toBe('streamable-http');
      // The all-in-one's host is `mcp.<domain>` (docker-compose.all-in-one.yml).
      expect(remote?.url).toBe(`https://${app === 'all-in-one' ? 'mcp' : app}.{domain}/mcp`);
      expect(remote?.variables.domain.isRequired).toBe(true);
      expect(remote?.headers).toEqual([
        expect.objectContaining({ name: 'Authorization', isRequired: true, isSecret: true }),
      ]);
    },
  );

  it('declares the provider keys of serp, linkedin and the all-in-one as optional secret env variables', () => {
    const env = (app: 'serp' | 'linkedin' | 'all-in-one') =>
      (
        serverJson(app, '1.2.3', repo).packages[0] as {
          environmentVariables?: { name: string; isSecret: boolean }[];
        }
      ).environmentVariables ?? [];
    expect(env('serp').find((v) => v.name === 'SERPER_API_KEY')?.isSecret).toBe(true);
    expect(env('serp').find((v) => v.name === 'SEARXNG_URL')?.isSecret).toBe(false);
    expect(env('linkedin').map((v) => v.name)).toContain('LINKEDIN_FETCH_HEADERS');
    // The all-in-one reads every variable of the five: serp's and linkedin's, each once.
    const names = env('all-in-one').map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining([...env('serp'), ...env('linkedin')].map((v) => v.name)));
  });

  it('points the .mcpb package at the GitHub release asset with its SHA-256', () => {
    const mcpb = serverJson('serp', '1.2.3', repo, bundle).packages[1];
    expect(mcpb).toEqual({
      registryType: 'mcpb',
      identifier: 'https://github.com/example-owner/mcp-fr/releases/download/v1.2.3/mcp-fr-serp-1.2.3.mcpb',
      fileSha256: 'a'.repeat(64),
      transport: { type: 'stdio' },
    });
  });

  // The validator is only worth something if it rejects what the registry rejects.
  it('the schema check rejects a description over 100 characters, a "latest" version and a bad name', () => {
    const good = serverJson('annuaire', '1.2.3', repo);
    expect(errorsOf({ ...good, description: 'x'.repeat(101) })).not.toEqual([]);
    expect(errorsOf({ ...good, packages: [{ ...good.packages[0], version: 'latest' }] })).not.toEqual([]);
    expect(errorsOf({ ...good, name: 'no-slash' })).not.toEqual([]);
    expect(
      errorsOf({ ...good, packages: [{ ...bundle, registryType: 'mcpb', transport: { type: 'stdio' } }] }),
    ).not.toEqual([]);
  });
});
