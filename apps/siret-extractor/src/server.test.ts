import {
  type ReplayServer,
  readFixtureJson,
  readFixtureText,
  startReplayServer,
  startTestServer,
} from '@mcp/core/testing';
import { warmHtmlPool } from '@mcp/html';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractorServer } from './server.js';
import { readPageTask } from './service/extract/tasks.js';

let site: ReplayServer;
let annuaire: ReplayServer;
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  site = await startReplayServer([
    {
      path: '/',
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: '<h1>Le Jardin Royal</h1><p>Réservations : 01 69 88 88 88</p><footer><a href="/mentions-legales.html">Mentions légales</a></footer>',
    },
    {
      path: '/mentions-legales.html',
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: readFixtureText('siret', 'P25_jardin-royal-site.html'),
    },
  ]);
  annuaire = await startReplayServer([
    { path: '/search', body: readFixtureJson('annuaire', 'search_12345678900003.json') as object },
  ]);
  server = await startTestServer(extractorServer, {
    env: {
      ANNUAIRE_BASE_URL: annuaire.url,
      SAFE_FETCH_ALLOW_HOSTS: '127.0.0.1',
      SAFE_FETCH_ALLOW_PORTS: String(site.port),
    },
  });
});
afterAll(async () => {
  await server.close();
  await site.close();
  await annuaire.close();
});

// Workers start from source under tsx: seconds on a busy machine, paid once here, not by a test.
beforeAll(() => warmHtmlPool(readPageTask), 60_000);

describe('siret-extractor MCP server (official SDK client over HTTP)', () => {
  it('lists the four tools, every input described', async () => {
    const client = await server.connect();
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual([
      'extract_from_url',
      'extract_from_html',
      'extract_from_text',
      'extract_batch',
    ]);
    for (const tool of tools) {
      const props = (tool.inputSchema.properties ?? {}) as Record<string, { description?: string }>;
      for (const [name, schema] of Object.entries(props))
        expect(schema.description, `${tool.name}.${name}`).toBeTruthy();
    }
  });

  it('extract_from_url finds the publisher through the legal link, with progress notifications', async () => {
    const client = await server.connect();
    const updates: number[] = [];
    const res = await client.callTool(
      { name: 'extract_from_url', arguments: { url: `${site.url}/`, verify: true } },
      { onprogress: (p) => updates.push(p.progress) },
    );
    expect(res.isError).toBeFalsy();
    expect(res.structuredContent).toMatchObject({
      siren: '798905758',
      rcs: { city: 'Evry', number: '798905758' },
      pages_fetched: 2,
      source_url: `${site.url}/mentions-legales.html`,
      verification: [{ siren: '798905758', found: false, error: null }],
    });
    expect(updates).toEqual([1, 2]);
  });
});

describe('verify: true against a registry that does not answer', () => {
  it('gives up on the check after ANNUAIRE_TIMEOUT_MS and still answers with the extraction', async () => {
    const silent = await startReplayServer([{ path: '/search', body: {}, delayMs: 20_000 }]);
    const quick = await startTestServer(extractorServer, {
      env: { ANNUAIRE_BASE_URL: silent.url, ANNUAIRE_TIMEOUT_MS: '1000' },
    });
    try {
      const client = await quick.connect();
      const result = await client.callTool({
        name: 'extract_from_text',
        arguments: {
          text: 'Éditeur : Le Jardin Royal SAS, RCS Évry 798 905 758, SIRET 798 905 758 00019.',
          verify: true,
        },
      });
      expect(result.isError).toBeFalsy();
      const out = result.structuredContent as {
        siren: string | null;
        verification: Array<{ siren: string; found: boolean; error: string | null }>;
      };
      expect(out.siren).toBe('798905758');
      expect(out.verification[0]).toMatchObject({ siren: '798905758', found: false });
      expect(out.verification[0]?.error).toMatch(/did not answer in time/);
    } finally {
      await quick.close();
      await silent.close();
    }
  });
});
