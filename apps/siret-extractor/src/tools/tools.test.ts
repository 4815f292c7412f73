import { createFetchBudget, createSafeFetch, createToolRegistry, type ToolContext } from '@mcp/core';
import {
  type ReplayServer,
  readFixtureJson,
  readFixtureText,
  startReplayServer,
  toolErrorOf,
} from '@mcp/core/testing';
import { warmHtmlPool } from '@mcp/html';
import { createRegisterClient, type RegisterClient } from '@mcp/recherche-entreprises';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageFetcherFrom } from '../crawl/fetcher.js';
import { readPageTask } from '../extract/tasks.js';
import type { ExtractorDeps } from './index.js';
import { extractorTools } from './index.js';
import { normalizeSiteUrl } from './shared.js';

let site: ReplayServer;
let annuaire: ReplayServer;
const progress: Array<[number, number | undefined, string | undefined]> = [];
const ctx = (): ToolContext => ({
  signal: new AbortController().signal,
  log: pino({ level: 'silent' }),
  fetchBudget: createFetchBudget(100),
  progress: async (p, t, m) => {
    progress.push([p, t, m]);
  },
});

let annuaireApi: RegisterClient;
let deps: ExtractorDeps;

beforeAll(async () => {
  site = await startReplayServer([
    {
      path: '/',
      headers: { 'content-type': 'text/html' },
      body: '<footer><a href="/mentions-legales.html">Mentions légales</a></footer>',
    },
    {
      path: '/mentions-legales.html',
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: readFixtureText('siret', 'P11_8digriz-fr.html'),
    },
  ]);
  annuaire = await startReplayServer((req) => {
    const q = req.query.get('q');
    const file =
      q === '356000000'
        ? 'search_356000000.json'
        : q === '880878145'
          ? 'search_880878145.json'
          : 'search_12345678900003.json';
    return { path: '/search', body: readFixtureJson('annuaire', file) as object };
  });
  // The same clients the server builds: SSRF-safe fetch (loopback allowed for this port) and the
  // rate-limited annuaire upstream pointed at the replayed fixtures.
  annuaireApi = createRegisterClient({ baseUrl: annuaire.url });
  deps = {
    fetchPage: pageFetcherFrom(createSafeFetch({ allowHosts: ['127.0.0.1'], allowPorts: [site.port] })),
    annuaire: annuaireApi,
  };
});
afterAll(async () => {
  await annuaireApi.close();
  await site.close();
  await annuaire.close();
});

const registry = () => createToolRegistry(extractorTools(deps));
const call = async (name: string, args: unknown) => {
  const res = await registry().call(name, args, ctx());
  return res as {
    isError?: boolean;
    structuredContent: Record<string, unknown>;
  };
};

// Workers start from source under tsx: seconds on a busy machine, paid once here, not by a test.
beforeAll(() => warmHtmlPool(readPageTask), 60_000);

