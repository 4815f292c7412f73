import {
  type ReplayServer,
  readFixtureText,
  startReplayServer,
  startTestServer,
  toolErrorOf,
} from '@mcp/core/testing';
import { warmHtmlPool } from '@mcp/html';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkedinServer } from './server.js';
import { companyTask } from './service/extract/tasks.js';

const SERPER_KEY = 'serper-linkedin-e2e-5b2f';
const html = { 'content-type': 'text/html; charset=utf-8' };

/** Serper-shaped answers (hand-made, not recordings) for the two LinkedIn searches. */
const companyResults = {
  organic: [
    {
      title: 'Audiense | LinkedIn',
      link: 'https://uk.linkedin.com/company/audiense',
      snippet:
        'Audiense | 5,750 followers on LinkedIn. Put consumer segmentation and cultural understanding…',
      position: 1,
    },
    {
      title: 'Audiense Connect | LinkedIn',
      link: 'https://www.linkedin.com/company/audiense-connect/',
      snippet: 'Showcase page.',
      position: 2,
    },
  ],
};
const peopleResults = {
  organic: [
    {
      title: 'Jane Example - CEO - Audiense | LinkedIn',
      link: 'https://uk.linkedin.com/in/jane-example-123',
      snippet: 'CEO at Audiense · London',
      position: 1,
    },
    {
      title: 'Audiense on LinkedIn: We are hiring',
      link: 'https://www.linkedin.com/posts/audiense_hiring-activity-1',
      snippet: '',
      position: 2,
    },
  ],
};
/** A company website (hand-made) whose footer links to its LinkedIn page. */
const WEBSITE = `<!DOCTYPE html><html><head><title>Audiense</title></head><body>
  <footer><a href="https://www.linkedin.com/company/audiense/?trk=site">LinkedIn</a></footer></body></html>`;

let linkedin: ReplayServer;
let serper: ReplayServer;
let website: ReplayServer;
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  linkedin = await startReplayServer([
    {
      path: '/company/audiense/',
      headers: html,
      body: readFixtureText('linkedin', 'company_audiense_public.html'),
    },
    {
      path: '/in/jane-example-123/',
      headers: html,
      body: readFixtureText('linkedin', 'loggedin_app_shell_profile.html'),
    },
  ]);
  serper = await startReplayServer((req) => {
    if (req.path !== '/search' || req.method !== 'POST') return undefined;
    const { q } = JSON.parse(req.body) as { q: string };
    return { body: q.includes('site:linkedin.com/in') ? peopleResults : companyResults };
  });
  website = await startReplayServer([{ path: '/', headers: html, body: WEBSITE }]);
  server = await startTestServer(linkedinServer, {
    env: {
      LINKEDIN_BASE_URL: linkedin.url,
      LINKEDIN_RATE_PER_SECOND: '20',
      SERPER_API_KEY: SERPER_KEY,
      SERPER_BASE_URL: serper.url,
      SERP_DISABLE_DUCKDUCKGO: 'true',
      SAFE_FETCH_ALLOW_HOSTS: '127.0.0.1',
    },
  });
});

afterAll(async () => {
  await server?.close();
  await Promise.all([linkedin?.close(), serper?.close(), website?.close()]);
});

// Workers start from source under tsx: seconds on a busy machine, paid once here, not by a test.
beforeAll(() => warmHtmlPool(companyTask), 60_000);

