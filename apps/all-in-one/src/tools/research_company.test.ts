import type { LookupAddress } from 'node:dns';
import { createSafeFetch, createToolRegistry } from '@mcp/core';
import { type TestToolsContext, testToolsContext, toolContext, toolErrorOf } from '@mcp/core/testing';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AllInOneEnv, allInOneEnv } from '../config.js';
import { createAllInOneDeps } from '../deps.js';
import type { Dossier } from '../schemas.js';
import { startWorld, WORLD_DOMAIN, WORLD_SIREN, type World } from '../testing/world.js';
import { allInOneTools } from './index.js';

let world: World;
let registry: ReturnType<typeof createToolRegistry>;
let requestsBefore = 0;
let call: (args: Record<string, unknown>) => Promise<{ dossier: Dossier; progress: string[] }>;
let app: TestToolsContext<AllInOneEnv>;

beforeAll(async () => {
  world = await startWorld();
  const log = pino({ level: 'silent' });
  // The company's domain resolves to loopback here, as /etc/hosts would make it.
  const resolver = async (host: string): Promise<LookupAddress[]> =>
    host === WORLD_DOMAIN || host === '127.0.0.1' ? [{ address: '127.0.0.1', family: 4 }] : [];
  const safeFetch = createSafeFetch({
    allowHosts: ['127.0.0.1', WORLD_DOMAIN],
    allowPorts: [world.server.port],
    resolver,
    log,
  });
  app = testToolsContext(allInOneEnv, world.env, { log, safeFetch });
  const deps = createAllInOneDeps(app.ctx);
  registry = createToolRegistry(allInOneTools(deps).tools);
  call = async (args) => {
    const progress: string[] = [];
    const result = await registry.call(
      'research_company',
      args,
      toolContext({ progress: async (_n, _t, message) => void progress.push(message ?? '') }),
    );
    expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
    return { dossier: result.structuredContent as unknown as Dossier, progress };
  };
});

afterAll(async () => {
  await app.close();
  await world.server.close();
});

beforeEach(() => {
  world.setFault('none');
  requestsBefore = world.server.requests.length;
});

const statusOf = (d: Dossier) => Object.fromEntries(d.sources.map((s) => [s.step, s.status]));
const signalsOf = (d: Dossier) => Object.fromEntries(d.signals.map((s) => [s.kind, s.ok]));

describe('research_company in a loopback world', { timeout: 30_000 }, () => {
  it('builds a cross-checked dossier from a SIREN: register, site, domain, LinkedIn and pages', async () => {
    const { dossier, progress } = await call({ query: '880 878 145' });
    expect(statusOf(dossier)).toEqual({
      identify: 'skipped',
      register: 'ok',
      pages: 'ok',
      legal_notice: 'ok',
      domain: 'ok',
      linkedin: 'ok',
    });
    expect(dossier.siren).toBe(WORLD_SIREN);
    expect(dossier.identity).toMatchObject({ name: 'GANYMEDE', state: 'closed', created_on: '2020-01-13' });
    expect(dossier.officers?.[0]).toMatchObject({ kind: 'person', role: 'Liquidateur' });
    expect(dossier.website).toMatchObject({
      url: world.siteUrl,
      found_by: 'search',
      publisher_siren: WORLD_SIREN,
      pages_fetched: 2,
    });
    expect(dossier.domain).toMatchObject({
      domain: WORLD_DOMAIN,
      registrar: 'NAMESHIELD',
      registrant_organisation: 'GANYMEDE',
    });
    expect(dossier.linkedin).toMatchObject({
      name: 'Ganymede',
      website: expect.stringContaining('ganymede.fr'),
    });
    expect(dossier.pages?.pappers).toEqual({ url: expect.stringContaining(WORLD_SIREN), source: 'built' });
    expect(dossier.pages?.linkedin_company?.source).toBe('search');
    expect(signalsOf(dossier)).toEqual({
      website_publisher_matches: true,
      domain_registrant_matches: true,
      // Registered in 2005, the company in 2020.
      domain_created_after_company: false,
      // The register says closed (liquidation) and the site still answers.
      closed_company_site_answers: false,
      linkedin_website_matches: true,
    });
    expect(progress).toHaveLength(6);
  });

  it('identifies the company from a domain through its legal notice', async () => {
    // The world's site is plain HTTP on a loopback port: the query is its URL (a bare domain means https).
    const { dossier } = await call({ query: world.siteUrl, sections: ['identity', 'website'] });
    expect(dossier.query_kind).toBe('url');
    expect(dossier.siren).toBe(WORLD_SIREN);
    expect(statusOf(dossier)).toMatchObject({
      identify: 'ok',
      legal_notice: 'ok',
      register: 'ok',
      domain: 'skipped',
    });
    expect(dossier.domain).toBeNull();
  });

  it('answers a name with the best match and alternatives that say why they fit', async () => {
    // Ten active GANYMEDEs in the recorded answer: the city tells them apart.
    const { dossier } = await call({ query: 'Ganymede', city: 'Lambesc', sections: ['identity'] });
    expect(dossier.query_kind).toBe('name');
    expect(dossier.siren).toBe('940221229');
    expect(dossier.identity).toMatchObject({ name: 'GANYMEDE', head_office_city: 'LAMBESC' });
    expect(dossier.alternatives).toHaveLength(5);
    expect(dossier.alternatives[0]).toMatchObject({
      siren: '901723403',
      city: 'CLERMONT-FERRAND',
      why: ['name matches exactly', 'based in CLERMONT-FERRAND', 'active'],
    });
    expect(dossier.sources.find((s) => s.step === 'identify')?.status).toBe('ok');
  });

  it.each([
    ['register_429', 'register', 'failed', 'rate_limited'],
    ['rdap_timeout', 'domain', 'failed', 'upstream_timeout'],
    ['linkedin_404', 'linkedin', 'not_found', null],
    ['site_down', 'legal_notice', 'failed', 'upstream_http'],
  ] as const)('with %s, marks that source and completes the others', async (fault, step, status, code) => {
    world.setFault(fault);
    const { dossier } = await call({ query: '880878145' });
    const source = dossier.sources.find((s) => s.step === step);
    expect(source).toMatchObject({ status, code });
    expect(source?.detail).toBeTruthy();
    const others = dossier.sources.filter((s) => s.step !== step && s.step !== 'identify');
    if (fault === 'register_429') {
      // No name from the register: the directory pages still come from the SIREN, at no search cost.
      expect(dossier.pages?.pappers?.source).toBe('built');
      expect(dossier.identity).toBeNull();
    } else {
      for (const s of others) expect(s.status, s.step).toBe('ok');
    }
  });

  it('returns what it has at timeout_s, the unfinished step marked timed_out', async () => {
    world.setFault('rdap_timeout');
    const started = Date.now();
    const { dossier } = await call({ query: '880878145', timeout_s: 5, sections: ['identity', 'domain'] });
    expect(Date.now() - started).toBeLessThan(7000);
    expect(dossier.identity?.name).toBe('GANYMEDE');
    expect(dossier.sources.find((s) => s.step === 'register')?.status).toBe('ok');
    expect(dossier.sources.find((s) => s.step === 'domain')).toMatchObject({ status: 'timed_out' });
    expect(dossier.domain).toBeNull();
  });

  it('refuses a SIREN whose checksum fails, naming the field', async () => {
    const result = await registry.call('research_company', { query: '880 878 146' }, toolContext());
    expect(toolErrorOf(result)).toMatchObject({ code: 'invalid_input', details: { fields: ['query'] } });
    expect(world.server.requests).toHaveLength(requestsBefore);
  });
});
