import { annuaireServer } from '@mcp/annuaire';
import type { ServerDefinition } from '@mcp/core';
import { startTestServer, type TestServer } from '@mcp/core/testing';
import { linkedinServer } from '@mcp/linkedin';
import { rdapServer } from '@mcp/rdap';
import { serpServer } from '@mcp/serp';
import { extractorServer } from '@mcp/siret-extractor';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allInOneServer } from './server.js';

// The five as plain definitions: their env schemas differ, the test only starts them.
const STANDALONE = [
  annuaireServer,
  serpServer,
  rdapServer,
  linkedinServer,
  extractorServer,
] as ServerDefinition[];

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer(allInOneServer);
});
afterAll(async () => {
  await server?.close();
});

const listOf = async (target: TestServer, path = '/mcp', mode: 'legacy' | 'modern' = 'modern') => {
  const client = await target.connect(mode, path);
  return (await client.listTools()).tools;
};

describe('the all-in-one server', () => {
  it.each(STANDALONE.map((app) => [app.name, app] as const))(
    '/%s/mcp lists exactly the tools of the standalone app, schemas included',
    async (name, app) => {
      const alone = await startTestServer(app);
      try {
        const [theirs, ours] = await Promise.all([listOf(alone), listOf(server, `/${name}/mcp`)]);
        expect(ours).toEqual(theirs);
        expect(ours.length).toBeGreaterThan(0);
      } finally {
        await alone.close();
      }
    },
  );

  it('/mcp lists every tool of the five apps as <app>_<tool>, plus research_company', async () => {
    const names = (await listOf(server)).map((t) => t.name);
    const expected: string[] = [];
    for (const app of STANDALONE) {
      const alone = await startTestServer(app);
      try {
        const prefix = app.name.replace(/-/g, '_');
        expected.push(...(await listOf(alone)).map((t) => `${prefix}_${t.name}`));
      } finally {
        await alone.close();
      }
    }
    expect(names).toEqual([...expected, 'research_company']);
    expect(names).toContain('siret_extractor_extract_from_url');
    expect(names).toContain('annuaire_get_company');
  });

  it('answers the 2025-era fast path on a per-app endpoint as on /mcp', async () => {
    const names = (await listOf(server, '/rdap/mcp', 'legacy')).map((t) => t.name);
    expect(names).toContain('lookup_domain');
    expect(names).not.toContain('rdap_lookup_domain');
  });

  it('guards every endpoint with the same auth, and keeps / public', async () => {
    for (const url of ['/mcp', '/annuaire/mcp', '/siret-extractor/mcp']) {
      const res = await server.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
        payload: { jsonrpc: '2.0', id: 1, method: 'tools/list' },
      });
      expect(res.statusCode, url).toBe(401);
    }
    expect((await server.inject({ method: 'GET', url: '/' })).json()).toMatchObject({ status: 'ok' });
    expect((await server.inject({ method: 'POST', url: '/nope/mcp' })).statusCode).toBe(404);
  });

  it('sends merged instructions: the dossier first, then each app under its prefix', async () => {
    const client = await server.connect();
    const text = client.getInstructions() ?? '';
    expect(text.indexOf('research_company')).toBeLessThan(text.indexOf('annuaire_*'));
    for (const prefix of ['annuaire_*', 'serp_*', 'rdap_*', 'linkedin_*', 'siret_extractor_*']) {
      expect(text).toContain(prefix);
    }
    const perApp = await server.connect('modern', '/annuaire/mcp');
    expect(perApp.getInstructions()).toBe(annuaireServer.instructions);
  });

  it('offers the dossier_entreprise prompt, in French, naming research_company', async () => {
    const client = await server.connect();
    const { prompts } = await client.listPrompts();
    expect(prompts).toEqual([
      expect.objectContaining({
        name: 'dossier_entreprise',
        arguments: [expect.objectContaining({ name: 'entreprise', required: true })],
      }),
    ]);
    const prompt = await client.getPrompt({
      name: 'dossier_entreprise',
      arguments: { entreprise: '880 878 145' },
    });
    const text = prompt.messages.map((m) => (m.content.type === 'text' ? m.content.text : '')).join('\n');
    expect(text).toContain('research_company');
    expect(text).toContain('« 880 878 145 »');
    expect(text).toMatch(/signals/);
    await expect(client.getPrompt({ name: 'dossier_entreprise', arguments: {} })).rejects.toThrow(
      /entreprise/,
    );
    await expect(client.getPrompt({ name: 'nope', arguments: {} })).rejects.toThrow(/Unknown prompt/);
  });
});
