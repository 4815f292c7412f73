import { startReplayServer } from '@mcp/core/testing';
import { describe, expect, it } from 'vitest';
import { callWith, useTools } from '../testing/harness.js';

const { up, call } = useTools();

describe('check_availability', () => {
  it('tells available, registered and unknown, each with its reason, in input order', async () => {
    const { isError, data } = await call('check_availability', {
      domains: ['lemonde.fr', 'libre-exemple.fr', 'google.fr', 'panne.fr', 'example.zz', 'lemonde.fr'],
    });
    expect(isError).toBe(false);
    const results = data.results as {
      domain: string;
      status: string;
      reason: string;
      source: string | null;
    }[];
    expect(results.map((r) => [r.domain, r.status, r.source])).toEqual([
      ['lemonde.fr', 'registered', 'rdap'],
      ['libre-exemple.fr', 'available', 'rdap'],
      ['google.fr', 'registered', 'whois'],
      ['panne.fr', 'unknown', null],
      ['example.zz', 'unknown', null],
      ['lemonde.fr', 'registered', 'rdap'],
    ]);
    expect(results[1]?.reason).toContain('authoritative for .fr');
    expect(results[3]?.reason).toMatch(/^upstream_http: /);
    expect(results[4]?.reason).toContain('not_found');
    expect(data.summary).toEqual({ available: 1, registered: 3, unknown: 2 });
  });

  it('reads a WHOIS "No entries found" as available when RDAP is down', async () => {
    up().http.reset();
    const { RDAP_SERVERS_OVERRIDE_URL: _, ...env } = up().env;
    const { data } = await callWith(
      { ...env, RDAP_FR_BASE_URL: 'http://127.0.0.1:1/' },
      'check_availability',
      {
        domains: ['available-example.fr'],
      },
    );
    expect(data).toMatchObject({
      results: [
        { domain: 'available-example.fr', status: 'available', source: 'whois', server: 'whois.nic.fr' },
      ],
    });
  });

  it('rejects bad entries naming each field, and more than 50 names', async () => {
    const bad = await call('check_availability', { domains: ['ok.fr', 'x y.fr', 'a@b.fr'] });
    expect(bad.error).toMatchObject({
      code: 'invalid_input',
      details: { fields: ['domains[1]', 'domains[2]'] },
    });
    const many = await call('check_availability', {
      domains: Array.from({ length: 51 }, (_, i) => `n${i}.fr`),
    });
    expect(many.error).toMatchObject({ code: 'invalid_input', details: { fields: ['domains'] } });
  });

  it('keeps at most RDAP_CONCURRENCY_PER_REGISTRY requests in flight per registry', async () => {
    let inFlight = 0;
    let peak = 0;
    const slow = await startReplayServer([
      { path: '/rdap/dns.json', body: { services: [[['com'], ['https://rdap.verisign.com/com/v1/']]] } },
      {
        path: /^\/(com\/v1\/)?domain\//,
        handle: async (_req, res) => {
          inFlight += 1;
          peak = Math.max(peak, inFlight);
          await new Promise((r) => setTimeout(r, 200));
          inFlight -= 1;
          res.writeHead(404, { 'content-type': 'application/rdap+json' });
          res.end('{"errorCode":404}');
        },
      },
    ]);
    const env = {
      ...up().env,
      RDAP_BOOTSTRAP_URL: slow.url,
      RDAP_SERVERS_OVERRIDE_URL: slow.url,
      RDAP_CONCURRENCY_PER_REGISTRY: '2',
      RDAP_RATE_PER_SECOND: '1000',
    };
    const { data } = await callWith(env, 'check_availability', {
      domains: Array.from({ length: 8 }, (_, i) => `free-${i}.com`),
    });
    expect(data.summary).toEqual({ available: 8, registered: 0, unknown: 0 });
    expect(peak).toBe(2);
    await slow.close();
  });
});
