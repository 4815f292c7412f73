// Test data only (never imported by the server). The dossier's loopback world: the register answers
// with RECORDED fixtures (fixtures/annuaire); everything else about the company GANYMEDE is a
// HAND-MADE variant, labelled where it is built below, because no recorded site, domain or LinkedIn
// page of a company in the annuaire fixtures exists (and no company is in both the annuaire fixtures
// and the siret pages).
import { randomBytes } from 'node:crypto';
import type { ReplayReply, ReplayServer } from '@mcp/core/testing';
import { readFixtureJson, readFixtureText, startReplayServer } from '@mcp/core/testing';

export const WORLD_SIREN = '880878145';
export const WORLD_DOMAIN = 'ganymede.fr';

/** A source of the world made to fail, one at a time. */
export type Fault = 'none' | 'register_429' | 'rdap_timeout' | 'linkedin_404' | 'site_down';

/*
 * HAND-MADE PAGES — NOT RECORDED. GANYMEDE's home page and legal notice, written for these tests in
 * the usual shape of a French "mentions légales" (éditeur, RCS, SIREN, hébergeur). The SIREN and
 * address are the register's (recorded fixture search_880878145.json); the site does not exist.
 */
const homePage = `<!DOCTYPE html><html lang="fr"><head><title>Ganymède — conseil</title></head>
<body><h1>Ganymède</h1><p>Conseil en stratégie.</p>
<footer><a href="/mentions-legales">Mentions légales</a></footer></body></html>`;
const legalNotice = `<!DOCTYPE html><html lang="fr"><head><title>Mentions légales — Ganymède</title></head>
<body><h1>Mentions légales</h1>
<h2>Éditeur du site</h2>
<p>Le site ganymede.fr est édité par la société GANYMEDE, SAS au capital de 1 000 euros,
immatriculée au RCS de Paris sous le numéro 880 878 145, dont le siège social est situé
128 rue La Boétie, 75008 Paris.</p>
<h2>Hébergement</h2>
<p>OVH SAS, 2 rue Kellermann, 59100 Roubaix. RCS Lille Métropole 424 761 419.</p>
</body></html>`;

/* HAND-MADE VARIANT of fixtures/rdap/afnic_domain_lemonde.fr.json: the domain and the registrant's
 * name changed to ganymede.fr and GANYMEDE; the events (registered 2005) and registrar kept. */
const rdapAnswer = (): object => {
  const text = readFixtureText('rdap', 'afnic_domain_lemonde.fr.json')
    .replaceAll('lemonde.fr', WORLD_DOMAIN)
    .replaceAll('SOCIETE EDITRICE DU MONDE', 'GANYMEDE')
    .replaceAll('SOCIETE EDITRICE du monde', 'Ganymede');
  return JSON.parse(text) as object;
};

/* HAND-MADE VARIANT of fixtures/linkedin/company_audiense_public.html: the company's name, slug and
 * website changed to Ganymede, ganymede and www.ganymede.fr; the rest of the markup as recorded. */
const linkedinPage = (): string =>
  readFixtureText('linkedin', 'company_audiense_public.html')
    .replaceAll('www%2Eaudiense%2Ecom', 'www%2Eganymede%2Efr')
    .replaceAll('www.audiense.com', 'www.ganymede.fr')
    .replaceAll('audiense', 'ganymede')
    .replaceAll('Audiense', 'Ganymede');

/* HAND-MADE Serper answer (shape of fixtures/serp/serper_search_arsenal.json): what a general search
 * for the company's name returns, its site and its LinkedIn page first. */
const serperAnswer = (siteUrl: string) => ({
  searchParameters: { q: 'GANYMEDE', gl: 'fr', hl: 'fr', type: 'search', engine: 'google' },
  organic: [
    { title: 'Ganymède — conseil', link: siteUrl, snippet: 'Conseil en stratégie.', position: 1 },
    {
      title: 'Ganymede | LinkedIn',
      link: 'https://fr.linkedin.com/company/ganymede',
      snippet: 'Ganymede | 69 abonnés sur LinkedIn.',
      position: 2,
    },
  ],
});

