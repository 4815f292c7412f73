import {
  type ReplayReply,
  type ReplayServer,
  readFixture,
  readFixtureText,
  startReplayServer,
  startWhoisServer,
  type WhoisTestServer,
} from '@mcp/core/testing';

/*
 * Loopback registries for the tool tests. Domain answers replay the recorded fixtures of
 * fixtures/rdap (AFNIC lemonde.fr, Verisign google.com, the 2022 IANA dns.json without .fr,
 * the malformed whodap sample, whois.nic.fr texts). Everything marked HAND-WRITTEN below is not a
 * recording: it is modelled on the RFCs (9083 objects, 9224 bootstraps, 9537 redactions) or on the
 * registries' documented text formats, for cases no fixture covers (IP/ASN, registrar RDAP, IANA
 * referrals, 404 bodies).
 */

/** HAND-WRITTEN RFC 9224 bootstraps (ipv4/ipv6/asn), pointing at the real RIR servers' URLs. */
export const IPV4_BOOTSTRAP = {
  version: '1.0',
  publication: '2026-01-01T00:00:00Z',
  services: [
    [['193.0.0.0/8'], ['https://rdap.db.ripe.net/']],
    [['8.0.0.0/8'], ['https://rdap.arin.net/registry/', 'http://rdap.arin.net/registry/']],
  ],
};
export const IPV6_BOOTSTRAP = {
  version: '1.0',
  services: [[['2001:600::/23'], ['https://rdap.db.ripe.net/']]],
};
export const ASN_BOOTSTRAP = {
  version: '1.0',
  services: [[['64496-64511'], ['https://rdap.db.ripe.net/']]],
};

/** HAND-WRITTEN RFC 9083 §5.4 ip network (no cidr0 extension: the CIDR is computed from the range). */
export const IP_NETWORK = {
  objectClassName: 'ip network',
  handle: '193.51.0.0 - 193.51.255.255',
  startAddress: '193.51.0.0',
  endAddress: '193.51.255.255',
  ipVersion: 'v4',
  name: 'EXAMPLE-HOSTING-NET',
  type: 'ASSIGNED PA',
  country: 'fr',
  parentHandle: '193.0.0.0 - 193.255.255.255',
  status: ['active'],
  events: [
    { eventAction: 'registration', eventDate: '2001-03-05T10:00:00Z' },
    { eventAction: 'last changed', eventDate: '2024-02-01T08:30:00Z' },
  ],
  entities: [
    {
      objectClassName: 'entity',
      handle: 'ORG-EH1-RIPE',
      roles: ['registrant'],
      vcardArray: [
        'vcard',
        [
          ['version', {}, 'text', '4.0'],
          ['fn', {}, 'text', 'Example Hosting SAS'],
          ['kind', {}, 'text', 'org'],
          ['adr', { label: '1 rue Exemple\n75001 Paris\nFrance' }, 'text', ['', '', '', '', '', '', '']],
        ],
      ],
      entities: [
        {
          objectClassName: 'entity',
          handle: 'AR123-RIPE',
          roles: ['abuse'],
          vcardArray: [
            'vcard',
            [
              ['version', {}, 'text', '4.0'],
              ['fn', {}, 'text', 'Abuse desk'],
              ['kind', {}, 'text', 'group'],
              ['email', {}, 'text', 'abuse@hosting.example'],
              ['tel', { type: 'voice' }, 'uri', 'tel:+33-1-00-00-00-00'],
            ],
          ],
        },
      ],
    },
  ],
};

/** HAND-WRITTEN RFC 9083 ip network for IPv6, with the cidr0 extension. */
export const IP6_NETWORK = {
  objectClassName: 'ip network',
  handle: '2001:67c:2218::/48',
  startAddress: '2001:67c:2218::',
  endAddress: '2001:67c:2218:ffff:ffff:ffff:ffff:ffff',
  ipVersion: 'v6',
  name: 'EXAMPLE-V6',
  cidr0_cidrs: [{ v6prefix: '2001:67c:2218::', length: 48 }],
};

