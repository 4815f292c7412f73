import { readFixtureJson, readFixtureText, startReplayServer } from '@mcp/core/testing';
import { extractorServer } from '@mcp/siret-extractor';
import type { AppCase } from './types.js';

const html = { 'content-type': 'text/html; charset=utf-8' };
const LEGAL = readFixtureText('siret', 'P25_jardin-royal-site.html');
const HOME = '<h1>Le Jardin Royal</h1><footer><a href="/mentions-legales.html">Mentions légales</a></footer>';
const EMPTY_SEARCH = readFixtureJson('annuaire', 'search_12345678900003.json') as object;

export const siretCase: AppCase = {
  app: 'siret-extractor',
  definition: extractorServer as unknown as AppCase['definition'],
  upstreams: async () => {
    const site = await startReplayServer((req) => {
      if (req.path === '/') return { headers: html, body: HOME };
      if (req.path === '/mentions-legales.html') return { headers: html, body: LEGAL };
      return { status: 404, headers: html, body: '<html><body>Not found</body></html>' };
    });
    const annuaire = await startReplayServer((req) =>
      req.path === '/search' ? { body: EMPTY_SEARCH } : undefined,
    );
    return {
      env: {
        ANNUAIRE_BASE_URL: annuaire.url,
        SAFE_FETCH_ALLOW_HOSTS: '127.0.0.1',
        SAFE_FETCH_ALLOW_PORTS: String(site.port),
      },
      requests: () => site.requests.length + annuaire.requests.length,
      close: async () => {
        await Promise.all([site.close(), annuaire.close()]);
      },
    };
  },
  failing: { name: 'extract_from_text', arguments: { text: '' }, code: 'invalid_input', message: 'text' },
  progress: { name: 'extract_batch', arguments: { urls: ['http://127.0.0.1:PORT/'] } },
  sample: {
    name: 'extract_from_url',
    arguments: { url: 'http://127.0.0.1:PORT/' },
    expect: { siren: '798905758' },
  },
  // Page fetches are not cached (a site's legal notice is read afresh); the registry check is (10 min).
  cached: {
    name: 'extract_from_text',
    arguments: { text: readFixtureText('siret', 'P01_incaya-website.md'), verify: true },
    expect: { siren: '819989971' },
  },
  loopbackUrl: (up) => `http://127.0.0.1:${up.env.SAFE_FETCH_ALLOW_PORTS}/`,
};
