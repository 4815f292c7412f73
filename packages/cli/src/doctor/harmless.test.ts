import { annuaireServer } from '@mcp/annuaire';
import { startTestServer } from '@mcp/core/testing';
import { linkedinServer } from '@mcp/linkedin';
import { rdapServer } from '@mcp/rdap';
import { serpServer } from '@mcp/serp';
import { extractorServer } from '@mcp/siret-extractor';
import { describe, expect, it } from 'vitest';
import { checkMcp } from './mcp-checks.js';
import { parseTarget } from './target.js';

// Every upstream points at a closed loopback port: a harmless call that reached one would fail.
const NOWHERE = 'http://127.0.0.1:9';
const SERVERS = [
  ['annuaire', annuaireServer, 'verify_siret', 'answered (checksum only, no register call)'],
  ['siret-extractor', extractorServer, 'extract_from_text', 'answered (pure text extraction)'],
  [
    'rdap',
    rdapServer,
    'lookup_domain',
    'invalid_input as expected (refused by its own validation, no RDAP call)',
  ],
  [
    'linkedin',
    linkedinServer,
    'get_company',
    'invalid_input as expected (refused by its own validation, no LinkedIn call)',
  ],
  [
    'serp',
    serpServer,
    'web_search',
    'invalid_input as expected (refused by its own validation, no provider call)',
  ],
] as const;

describe('doctor: one harmless tool call per app, without any upstream', () => {
  it.each(SERVERS.map((row) => [...row]))(
    '%s: tools/list and a harmless call',
    async (name, server, tool, detail) => {
      const app = await startTestServer(server as typeof annuaireServer, {
        env: {
          ANNUAIRE_BASE_URL: NOWHERE,
          RDAP_BOOTSTRAP_URL: NOWHERE,
          RDAP_FR_BASE_URL: NOWHERE,
          LINKEDIN_BASE_URL: NOWHERE,
          DDG_BASE_URL: NOWHERE,
          SERP_PROVIDER: 'duckduckgo',
        },
      });
      try {
        const {
          results: [list, call],
        } = await checkMcp(parseTarget(app.url), app.authorization, 10_000);
        expect(list).toMatchObject({ name: 'tools/list (SDK client)', status: 'ok' });
        expect(list?.detail).toMatch(new RegExp(`^${name} \\S+: \\d+ tools: .*${tool}`));
        expect(call).toMatchObject({ name: `tools/call ${tool}`, status: 'ok', detail });
      } finally {
        await app.close();
      }
    },
  );
});