/** HAND-WRITTEN RFC 9083 §5.5 autnum. */
export const AUTNUM = {
  objectClassName: 'autnum',
  handle: 'AS64500',
  startAutnum: 64500,
  endAutnum: 64500,
  name: 'EXAMPLE-AS',
  type: 'DIRECT ALLOCATION',
  status: ['active'],
  entities: [
    {
      objectClassName: 'entity',
      handle: 'ORG-EX1-RIPE',
      roles: ['registrant'],
      vcardArray: [
        'vcard',
        [
          ['version', {}, 'text', '4.0'],
          ['fn', {}, 'text', 'Example Transit'],
          ['org', {}, 'text', 'Example Transit SA'],
          ['adr', { cc: 'be' }, 'text', ['', '', '', '', '', '', '']],
        ],
      ],
    },
    {
      objectClassName: 'entity',
      roles: ['abuse'],
      vcardArray: [
        'vcard',
        [
          ['version', {}, 'text', '4.0'],
          ['email', {}, 'text', 'noc@transit.example'],
        ],
      ],
    },
  ],
};

/**
 * HAND-WRITTEN registrar RDAP answer (the target of Verisign's links[rel=related] for GOOGLE.COM),
 * in the ICANN profile with RFC 9537 redactions and GDPR placeholders.
 */
export const REGISTRAR_GOOGLE = {
  objectClassName: 'domain',
  ldhName: 'google.com',
  entities: [
    {
      objectClassName: 'entity',
      roles: ['registrant'],
      vcardArray: [
        'vcard',
        [
          ['version', {}, 'text', '4.0'],
          ['fn', {}, 'text', 'REDACTED FOR PRIVACY'],
          ['org', {}, 'text', 'Google LLC'],
          ['adr', {}, 'text', ['', '', '', '', 'CA', '', 'US']],
        ],
      ],
    },
    {
      objectClassName: 'entity',
      roles: ['administrative'],
      vcardArray: [
        'vcard',
        [
          ['version', {}, 'text', '4.0'],
          ['org', {}, 'text', 'Google LLC'],
        ],
      ],
    },
    {
      objectClassName: 'entity',
      roles: ['technical'],
      vcardArray: [
        'vcard',
        [
          ['version', {}, 'text', '4.0'],
          ['org', {}, 'text', 'Google LLC'],
        ],
      ],
    },
  ],
  redacted: [
    { name: { type: 'Registry Registrant ID' }, method: 'removal' },
    { name: { type: 'Registrant Name' }, method: 'redaction' },
  ],
};

/** HAND-WRITTEN 404 body in the shape rdap.nic.fr uses (RFC 9083 §6 error response). */
const AFNIC_404 = {
  errorCode: 404,
  title: 'NOT_FOUND_DOMAIN_NAME_WITH_NAME',
  description: ['Domain not found'],
};

/** HAND-WRITTEN whois.iana.org answers (its documented layout), and a DENIC-style answer. */
export const IANA_TLD = (tld: string, host: string) =>
  `% IANA WHOIS server\n\nrefer:        ${host}\n\ndomain:       ${tld.toUpperCase()}\n\nwhois:        ${host}\n`;
const IANA_NONE = '% IANA WHOIS server\n\n% This query returned 0 objects.\n';
const DENIC_GOOGLE =
  'Domain: google.de\nNserver: ns1.google.com\nNserver: ns2.google.com\nStatus: connect\nChanged: 2018-03-12T21:44:25+01:00\n';

export interface Upstreams {
  http: ReplayServer;
  whois: WhoisTestServer;
  env: Record<string, string>;
  /** Answer the next N Verisign google.com requests with 429 and this Retry-After. */
  throttleGoogle: (times: number, retryAfter: string) => void;
  close: () => Promise<void>;
}

