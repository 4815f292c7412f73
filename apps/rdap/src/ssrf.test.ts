import {
  type ReplayReply,
  type ReplayServer,
  startReplayServer,
  startWhoisServer,
  type WhoisTestServer,
} from '@mcp/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callWith } from './testing/harness.js';

// A fake registry, named by a (hand-written) IANA bootstrap, that redirects a lookup to an internal
// admin page. The canary plays that page: it answers valid RDAP JSON, so a client that followed the
// redirect would happily return it. The guard is lifted for the fake registry's port only.
let canary: ReplayServer;
let registry: ReplayServer;
let whois: WhoisTestServer;

beforeAll(async () => {
  canary = await startReplayServer([
    {
      path: /.*/,
      headers: { 'content-type': 'application/rdap+json' },
      body: JSON.stringify({ objectClassName: 'domain', ldhName: 'INTERNAL-ADMIN-SECRET' }),
    },
  ]);
  registry = await startReplayServer((req): ReplayReply | undefined => {
    if (req.path === '/rdap/dns.json') {
      return {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          version: '1.0',
          publication: '2026-01-01T00:00:00Z',
          services: [[['evil'], [`http://127.0.0.1:${registry.port}/reg/`]]],
        }),
      };
    }
    if (req.path.startsWith('/reg/domain/')) {
      return { status: 302, headers: { location: `http://127.0.0.1:${canary.port}/internal-admin` } };
    }
    return undefined;
  });
  // Hand-written IANA answer: no such TLD, so the WHOIS fallback ends at once.
  whois = await startWhoisServer(() => '% IANA WHOIS server\n\n% This query returned 0 objects.\n');
});

afterAll(async () => {
  expect(canary.count()).toBe(0);
  await Promise.all([canary.close(), registry.close(), whois.close()]);
});

describe('rdap: a registry redirect into the private network', () => {
  it('is refused on the hop (forbidden_target), never fetched, and nothing of it is echoed', async () => {
    const answer = await callWith(
      {
        RDAP_BOOTSTRAP_URL: registry.url,
        SAFE_FETCH_ALLOW_HOSTS: '127.0.0.1',
        SAFE_FETCH_ALLOW_PORTS: String(registry.port),
        WHOIS_HOST: whois.host,
        WHOIS_PORT: String(whois.port),
        RDAP_CACHE_TTL_S: '0',
        RDAP_TIMEOUT_MS: '3000',
      },
      'lookup_domain',
      { domain: 'victim.evil' },
    );
    expect(answer.isError).toBe(true);
    expect(answer.error?.code).toBe('forbidden_target');
    expect(registry.count('/reg/domain/victim.evil')).toBe(1);
    expect(JSON.stringify(answer)).not.toContain('INTERNAL-ADMIN-SECRET');
  });
});
