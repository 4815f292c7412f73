import { type ReplayServer, startTestServer, toolErrorOf } from '@mcp/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annuaireServer } from './server.js';
import { startAnnuaireReplay } from './testing/fixtures.js';

let upstream: ReplayServer;
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  upstream = await startAnnuaireReplay();
  server = await startTestServer(annuaireServer, { env: { ANNUAIRE_BASE_URL: upstream.url } });
});
afterAll(async () => {
  await server.close();
  await upstream.close();
});

describe('annuaire MCP server (official SDK client over HTTP)', () => {
  it('lists the seven tools with described inputs', async () => {
    const client = await server.connect();
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual([
      'search_companies',
      'get_company',
      'verify_siret',
      'verify_sirets',
      'list_establishments',
      'search_near_point',
      'get_officers',
    ]);
    for (const tool of tools) {
      const props = (tool.inputSchema.properties ?? {}) as Record<string, { description?: string }>;
      for (const [name, schema] of Object.entries(props)) {
        expect(schema.description, `${tool.name}.${name}`).toBeTruthy();
      }
    }
  });

  it('answers get_company with structured content from the replayed API', async () => {
    const client = await server.connect();
    const res = await client.callTool({ name: 'get_company', arguments: { siren: '356 000 000' } });
    expect(res.isError).toBeFalsy();
    expect(res.structuredContent).toMatchObject({
      siren: '356000000',
      name: 'LA POSTE',
      vat_number_computed: 'FR39356000000',
    });
  });

  it('returns a typed invalid_input error for a malformed SIRET', async () => {
    const client = await server.connect();
    const res = await client.callTool({ name: 'get_company', arguments: { siret: '123' } });
    expect(res.structuredContent).toBeUndefined();
    expect(toolErrorOf(res)).toMatchObject({ code: 'invalid_input', details: { fields: ['siret'] } });
  });
});
