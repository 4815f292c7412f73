import { readFixture, readFixtureText, startReplayServer, startWhoisServer } from '@mcp/core/testing';
import { rdapServer } from '@mcp/rdap';
import type { AppCase } from './types.js';

const rdapJson = (body: Buffer) => ({ headers: { 'content-type': 'application/rdap+json' }, body });
const DNS = readFixture('rdap', 'iana_dns.json');
const LEMONDE = readFixture('rdap', 'afnic_domain_lemonde.fr.json');
const GOOGLE = readFixture('rdap', 'verisign_domain_google.com.json');
const WHOIS_NOT_FOUND = readFixtureText('rdap', 'whois_fr_notfound.txt');

export const rdapCase: AppCase = {
  app: 'rdap',
  definition: rdapServer as unknown as AppCase['definition'],
  upstreams: async () => {
    const http = await startReplayServer((req) => {
      const path = decodeURIComponent(req.path);
      if (path === '/rdap/dns.json') return { headers: { 'content-type': 'application/json' }, body: DNS };
      if (path === '/domain/lemonde.fr') return rdapJson(LEMONDE);
      if (path === '/com/v1/domain/google.com') return rdapJson(GOOGLE);
      // Everything else: the RFC 9083 404 a registry sends for a name it does not hold.
      return {
        status: 404,
        headers: { 'content-type': 'application/rdap+json' },
        body: { errorCode: 404, title: 'NOT_FOUND', description: ['Object not found'] },
      };
    });
    const whois = await startWhoisServer(() => WHOIS_NOT_FOUND);
    return {
      env: {
        RDAP_BOOTSTRAP_URL: http.url,
        RDAP_SERVERS_OVERRIDE_URL: http.url,
        SAFE_FETCH_ALLOW_HOSTS: '127.0.0.1',
        SAFE_FETCH_ALLOW_PORTS: String(http.port),
        WHOIS_HOST: '127.0.0.1',
        WHOIS_PORT: String(whois.port),
        RDAP_TIMEOUT_MS: '5000',
        WHOIS_TIMEOUT_MS: '5000',
        RDAP_RATE_PER_SECOND: '1000',
      },
      requests: () => http.requests.length + whois.queries.length,
      close: async () => {
        await Promise.all([http.close(), whois.close()]);
      },
    };
  },
  failing: {
    name: 'lookup_domain',
    arguments: { domain: 'pas un domaine' },
    code: 'invalid_input',
    message: 'is not a domain name',
  },
  progress: { name: 'lookup_domain', arguments: { domain: 'lemonde.fr' } },
  sample: {
    name: 'lookup_domain',
    arguments: { domain: 'lemonde.fr' },
    expect: { domain: 'lemonde.fr', registered: true, source: 'rdap' },
  },
};
