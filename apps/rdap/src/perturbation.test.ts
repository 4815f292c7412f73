import { createToolRegistry } from '@mcp/core';
import {
  outcomeOf,
  perturbationRuns,
  perturbationSeed,
  perturbationTestTimeoutMs,
  perturbationTimeLimitMs,
  type ReplayReply,
  type ReplayServer,
  readFixtureJson,
  runPerturbations,
  startReplayServer,
  startWhoisServer,
  testToolsContext,
  toolContext,
  type WhoisTestServer,
} from '@mcp/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rdapEnv } from './config.js';
import { createRdapDeps } from './deps.js';
import { silentLog } from './testing/harness.js';
import { ASN_BOOTSTRAP, IPV4_BOOTSTRAP } from './testing/upstreams.js';
import { rdapTools } from './tools/index.js';

/*
 * Parse, don't trust: every recorded RDAP JSON body of fixtures/rdap (the IANA dns.json bootstrap, the
 * AFNIC, Verisign and whodap domain answers, AFNIC's /help) perturbed — scalars of another type, nulls,
 * dropped keys, wrapped scalars, emptied values — then served from loopback to every tool that reads
 * RDAP. A bootstrap body is served as every bootstrap file; a registry body as the answer for a domain,
 * an IP network and an autnum. Each tool must answer with a result or a typed error, never
 * internal_error. PERTURB_RUNS sets the case count (`pnpm test:fuzz:full`), PERTURB_SEED replays.
 */
const RUNS = perturbationRuns(150);

const fixtures = Object.fromEntries(
  [
    'iana_dns.json',
    'afnic_domain_lemonde.fr.json',
    'verisign_domain_google.com.json',
    'bad_response_01.json',
    'afnic_help.json',
  ].map((name) => [name, readFixtureJson('rdap', name)]),
);

const json = (body: unknown): ReplayReply => ({
  headers: { 'content-type': 'application/rdap+json' },
  body: JSON.stringify(body),
});

let served: { bootstrap: unknown; registry: unknown } = { bootstrap: null, registry: null };
let http: ReplayServer;
let whois: WhoisTestServer;

const route = (path: string): ReplayReply | undefined => {
  if (path === '/rdap/dns.json') return json(served.bootstrap);
  if (path === '/rdap/ipv4.json')
    return json(served.bootstrap === fixtures['iana_dns.json'] ? IPV4_BOOTSTRAP : served.bootstrap);
  if (path === '/rdap/asn.json')
    return json(served.bootstrap === fixtures['iana_dns.json'] ? ASN_BOOTSTRAP : served.bootstrap);
  if (/\/(domain|ip|autnum)\/[^/]+$/.test(path)) return json(served.registry);
  return undefined;
};

beforeAll(async () => {
  http = await startReplayServer((req) => route(decodeURIComponent(req.path)));
  whois = await startWhoisServer(() => undefined);
});
afterAll(async () => {
  await Promise.all([http?.close(), whois?.close()]);
});

const CALLS: [string, unknown][] = [
  ['lookup_domain', { domain: 'google.com' }],
  ['lookup_domain', { domain: 'lemonde.fr' }],
  ['check_availability', { domains: ['google.com', 'lemonde.fr'] }],
  ['lookup_ip', { ip: '8.8.8.8' }],
  ['lookup_asn', { asn: 'AS64500' }],
];

const answer = async (fixture: string, body: unknown): Promise<string[]> => {
  const bootstrapCase = fixture === 'iana_dns.json';
  served = {
    bootstrap: bootstrapCase ? body : fixtures['iana_dns.json'],
    registry: bootstrapCase ? fixtures['verisign_domain_google.com.json'] : body,
  };
  // A fresh app per case: the bootstrap store keeps a file for a day, and each case serves another.
  const app = testToolsContext(
    rdapEnv,
    {
      RDAP_BOOTSTRAP_URL: http.url,
      RDAP_SERVERS_OVERRIDE_URL: http.url,
      RDAP_FR_BASE_URL: http.url,
      SAFE_FETCH_ALLOW_HOSTS: '127.0.0.1',
      SAFE_FETCH_ALLOW_PORTS: String(http.port),
      WHOIS_HOST: whois.host,
      WHOIS_PORT: String(whois.port),
      RDAP_CACHE_TTL_S: '0',
      // Every registry is this one loopback server: lift the per-registry limit so cases do not queue.
      RDAP_RATE_PER_SECOND: '10000',
      RDAP_TIMEOUT_MS: '2000',
      WHOIS_TIMEOUT_MS: '500',
    },
    { log: silentLog },
  );
  try {
    const registry = createToolRegistry(rdapTools(createRdapDeps(app.ctx)));
    const out: string[] = [];
    for (const [name, args] of CALLS) out.push(outcomeOf(await registry.call(name, args, toolContext())));
    return out;
  } finally {
    await app.close();
  }
};

describe('rdap tools on perturbed recorded RDAP answers', () => {
  it(
    `answer ${RUNS} perturbed bodies with a result or a typed error, never internal_error`,
    async () => {
      const report = await runPerturbations({
        fixtures,
        answer,
        runs: RUNS,
        seed: perturbationSeed(),
        timeLimitMs: perturbationTimeLimitMs(45_000),
      });
      console.log(
        `[perturb] rdap: ${report.cases} cases (seed ${report.seed}), answers by code ${JSON.stringify(report.byCode)}`,
      );
      expect(report.cases).toBeGreaterThan(0);
      expect(report.byCode.internal_error).toBeUndefined();
    },
    perturbationTestTimeoutMs(45_000),
  );
});
