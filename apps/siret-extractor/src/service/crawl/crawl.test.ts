import { createSafeFetch, err, ok } from '@mcp/core';
import { type ReplayRoute, type ReplayServer, startReplayServer } from '@mcp/core/testing';
import { warmHtmlPool } from '@mcp/html';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pageFetcherFrom } from '../../upstream/page-fetcher.js';
import type { PageFetcher } from '../../upstream/types.js';
import { buildAnswer } from '../extract/answer.js';
import { readPageTask } from '../extract/tasks.js';
import { crawlSite } from './crawl.js';

const html = (body: string, title = 'Page') => ({
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body: `<!doctype html><html lang="fr"><head><title>${title}</title></head><body>${body}</body></html>`,
});

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const crawl = async (
  routes: ReplayRoute[] | ((origin: string) => ReplayRoute[]),
  maxPages = 5,
  start = '/',
) => {
  let origin = '';
  server = await startReplayServer((req) => {
    const list = typeof routes === 'function' ? routes(origin) : routes;
    return list.find((r) => r.path === req.path);
  });
  origin = server.url;
  const progress: number[] = [];
  const fetcher = pageFetcherFrom(createSafeFetch({ allowHosts: ['127.0.0.1'], allowPorts: [server.port] }));
  const res = await crawlSite(`${origin}${start}`, fetcher, {
    maxPages,
    signal: new AbortController().signal,
    progress: async (n) => {
      progress.push(n);
    },
  });
  return { res, server, progress, origin };
};

const LEGAL =
  '<h1>Mentions légales</h1><h2>Éditeur</h2><p>Le site est édité par Akema, SAS, RCS Bordeaux 750 855 819.<br>' +
  'SIRET : 750 855 819 00025</p><h2>Hébergeur</h2><p>OVH SAS, RCS Lille Métropole 424 761 419 00045</p>';

// Workers start from source under tsx: seconds on a busy machine, paid once here, not by a test.
beforeAll(() => warmHtmlPool(readPageTask), 60_000);

describe('crawlSite', () => {
  it('follows the home page’s "Mentions légales" link first and stops there (2 fetches)', async () => {
    const { res, server, progress } = await crawl([
      {
        path: '/',
        ...html(
          '<a href="/contact">Contact</a><a href="/cgv">CGV</a><p>Tél 06 79 70 95 27</p>' +
            '<footer><a href="/mentions-legales">Mentions légales</a><a href="mailto:a@b.fr">Mail</a>' +
            '<a href="https://elsewhere.example/mentions-legales">Ailleurs</a></footer>',
        ),
      },
      { path: '/mentions-legales', ...html(LEGAL, 'Mentions légales') },
    ]);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.value.pagesFetched).toBe(2);
    expect(server.requests.map((r) => r.path)).toEqual(['/', '/mentions-legales']);
    expect(progress).toEqual([1, 2]);
    const answer = buildAnswer(res.value.pages, res.value.pagesFetched);
    expect(answer).toMatchObject({ siren: '750855819', siret: '75085581900025', pages_fetched: 2 });
    expect(answer.source_url).toMatch(/\/mentions-legales$/);
    expect(answer.candidates.find((c) => c.siren === '424761419')?.role).toBe('host');
  });

  it('stops on the home page when its footer names the publisher (1 fetch)', async () => {
    const { res, server } = await crawl([
      {
        path: '/',
        ...html(
          '<footer>© ACME SAS — SIREN 552 081 317 — <a href="/mentions-legales">Mentions légales</a></footer>',
        ),
      },
    ]);
    expect(res.ok && res.value.pagesFetched).toBe(1);
    expect(server.count()).toBe(1);
  });

  it('reads the sitemap when no link and no common path leads to the notice', async () => {
    const { res, server } = await crawl(
      (origin) => [
        { path: '/', ...html('<h1>Accueil</h1><a href="/blog">Blog</a>') },
        {
          path: '/sitemap.xml',
          headers: { 'content-type': 'application/xml' },
          body:
            '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' +
            `<url><loc>${origin}/blog</loc></url><url><loc>${origin}/infos/mentions-legales-editeur</loc></url></urlset>`,
        },
        {
          path: '/infos/mentions-legales-editeur',
          ...html('<h2>Éditeur</h2><table><tr><th>SIREN</th><td>877 773 689</td></tr></table>'),
        },
      ],
      8,
    );
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(server.requests.map((r) => r.path)).toEqual([
      '/',
      '/mentions-legales',
      '/mentions-legales.html',
      '/legal',
      '/sitemap.xml',
      '/infos/mentions-legales-editeur',
    ]);
    expect(buildAnswer(res.value.pages, res.value.pagesFetched).siren).toBe('877773689');
    expect(res.value.notes[0]).toMatch(/\/mentions-legales: not_found/);
  });

  it('moves on when the linked legal page is a 404', async () => {
    const { res } = await crawl([
      {
        path: '/',
        ...html('<a href="/mentions">Mentions légales</a><a href="/qui-sommes-nous">Qui sommes-nous ?</a>'),
      },
      { path: '/mentions', status: 404, body: 'Not found' },
      { path: '/qui-sommes-nous', ...html('<h2>Qui sommes-nous</h2><p>ACME, RCS Paris B 552 081 317</p>') },
    ]);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const answer = buildAnswer(res.value.pages, res.value.pagesFetched);
    expect(answer).toMatchObject({
      siren: '552081317',
      rcs: { city: 'Paris', number: '552081317' },
      pages_fetched: 3,
    });
    expect(answer.source_url).toMatch(/\/qui-sommes-nous$/);
    expect(res.value.notes).toHaveLength(1);
  });

  it('reports a redirect loop on the home page as an error naming the URL', async () => {
    const { res } = await crawl([
      {
        path: '/',
        handle: (_req, r) => {
          r.writeHead(302, { location: '/loop' });
          r.end();
        },
      },
      {
        path: '/loop',
        handle: (_req, r) => {
          r.writeHead(302, { location: '/' });
          r.end();
        },
      },
    ]);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('upstream_bad_response');
  });

  it('never fetches more than max_pages', async () => {
    const { res, server } = await crawl(
      [
        {
          path: '/',
          ...html(
            '<a href="/mentions-legales">Mentions légales</a><a href="/legal">Legal</a><a href="/cgu">CGU</a>',
          ),
        },
      ],
      2,
    );
    expect(res.ok && res.value.pagesFetched).toBe(2);
    expect(server.count()).toBe(2);
  });
});