describe('linkedin over MCP', () => {
  it('lists the four tools with described inputs', async () => {
    const client = await server.connect();
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([
      'find_company',
      'find_people',
      'get_company',
      'get_profile',
    ]);
    for (const tool of tools) {
      const props = (tool.inputSchema.properties ?? {}) as Record<string, { description?: string }>;
      for (const [field, schema] of Object.entries(props)) expect(schema.description, field).toBeTruthy();
    }
  });

  it('get_company returns the Audiense page from loopback', async () => {
    const client = await server.connect();
    const result = await client.callTool({
      name: 'get_company',
      arguments: { url: 'https://fr.linkedin.com/company/audiense/' },
    });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({
      name: 'Audiense',
      followers: 5750,
      employees_on_linkedin: 69,
      industry: 'Advertising Services',
      headquarters: { locality: 'London', country: 'GB' },
      source: { via: 'direct' },
    });
  });

  it('get_profile on the app shell is a blocked error that says what to do', async () => {
    const client = await server.connect('legacy');
    const result = await client.callTool({
      name: 'get_profile',
      arguments: { public_id: 'jane-example-123' },
    });
    expect(result.isError).toBe(true);
    const error = toolErrorOf(result);
    expect(error).toMatchObject({ code: 'blocked', details: { seen: 'app_shell' } });
    expect(error.message).toMatch(/^LinkedIn did not serve the public page/);
  });

  it('find_company ranks the page the website links to, found by search too, first', async () => {
    const client = await server.connect();
    const result = await client.callTool({
      name: 'find_company',
      arguments: { name: 'Audiense', website: `${website.url}/` },
    });
    expect(result.isError).toBeFalsy();
    const out = result.structuredContent as {
      candidates: Array<{ linkedin_url: string; found_on: string[]; why: string[]; score: number }>;
      search_check: { provider: string; query: string };
      website_check: { ok: boolean; links_found: number };
    };
    expect(out.candidates.map((c) => c.linkedin_url)).toEqual([
      'https://www.linkedin.com/company/audiense/',
      'https://www.linkedin.com/company/audiense-connect/',
    ]);
    expect(out.candidates[0]).toMatchObject({ found_on: ['website', 'search'], score: 1 });
    expect(out.candidates[0]?.why[0]).toMatch(/^127\.0\.0\.1 links to it \(1× — footer\)$/);
    expect(out.website_check).toMatchObject({ ok: true, links_found: 1 });
    expect(out.search_check.provider).toBe('serper');
    const sent = JSON.parse(serper.requests.find((r) => r.body.includes('linkedin.com/company'))!.body) as {
      q: string;
    };
    expect(sent.q).toBe('"Audiense" site:linkedin.com/company');
    expect(JSON.stringify(result)).not.toContain(SERPER_KEY);
  });

  it('find_people lists public profiles parsed from result titles', async () => {
    const client = await server.connect();
    const result = await client.callTool({
      name: 'find_people',
      arguments: { company: 'Audiense', role: 'CEO' },
    });
    expect(result.structuredContent).toMatchObject({
      company: 'Audiense',
      role: 'CEO',
      provider: 'serper',
      people: [
        {
          name: 'Jane Example',
          headline: 'CEO',
          company: 'Audiense',
          profile_url: 'https://www.linkedin.com/in/jane-example-123/',
          mentions_company: true,
          matches_role: true,
        },
      ],
    });
  });
});

describe('find_company with a website that does not answer', () => {
  it('gives up on the website after LINKEDIN_TIMEOUT_MS and still answers from search', async () => {
    const silent = await startReplayServer([{ path: '/', headers: html, body: WEBSITE, delayMs: 20_000 }]);
    const quick = await startTestServer(linkedinServer, {
      env: {
        LINKEDIN_BASE_URL: linkedin.url,
        LINKEDIN_TIMEOUT_MS: '1000',
        SERPER_API_KEY: SERPER_KEY,
        SERPER_BASE_URL: serper.url,
        SERP_DISABLE_DUCKDUCKGO: 'true',
        SAFE_FETCH_ALLOW_HOSTS: '127.0.0.1',
      },
    });
    try {
      const client = await quick.connect();
      const result = await client.callTool({
        name: 'find_company',
        arguments: { name: 'Audiense', website: `${silent.url}/` },
      });
      expect(result.isError).toBeFalsy();
      const out = result.structuredContent as {
        candidates: Array<{ linkedin_url: string }>;
        website_check: { ok: boolean; error: string | null };
      };
      expect(out.website_check.ok).toBe(false);
      expect(out.website_check.error).toMatch(/^upstream_timeout: .* within 1000 ms\.$/);
      expect(out.candidates[0]?.linkedin_url).toBe('https://www.linkedin.com/company/audiense/');
    } finally {
      await quick.close();
      await silent.close();
    }
  });
});
