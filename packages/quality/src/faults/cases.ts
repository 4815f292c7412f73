import { readFixture, startReplayServer } from '@mcp/core/testing';
import { APP_CASES } from '../apps/index.js';
import { type AppCase, FAKE_PROVIDER_KEY } from '../apps/types.js';
import type { FaultServer } from './fault-server.js';

export interface FaultCase {
  app: AppCase;
  /** Env pointing every upstream of the app at the fault server (timeouts lowered to keep runs short). */
  env: (fault: FaultServer, extra: { bootstrapUrl: string }) => Record<string, string>;
  /** One call per tool, each reaching the faulty upstream. */
  calls: (fault: FaultServer) => Array<{ name: string; arguments: Record<string, unknown> }>;
  /** Longest an answer may take: the app's timeout × its attempts, plus a margin for a loaded machine. */
  deadlineMs: number;
}

const byName = (name: string) => {
  const app = APP_CASES.find((a) => a.app === name);
  if (!app) throw new Error(name);
  return app;
};

/** RDAP bootstraps must load for a domain lookup to reach a registry: they come from a good replay. */
export const startBootstrap = () =>
  startReplayServer((req) =>
    req.path === '/rdap/dns.json'
      ? { headers: { 'content-type': 'application/json' }, body: readFixture('rdap', 'iana_dns.json') }
      : req.path === '/rdap/ipv4.json'
        ? { body: { version: '1.0', services: [[['193.0.0.0/8'], ['https://rdap.db.ripe.net/']]] } }
        : req.path === '/rdap/asn.json'
          ? { body: { version: '1.0', services: [[['64496-64511'], ['https://rdap.db.ripe.net/']]] } }
          : undefined,
  );

const STANDALONE_FAULT_CASES: FaultCase[] = [
  {
    app: byName('annuaire'),
    env: (f) => ({ ANNUAIRE_BASE_URL: f.url, ANNUAIRE_TIMEOUT_MS: '1500', ANNUAIRE_CACHE_TTL_S: '0' }),
    calls: () => [
      { name: 'search_companies', arguments: { query: 'la poste' } },
      { name: 'get_company', arguments: { siren: '356000000' } },
      { name: 'verify_siret', arguments: { id: '35600000000048', check_register: true } },
      { name: 'search_near_point', arguments: { latitude: 48.85, longitude: 2.35, radius_km: 1 } },
      { name: 'get_officers', arguments: { siren: '356000000' } },
    ],
    deadlineMs: 45_000,
  },
  {
    app: byName('serp'),
    env: (f) => ({
      SERP_PROVIDER: 'serper',
      SERPER_API_KEY: FAKE_PROVIDER_KEY,
      SERPER_BASE_URL: f.url,
      SERP_DISABLE_DUCKDUCKGO: 'true',
      SERP_TIMEOUT_MS: '1500',
    }),
    calls: () => [
      { name: 'web_search', arguments: { query: 'la poste' } },
      { name: 'find_company_pages', arguments: { name: 'La Poste', sites: ['pappers'] } },
      { name: 'search_company_mentions', arguments: { name: 'La Poste' } },
    ],
    deadlineMs: 45_000,
  },
  {
    app: byName('rdap'),
    env: (f, { bootstrapUrl }) => ({
      RDAP_BOOTSTRAP_URL: bootstrapUrl,
      RDAP_SERVERS_OVERRIDE_URL: f.url,
      RDAP_FR_BASE_URL: f.url,
      // WHOIS, the fallback, is the fault server too: it speaks HTTP garbage or nothing on port 43.
      WHOIS_HOST: '127.0.0.1',
      WHOIS_PORT: String(f.port),
      RDAP_TIMEOUT_MS: '1500',
      WHOIS_TIMEOUT_MS: '1500',
      RDAP_CACHE_TTL_S: '0',
      SAFE_FETCH_ALLOW_HOSTS: '127.0.0.1',
      SAFE_FETCH_ALLOW_PORTS: String(f.port),
    }),
    calls: () => [
      { name: 'lookup_domain', arguments: { domain: 'lemonde.fr' } },
      { name: 'check_availability', arguments: { domains: ['lemonde.fr', 'google.com'] } },
      { name: 'lookup_ip', arguments: { ip: '193.51.224.1' } },
      { name: 'lookup_asn', arguments: { asn: 64500 } },
    ],
    deadlineMs: 45_000,
  },
  {
    app: byName('linkedin'),
    env: (f) => ({
      LINKEDIN_BASE_URL: f.url,
      LINKEDIN_RATE_PER_SECOND: '50',
      LINKEDIN_TIMEOUT_MS: '1500',
      LINKEDIN_CACHE_TTL_S: '0',
      SERPER_API_KEY: FAKE_PROVIDER_KEY,
      SERPER_BASE_URL: f.url,
      SERP_PROVIDER: 'serper',
      SERP_DISABLE_DUCKDUCKGO: 'true',
      SERP_TIMEOUT_MS: '1500',
      SAFE_FETCH_ALLOW_HOSTS: '127.0.0.1',
      SAFE_FETCH_ALLOW_PORTS: String(f.port),
    }),
    calls: (f) => [
      { name: 'get_company', arguments: { url: 'https://www.linkedin.com/company/audiense/' } },
      { name: 'get_profile', arguments: { url: 'https://www.linkedin.com/in/jane-example-123/' } },
      { name: 'find_company', arguments: { name: 'Audiense', website: `${f.url}/` } },
      { name: 'find_people', arguments: { company: 'Audiense' } },
    ],
    deadlineMs: 45_000,
  },
  {
    app: byName('siret-extractor'),
    env: (f) => ({
      ANNUAIRE_BASE_URL: f.url,
      ANNUAIRE_TIMEOUT_MS: '1500',
      FETCH_TIMEOUT_MS: '1500',
      SAFE_FETCH_ALLOW_HOSTS: '127.0.0.1',
      SAFE_FETCH_ALLOW_PORTS: String(f.port),
    }),
    calls: (f) => [
      { name: 'extract_from_url', arguments: { url: `${f.url}/` } },
      { name: 'extract_batch', arguments: { urls: [`${f.url}/a`, `${f.url}/b`] } },
      {
        name: 'extract_from_text',
        arguments: { text: 'Éditeur : EXEMPLE SAS, SIREN 356 000 000, RCS Paris.', verify: true },
      },
    ],
    deadlineMs: 60_000,
  },
];

/**
 * The all-in-one against the same faults: every upstream of the five at the fault server (their envs
 * merged: they agree, all point there), every call of the five under its combined name, and a whole
 * research_company dossier, which must carry each step's failure as data within its own deadline.
 */
const allInOneFaults: FaultCase = {
  app: byName('all-in-one'),
  env: (f, extra) => Object.assign({}, ...STANDALONE_FAULT_CASES.map((c) => c.env(f, extra))),
  calls: (f) => [
    ...STANDALONE_FAULT_CASES.flatMap((c) =>
      c.calls(f).map((call) => ({ ...call, name: `${c.app.app.replaceAll('-', '_')}_${call.name}` })),
    ),
    { name: 'research_company', arguments: { query: '356000000', timeout_s: 20 } },
  ],
  deadlineMs: 60_000,
};

export const FAULT_CASES: FaultCase[] = [...STANDALONE_FAULT_CASES, allInOneFaults];
