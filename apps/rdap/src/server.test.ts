import { startTestServer, toolErrorOf } from '@mcp/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rdapServer } from './server.js';
import { startUpstreams, type Upstreams } from './testing/upstreams.js';

let up: Upstreams;
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  up = await startUpstreams();
  server = await startTestServer(rdapServer, { env: up.env });
});

afterAll(async () => {
  await server?.close();
  await up?.close();
});

describe('rdap over MCP', () => {
  it('lists the four tools with their schemas', async () => {
    const client = await server.connect();
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([
      'check_availability',
      'lookup_asn',
      'lookup_domain',
      'lookup_ip',
    ]);
    const lookup = tools.find((t) => t.name === 'lookup_domain');
    expect(lookup?.inputSchema.properties).toHaveProperty('domain');
    expect(lookup?.annotations).toMatchObject({ readOnlyHint: true, openWorldHint: true });
  });

  it('answers lookup_domain for lemonde.fr from the replayed AFNIC record', async () => {
    const client = await server.connect('legacy');
    const result = await client.callTool({ name: 'lookup_domain', arguments: { domain: 'LEMONDE.FR' } });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({
      domain: 'lemonde.fr',
      registered: true,
      source: 'rdap',
      registrar: { name: 'NAMESHIELD', iana_id: '1251' },
      registrant: { organisation: 'SOCIETE EDITRICE DU MONDE', country: 'FR' },
      tech: { handle: 'N17024-FRNIC' },
    });
  });

  it('returns a typed invalid_input error, not a stack trace', async () => {
    const client = await server.connect();
    const result = await client.callTool({ name: 'lookup_domain', arguments: { domain: 'pas un domaine' } });
    expect(result.structuredContent).toBeUndefined();
    expect(toolErrorOf(result)).toMatchObject({ code: 'invalid_input', details: { fields: ['domain'] } });
    expect(JSON.stringify(result)).not.toMatch(/at .*\.ts:\d+/);
  });
});