const emptySearch = { total_results: 0, page: 1, per_page: 10, total_pages: 0, results: [] };

export interface World {
  server: ReplayServer;
  /** The company's site, as the search results give it (the host resolves to loopback in the test). */
  siteUrl: string;
  env: Record<string, string>;
  setFault: (fault: Fault) => void;
}

export const startWorld = async (): Promise<World> => {
  let fault: Fault = 'none';
  let siteUrl = '';
  const server = await startReplayServer((req): ReplayReply | undefined => {
    const host = String(req.headers.host ?? '').split(':')[0];
    if (host === WORLD_DOMAIN) {
      if (fault === 'site_down') return { status: 503, body: 'Service Unavailable' };
      if (req.path === '/')
        return { headers: { 'content-type': 'text/html; charset=utf-8' }, body: homePage };
      if (req.path === '/mentions-legales') {
        return { headers: { 'content-type': 'text/html; charset=utf-8' }, body: legalNotice };
      }
      return { status: 404, body: 'not found' };
    }
    if (req.method === 'POST' && req.path === '/search') return { body: serperAnswer(siteUrl) };
    if (req.method === 'GET' && req.path === '/search') {
      if (fault === 'register_429')
        return { status: 429, headers: { 'retry-after': '1' }, body: { erreur: 'quota' } };
      const q = (req.query.get('q') ?? '').replace(/\s/g, '').toLowerCase();
      if (q === WORLD_SIREN) return { body: readFixtureJson('annuaire', 'search_880878145.json') };
      const byName = readFixtureJson('annuaire', 'search_Ganymede.json') as {
        results: Array<{ siren: string }>;
      };
      if (q === 'ganymede') return { body: byName };
      // DERIVED from the recorded search_Ganymede.json: the register's answer to one of its SIRENs is
      // that company's own result, alone.
      const one = byName.results.find((r) => r.siren === q);
      if (one) return { body: { ...byName, results: [one], total_results: 1, total_pages: 1 } };
      return { body: emptySearch };
    }
    if (req.path === `/domain/${WORLD_DOMAIN}`) {
      if (fault === 'rdap_timeout') return { delayMs: 8000, body: rdapAnswer() };
      return { headers: { 'content-type': 'application/rdap+json' }, body: rdapAnswer() };
    }
    if (req.path.startsWith('/company/ganymede')) {
      if (fault === 'linkedin_404') return { status: 404, body: 'Page not found' };
      return { headers: { 'content-type': 'text/html; charset=utf-8' }, body: linkedinPage() };
    }
    return { status: 404, body: 'no such route in the dossier world' };
  });
  siteUrl = `http://${WORLD_DOMAIN}:${server.port}/`;
  return {
    server,
    siteUrl,
    setFault: (next) => {
      fault = next;
    },
    env: {
      ANNUAIRE_BASE_URL: server.url,
      ANNUAIRE_CACHE_TTL_S: '0',
      ANNUAIRE_TIMEOUT_MS: '3000',
      // Any value selects Serper (its replay here ignores it); made per run, never a literal key.
      SERPER_API_KEY: randomBytes(12).toString('hex'),
      SERPER_BASE_URL: server.url,
      RDAP_FR_BASE_URL: server.url,
      RDAP_TIMEOUT_MS: '6000',
      RDAP_CACHE_TTL_S: '0',
      LINKEDIN_BASE_URL: server.url,
      LINKEDIN_CACHE_TTL_S: '0',
      FETCH_TIMEOUT_MS: '3000',
      SAFE_FETCH_ALLOW_HOSTS: `127.0.0.1,${WORLD_DOMAIN}`,
      SAFE_FETCH_ALLOW_PORTS: String(server.port),
    },
  };
};
