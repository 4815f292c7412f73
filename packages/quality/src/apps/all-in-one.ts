import type { LookupAddress } from 'node:dns';
import { allInOneServer } from '@mcp/all-in-one';
import { startWorld, WORLD_DOMAIN, WORLD_SIREN } from '@mcp/all-in-one/testing';
import { createSafeFetch, createSemaphore, type ServerDefinition, safeFetchOptionsFromEnv } from '@mcp/core';
import { annuaireCase } from './annuaire.js';
import { linkedinCase } from './linkedin.js';
import { rdapCase } from './rdap.js';
import { serpCase } from './serp.js';
import { siretCase } from './siret-extractor.js';
import { type AppCase, sitePort } from './types.js';

/**
 * The company's site host answers on loopback, as /etc/hosts would make it; every other name has no
 * address. So the dossier reads the world's site, and no DNS query leaves the machine, whatever name a
 * search answer or the fuzzer puts in a URL.
 */
const loopbackResolver = async (host: string): Promise<LookupAddress[]> =>
  host === WORLD_DOMAIN ? [{ address: '127.0.0.1', family: 4 }] : [];

/** Core's page-fetch queue bound (FETCH_QUEUE_MAX), kept for the harness's own fetch. */
const FETCH_QUEUE = 256;

/**
 * The all-in-one as it ships, but for its page fetcher: the same SSRF guard and env allowlists with the
 * loopback resolver above. It travels with the case, so the in-process suites and the processes
 * `serve-app.ts` starts (fuzz, load) resolve alike.
 */
const definition: ServerDefinition = {
  ...(allInOneServer as unknown as ServerDefinition),
  tools: (ctx) => {
    const safeFetch = createSafeFetch({
      ...safeFetchOptionsFromEnv({
        SAFE_FETCH_ALLOW_HOSTS: ctx.env.SAFE_FETCH_ALLOW_HOSTS,
        SAFE_FETCH_ALLOW_PORTS: ctx.env.SAFE_FETCH_ALLOW_PORTS,
      }),
      resolver: loopbackResolver,
      log: ctx.log,
      gate: createSemaphore({ limit: ctx.env.FETCH_CONCURRENCY, maxQueue: FETCH_QUEUE }),
    });
    const tools = allInOneServer.tools as Exclude<ServerDefinition['tools'], readonly unknown[]>;
    return tools({ ...ctx, safeFetch });
  },
};

export const allInOneCase: AppCase = {
  app: 'all-in-one',
  definition,
  // The five apps' own loopback upstreams, each app pointed at its own as in its case; the dossier's
  // world (apps/all-in-one/src/testing/world.ts) in front for the web search, LinkedIn and the RDAP
  // registries,
  // so research_company finds GANYMEDE's site, domain and page. The register answers from the
  // annuaire case's recordings, which hold GANYMEDE (880 878 145) too.
  upstreams: async () => {
    const world = await startWorld();
    const own = await Promise.all(
      [siretCase, rdapCase, serpCase, linkedinCase, annuaireCase].map((c) => c.upstreams()),
    );
    // First the world's port: a call's `PORT` and the fuzzer's loopback URL are the world's site.
    const ports = [world.server.port, ...own.map((u) => u.env.SAFE_FETCH_ALLOW_PORTS)].filter(Boolean);
    return {
      env: {
        // Later cases win on a shared variable: the annuaire case's register over siret-extractor's.
        ...Object.assign({}, ...own.map((u) => u.env)),
        SERPER_BASE_URL: world.server.url,
        LINKEDIN_BASE_URL: world.server.url,
        // Every registry's host, .fr included: the world answers for ganymede.fr.
        RDAP_SERVERS_OVERRIDE_URL: world.server.url,
        SAFE_FETCH_ALLOW_HOSTS: `127.0.0.1,${WORLD_DOMAIN}`,
        SAFE_FETCH_ALLOW_PORTS: ports.join(','),
      },
      requests: () => own.reduce((n, u) => n + u.requests(), world.server.requests.length),
      close: async () => {
        await Promise.all([world.server.close(), ...own.map((u) => u.close())]);
      },
    };
  },
  failing: {
    name: 'research_company',
    arguments: { query: '880 878 146' },
    code: 'invalid_input',
    message: 'query',
  },
  // One step per progress notification (identity and officers only: register, the rest skipped).
  progress: {
    name: 'research_company',
    arguments: { query: WORLD_SIREN, sections: ['identity', 'officers'] },
  },
  // The whole dossier: register, directory pages, the site's legal notice, the domain and LinkedIn.
  sample: {
    name: 'research_company',
    arguments: { query: WORLD_SIREN },
    expect: {
      siren: WORLD_SIREN,
      identity: { name: 'GANYMEDE' },
      website: { publisher_siren: WORLD_SIREN },
      domain: { domain: WORLD_DOMAIN, registrar: 'NAMESHIELD' },
      linkedin: { name: 'Ganymede' },
    },
  },
  // A dossier is never cached as a whole: the load suites repeat the register's cached answer.
  cached: {
    name: 'annuaire_get_company',
    arguments: { siren: '356000000' },
    expect: { siren: '356000000', name: 'LA POSTE' },
  },
  fuzzShare: 0.25,
  loopbackUrl: (up) => `http://${WORLD_DOMAIN}:${sitePort(up)}/`,
};