export const startUpstreams = async (): Promise<Upstreams> => {
  let throttle = { times: 0, retryAfter: '1' };
  const route = (path: string): ReplayReply | undefined => {
    switch (path) {
      case '/rdap/dns.json':
        return {
          body: readFixture('rdap', 'iana_dns.json'),
          headers: { 'content-type': 'application/json' },
        };
      case '/rdap/ipv4.json':
        return { body: IPV4_BOOTSTRAP };
      case '/rdap/ipv6.json':
        return { body: IPV6_BOOTSTRAP };
      case '/rdap/asn.json':
        return { body: ASN_BOOTSTRAP };
      case '/com/v1/domain/google.com':
        if (throttle.times > 0) {
          throttle.times -= 1;
          return { status: 429, headers: { 'retry-after': throttle.retryAfter }, body: '' };
        }
        return rdapJson(readFixture('rdap', 'verisign_domain_google.com.json'));
      case '/com/v1/domain/something-not-real.com':
        return rdapJson(readFixture('rdap', 'bad_response_01.json'));
      case '/com/v1/domain/garbage.com':
        return rdapJson('<html>not json</html>');
      case '/rdap/domain/GOOGLE.COM':
        return rdapJson(REGISTRAR_GOOGLE);
      case '/domain/lemonde.fr':
      case '/afnic-env/domain/lemonde.fr':
        return rdapJson(readFixture('rdap', 'afnic_domain_lemonde.fr.json'));
      case '/domain/google.fr':
      case '/domain/panne.fr':
        return { status: 500, body: 'internal error' };
      case '/ip/193.51.224.1':
        return rdapJson(IP_NETWORK);
      case '/ip/2001:67c:2218::1':
        return rdapJson(IP6_NETWORK);
      case '/autnum/64500':
        return rdapJson(AUTNUM);
      default:
        // rdap.nic.fr answers 404 for any .fr name it does not hold.
        if (/^\/domain\/[^/]+\.fr$/.test(path)) return { status: 404, body: AFNIC_404 };
        return undefined;
    }
  };
  const http = await startReplayServer((req) => route(decodeURIComponent(req.path)));
  const whois = await startWhoisServer((q) => {
    if (q === 'google.fr') return readFixtureText('rdap', 'whois_fr_google.fr.txt');
    if (q === 'available-example.fr') return readFixtureText('rdap', 'whois_fr_notfound.txt');
    if (q === 'de') return IANA_TLD('de', 'whois.denic.de');
    if (q === 'com') return IANA_TLD('com', 'whois.verisign-grs.com');
    if (q === 'zz') return IANA_NONE;
    if (q === '-T dn,ace google.de') return DENIC_GOOGLE;
    return undefined;
  });
  return {
    http,
    whois,
    env: {
      RDAP_BOOTSTRAP_URL: http.url,
      RDAP_SERVERS_OVERRIDE_URL: http.url,
      // Registrar links go through safeFetch, which refuses loopback unless told otherwise.
      SAFE_FETCH_ALLOW_HOSTS: '127.0.0.1',
      SAFE_FETCH_ALLOW_PORTS: String(http.port),
      WHOIS_HOST: whois.host,
      WHOIS_PORT: String(whois.port),
      RDAP_CACHE_TTL_S: '0',
      RDAP_TIMEOUT_MS: '3000',
      WHOIS_TIMEOUT_MS: '3000',
    },
    throttleGoogle: (times, retryAfter) => {
      throttle = { times, retryAfter };
    },
    close: async () => {
      await Promise.all([http.close(), whois.close()]);
    },
  };
};

const rdapJson = (body: Buffer | string | object): ReplayReply => ({
  headers: { 'content-type': 'application/rdap+json' },
  body: typeof body === 'object' && !Buffer.isBuffer(body) ? JSON.stringify(body) : body,
});
