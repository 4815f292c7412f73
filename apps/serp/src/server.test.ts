import {
  type ReplayServer,
  readFixture,
  startReplayServer,
  startTestServer,
  toolErrorOf,
} from '@mcp/core/testing';
import { warmHtmlPool } from '@mcp/html';
import { duckDuckGoTask } from '@mcp/search';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serpServer } from './server.js';

const SERPAPI_KEY = 'serpapi-e2e-key-7d1c0b';
const SERPER_KEY = 'serper-e2e-key-41aa9e';

/** A Serper-shaped answer (not a recording) listing registry pages, for the company-page flow. */
const serperRegistryAnswer = {
  searchParameters: { q: '880878145', type: 'search', engine: 'google' },
  organic: [
    {
      title: 'GANYMEDE - Pappers',
      link: 'https://www.pappers.fr/entreprise/ganymede-880878145',
      snippet: 'GANYMEDE',
      position: 1,
    },
    {
      title: 'GANYMEDE (PARIS)',
      link: 'https://www.societe.com/societe/ganymede-880878145.html',
      snippet: '',
      position: 2,
    },
  ],
};

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

let upstream: ReplayServer;
let server: TestServer;

beforeAll(async () => {
  upstream = await startReplayServer((req) => {
    if (req.path === '/search.json') return { status: 429, body: readFixture('serp', 'serpapi_error.json') };
    if (req.path === '/html/') {
      return {
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body: readFixture('serp', 'ddg_html_openai_news.html'),
      };
    }
    if (req.path === '/search' && req.method === 'POST') {
      const { q } = JSON.parse(req.body) as { q: string };
      return q === '880878145'
        ? { body: serperRegistryAnswer }
        : { body: readFixture('serp', 'serper_search_arsenal.json') };
    }
    return undefined;
  });
  server = await startTestServer(serpServer, {
    env: {
      SERPAPI_API_KEY: SERPAPI_KEY,
      SERPAPI_BASE_URL: upstream.url,
      DDG_BASE_URL: upstream.url,
    },
  });
});

afterAll(async () => {
  await server?.close();
  await upstream?.close();
});

// Workers start from source under tsx: seconds on a busy machine, paid once here, not by a test.
beforeAll(() => warmHtmlPool(duckDuckGoTask), 60_000);

describe('serp over MCP', () => {
  it('lists the three tools', async () => {
    const client = await server.connect();
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([
      'find_company_pages',
      'search_company_mentions',
      'web_search',
    ]);
  });

  it('falls from SerpAPI out of credit to DuckDuckGo and says so, without the key', async () => {
    const client = await server.connect();
    const result = await client.callTool({ name: 'web_search', arguments: { query: 'OpenAI news', num: 3 } });
    expect(result.isError).toBeFalsy();
    const answer = result.structuredContent as {
      provider: string;
      providers_failed: { provider: string; code: string }[];
      results: { url: string }[];
    };
    expect(answer.provider).toBe('duckduckgo');
    expect(answer.providers_failed).toMatchObject([{ provider: 'serpapi', code: 'rate_limited' }]);
    expect(answer.results.map((r) => r.url)).toEqual([
      'https://openai.com/newsroom/',
      'https://www.cnbc.com/2026/02/20/openai-resets-spend-expectations-targets-around-600-billion-by-2030.html',
      'https://venturebeat.com/technology/openais-acquisition-of-openclaw-signals-the-beginning-of-the-end-of-the',
    ]);
    expect(JSON.stringify(result)).not.toContain(SERPAPI_KEY);
  });

  it('answers invalid input with a typed error naming the field', async () => {
    const client = await server.connect('legacy');
    const result = await client.callTool({ name: 'web_search', arguments: { query: 'x', num: 50 } });
    expect(result.isError).toBe(true);
    expect(toolErrorOf(result)).toMatchObject({ code: 'invalid_input', details: { fields: ['num'] } });
  });
});

describe('serp with Serper configured', () => {
  let serperServer: TestServer;
  beforeAll(async () => {
    serperServer = await startTestServer(serpServer, {
      env: { SERP_PROVIDER: 'serper', SERPER_API_KEY: SERPER_KEY, SERPER_BASE_URL: upstream.url },
    });
  });
  afterAll(async () => {
    await serperServer?.close();
  });

  it('builds the four registry pages from a SIREN and spends its one search on LinkedIn only', async () => {
    upstream.reset();
    const client = await serperServer.connect();
    const result = await client.callTool({
      name: 'find_company_pages',
      arguments: { siren: '880878145', sites: ['pappers', 'societe', 'annuaire_entreprises', 'infogreffe'] },
    });
    expect(result.isError).toBeFalsy();
    expect(upstream.requests).toHaveLength(0);
    expect(result.structuredContent).toMatchObject({
      searches_spent: 0,
      pages: {
        pappers: { url: 'https://www.pappers.fr/entreprise/880878145', siren_match: true, source: 'built' },
        societe: { url: 'https://www.societe.com/societe/880878145.html', source: 'built' },
        annuaire_entreprises: {
          url: 'https://annuaire-entreprises.data.gouv.fr/entreprise/880878145',
          source: 'built',
        },
        infogreffe: { url: 'https://www.infogreffe.fr/entreprise-societe/880878145', source: 'built' },
      },
    });
    const withLinkedIn = await client.callTool({
      name: 'find_company_pages',
      arguments: { siren: '880878145', sites: ['pappers', 'linkedin_company'], max_searches: 1 },
    });
    expect(withLinkedIn.structuredContent).toMatchObject({
      searches_spent: 1,
      queries: [{ query: '880878145', provider: 'serper' }],
      pages: { pappers: { source: 'built' }, linkedin_company: { url: null } },
      sirens_seen: [{ siren: '880878145', sites: ['pappers'] }],
    });
    expect(upstream.requests.map((r) => r.headers['x-api-key'])).toEqual([SERPER_KEY]);
  });
});