describe('tools', () => {
  it('lists the four tools with described inputs', () => {
    const list = registry().list.tools;
    expect(list.map((t) => t.name)).toEqual([
      'extract_from_url',
      'extract_from_html',
      'extract_from_text',
      'extract_batch',
    ]);
    const url = list[0]?.inputSchema.properties?.url as { description?: string };
    expect(url.description).toContain('https://example.fr');
  });

  it('extract_from_html reads the P11 table page', async () => {
    const res = await call('extract_from_html', {
      html: readFixtureText('siret', 'P11_8digriz-fr.html'),
      url: 'https://8digriz.fr/mentions-legales',
    });
    expect(res.isError).toBeUndefined();
    expect(res.structuredContent).toMatchObject({
      siren: '877773689',
      siret: '87777368900030',
      tva: 'FR96877773689',
      rcs: { city: 'Périgueux', number: '877773689' },
      company_name: '8DIGRIZ',
      source_url: 'https://8digriz.fr/mentions-legales',
      pages_fetched: 0,
      reason: null,
    });
  });

  it('extract_from_html refuses more than HTML_MAX_BYTES (1 MB by default) as invalid_input naming the field', async () => {
    const res = await call('extract_from_html', { html: `<p>${'x'.repeat(3 * 1024 * 1024)}</p>` });
    expect(toolErrorOf(res)).toMatchObject({
      code: 'invalid_input',
      message: 'html: the HTML is 3 MB, over the 1 MB limit',
      details: { fields: ['html'], reason: 'too_large', limit: 1024 * 1024 },
    });
  });

  it('extract_from_text reads Markdown with co-editors', async () => {
    const res = await call('extract_from_text', { text: readFixtureText('siret', 'P08_lacofabrique-fr.md') });
    expect(res.structuredContent).toMatchObject({
      siren: '792334229',
      co_publishers: ['792410953', '524082740', '532273398'],
    });
  });

  it('extract_from_text says no_identifier_found as a success, not an error', async () => {
    const res = await call('extract_from_text', {
      text: readFixtureText('siret', 'N01_clementbiron-com.md'),
    });
    expect(res.isError).toBeUndefined();
    expect(res.structuredContent).toMatchObject({
      siren: null,
      reason: 'no_identifier_found',
      candidates: [],
    });
  });

  it('verify: true confirms an active company whose name matches (La Poste)', async () => {
    const text = '## Éditeur\nRaison sociale : La Poste\nSIRET : 356 000 000 00048';
    const plain = await call('extract_from_text', { text });
    const res = await call('extract_from_text', { text, verify: true });
    expect(res.structuredContent.verification).toEqual([
      { siren: '356000000', found: true, name: 'LA POSTE', active: true, name_similarity: 1, error: null },
    ]);
    expect(res.structuredContent.confidence).toBe((plain.structuredContent.confidence as number) + 0.05);
  });

  it('verify: true notes a closed company and lowers confidence for an unknown SIREN', async () => {
    const closed = await call('extract_from_text', {
      text: 'Éditeur : Ganymede, SIREN 880 878 145',
      verify: true,
    });
    expect(closed.structuredContent.verification).toMatchObject([
      { siren: '880878145', found: true, active: false },
    ]);
    expect(closed.structuredContent.notes).toContain('GANYMEDE is closed (etat_administratif C)');
    const plain = await call('extract_from_text', { text: 'Éditeur : EDF, SIREN 552 081 317' });
    const unknown = await call('extract_from_text', {
      text: 'Éditeur : EDF, SIREN 552 081 317',
      verify: true,
    });
    expect(unknown.structuredContent.verification).toMatchObject([
      { siren: '552081317', found: false, error: null },
    ]);
    expect(unknown.structuredContent.confidence).toBeLessThan(plain.structuredContent.confidence as number);
  });

  it('extract_from_url crawls a loopback site and reports progress', async () => {
    progress.length = 0;
    const res = await call('extract_from_url', { url: `${site.url}/` });
    expect(res.structuredContent).toMatchObject({ siren: '877773689', pages_fetched: 2 });
    expect(res.structuredContent.source_url).toBe(`${site.url}/mentions-legales.html`);
    expect(progress.map((p) => p[0])).toEqual([1, 2]);
  });

  it('extract_from_url refuses non-http schemes as forbidden_target', async () => {
    const res = await call('extract_from_url', { url: 'ftp://example.fr/' });
    expect(toolErrorOf(res)).toMatchObject({ code: 'forbidden_target' });
  });

  it('extract_from_url validates max_pages', async () => {
    const res = await call('extract_from_url', { url: 'https://example.fr', max_pages: 50 });
    expect(toolErrorOf(res).code).toBe('invalid_input');
    expect(toolErrorOf(res).message).toContain('max_pages');
  });

  it('extract_batch answers one result per URL, in order, with per-site errors and progress', async () => {
    progress.length = 0;
    const res = await call('extract_batch', {
      urls: [`${site.url}/`, 'ftp://nope.example/', `${site.url}/missing`],
      max_pages: 3,
    });
    const out = res.structuredContent as {
      results: Array<{ url: string; result: { siren: string } | null; error: { code: string } | null }>;
      succeeded: number;
      failed: number;
    };
    expect(out.results.map((r) => r.url)).toEqual([
      `${site.url}/`,
      'ftp://nope.example/',
      `${site.url}/missing`,
    ]);
    expect(out.results[0]?.result?.siren).toBe('877773689');
    expect(out.results[1]?.error?.code).toBe('forbidden_target');
    expect(out.results[2]?.error?.code).toBe('not_found');
    expect([out.succeeded, out.failed]).toEqual([1, 2]);
    expect(progress.map((p) => p[1])).toEqual([3, 3, 3]);
  });

  it('extract_batch keeps at most four sites in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const slow = await startReplayServer([
      {
        path: /^\/s\d+$/,
        handle: async (_req, res) => {
          inFlight += 1;
          peak = Math.max(peak, inFlight);
          await new Promise((r) => setTimeout(r, 80));
          inFlight -= 1;
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end('<p>SIREN 552 081 317</p>');
        },
      },
    ]);
    try {
      const own = createToolRegistry(
        extractorTools({
          fetchPage: pageFetcherFrom(createSafeFetch({ allowHosts: ['127.0.0.1'], allowPorts: [slow.port] })),
          annuaire: null,
        }),
      );
      const urls = Array.from({ length: 10 }, (_, i) => `${slow.url}/s${i}`);
      const res = (await own.call('extract_batch', { urls, max_pages: 1 }, ctx())) as {
        structuredContent: { succeeded: number; results: Array<{ result: { siren: string } | null }> };
      };
      expect(res.structuredContent.succeeded).toBe(10);
      expect(res.structuredContent.results.every((r) => r.result?.siren === '552081317')).toBe(true);
      expect(peak).toBe(4);
    } finally {
      await slow.close();
    }
  });

  it('extract_batch refuses more than 20 URLs', async () => {
    const res = await call('extract_batch', {
      urls: Array.from({ length: 21 }, (_, i) => `https://s${i}.example`),
    });
    expect(toolErrorOf(res).code).toBe('invalid_input');
  });
});

describe('normalizeSiteUrl', () => {
  it('adds https:// to bare domains and refuses other schemes', () => {
    expect(normalizeSiteUrl('example.fr')).toEqual({ ok: true, value: 'https://example.fr/' });
    expect(normalizeSiteUrl('javascript:alert(1)')).toMatchObject({
      ok: false,
      error: { code: 'forbidden_target' },
    });
    expect(normalizeSiteUrl('http://')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