describe('crawlSite with a fake fetcher', () => {
  it('passes the home page error through untouched', async () => {
    const fetcher: PageFetcher = async (url) => err('upstream_timeout', `${url} did not answer`, { url });
    const res = await crawlSite('https://down.example/', fetcher, {
      maxPages: 5,
      signal: new AbortController().signal,
    });
    expect(res).toEqual({
      ok: false,
      error: {
        code: 'upstream_timeout',
        message: 'https://down.example/ did not answer',
        details: { url: 'https://down.example/' },
      },
    });
  });

  it('reads text/plain pages as text and skips other types', async () => {
    const fetcher: PageFetcher = async (url) =>
      ok({ url, status: 200, contentType: 'text/plain', text: 'Éditeur : ACME, SIREN 552 081 317' });
    const res = await crawlSite('https://t.example/', fetcher, {
      maxPages: 5,
      signal: new AbortController().signal,
    });
    expect(res.ok && buildAnswer(res.value.pages, 1).siren).toBe('552081317');
  });
});

describe('crawlSite on unreachable sites', () => {
  it('reports a refused connection as upstream_http naming the URL', async () => {
    const gone = await startReplayServer([]);
    const port = gone.port;
    await gone.close();
    const fetcher = pageFetcherFrom(createSafeFetch({ allowHosts: ['127.0.0.1'], allowPorts: [port] }));
    const res = await crawlSite(`http://127.0.0.1:${port}/`, fetcher, {
      maxPages: 5,
      signal: new AbortController().signal,
    });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('upstream_http');
    expect(res.error.message).toContain(`http://127.0.0.1:${port}/`);
    expect(res.error.details).toMatchObject({ url: `http://127.0.0.1:${port}/` });
  });

  it('reports a site that does not answer in time as upstream_timeout', async () => {
    const slow = await startReplayServer([{ path: '/', delayMs: 1500, body: 'late' }]);
    try {
      const fetcher = pageFetcherFrom(
        createSafeFetch({ allowHosts: ['127.0.0.1'], allowPorts: [slow.port] }),
        200,
      );
      const res = await crawlSite(`${slow.url}/`, fetcher, {
        maxPages: 5,
        signal: new AbortController().signal,
      });
      expect(res).toMatchObject({
        ok: false,
        error: { code: 'upstream_timeout', details: { url: `${slow.url}/` } },
      });
    } finally {
      await slow.close();
    }
  });
});

describe('crawlSite following links found on the way', () => {
  it('reaches the notice through "À propos" when the home page does not link it', async () => {
    const { res, server } = await crawl([
      { path: '/', ...html('<nav><a href="/a-propos">À propos</a></nav>') },
      {
        path: '/a-propos',
        ...html('<h1>À propos</h1><footer><a href="/infos-legales">Mentions légales</a></footer>'),
      },
      { path: '/infos-legales', ...html(LEGAL, 'Mentions légales') },
    ]);
    expect(res.ok && buildAnswer(res.value.pages, res.value.pagesFetched).siren).toBe('750855819');
    expect(server.requests.map((r) => r.path)).toEqual(['/', '/a-propos', '/infos-legales']);
  });

  it('prefers the pages sitemap of a sitemap index', async () => {
    const { res, server } = await crawl(
      (origin) => [
        { path: '/', ...html('<h1>Accueil</h1>') },
        {
          path: '/sitemap.xml',
          headers: { 'content-type': 'application/xml' },
          body: `<?xml version="1.0"?><sitemapindex><sitemap><loc>${origin}/post-sitemap.xml</loc></sitemap><sitemap><loc>${origin}/page-sitemap.xml</loc></sitemap></sitemapindex>`,
        },
        {
          path: '/page-sitemap.xml',
          headers: { 'content-type': 'application/xml' },
          body: `<?xml version="1.0"?><urlset><url><loc>${origin}/mentions-legales-acme/</loc></url></urlset>`,
        },
        { path: '/mentions-legales-acme/', ...html(LEGAL) },
      ],
      10,
    );
    expect(res.ok && buildAnswer(res.value.pages, res.value.pagesFetched).siren).toBe('750855819');
    expect(server.requests.map((r) => r.path).slice(4)).toEqual([
      '/sitemap.xml',
      '/page-sitemap.xml',
      '/mentions-legales-acme/',
    ]);
  });
});

describe('crawlSite from a deep page', () => {
  it('goes up to the home page to find the legal link', async () => {
    const { res, server } = await crawl(
      [
        { path: '/blog/article', ...html('<h1>Article</h1>') },
        { path: '/', ...html('<footer><a href="/mentions-legales">Mentions légales</a></footer>') },
        { path: '/mentions-legales', ...html(LEGAL) },
      ],
      5,
      '/blog/article',
    );
    expect(res.ok && buildAnswer(res.value.pages, res.value.pagesFetched).siren).toBe('750855819');
    expect(server.requests.map((r) => r.path)).toEqual(['/blog/article', '/', '/mentions-legales']);
  });
});
