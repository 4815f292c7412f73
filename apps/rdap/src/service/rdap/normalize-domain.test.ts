import { readFixtureJson } from '@mcp/core/testing';
import { describe, expect, it } from 'vitest';
import type { DomainRecord } from '../../schemas.js';
import { normalizeDomain } from '../domain.js';
import { mergeRegistrarAnswer, needsRegistrarData } from './merge.js';
import { normalizeRdapDomain, relatedRdapUrl } from './normalize-domain.js';

const domain = (name: string) => {
  const r = normalizeDomain(name);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

const normalize = (file: string, name: string, server: string, rawUrl: string): DomainRecord =>
  normalizeRdapDomain(readFixtureJson('rdap', file), { domain: domain(name), server, rawUrl });

describe('normalizeRdapDomain on AFNIC lemonde.fr', () => {
  const r = normalize(
    'afnic_domain_lemonde.fr.json',
    'lemonde.fr',
    'https://rdap.nic.fr/',
    'https://rdap.nic.fr/domain/lemonde.fr',
  );

  it('gives every field of the normalized shape', () => {
    expect(r).toEqual({
      query: 'lemonde.fr',
      domain: 'lemonde.fr',
      domain_unicode: 'lemonde.fr',
      registered: true,
      statuses: [
        'server update prohibited',
        'server transfer prohibited',
        'server delete prohibited',
        'server recover prohibited',
      ],
      events: {
        registration: '2005-08-02T14:16:36Z',
        expiration: '2025-06-09T22:08:09Z',
        last_changed: '2024-06-12T22:09:39.881923Z',
        transfer: '2022-06-09T22:08:09Z',
      },
      registrar: {
        name: 'NAMESHIELD',
        iana_id: '1251',
        url: 'https://www.nameshield.com/contact-nameshield/',
        abuse_email: null,
        abuse_phone: null,
      },
      registrant: {
        handle: 'SEDM254-FRNIC',
        organisation: 'SOCIETE EDITRICE DU MONDE',
        country: 'FR',
        redacted: [],
      },
      admin: {
        handle: 'SEDM255-FRNIC',
        organisation: 'SOCIETE EDITRICE DU MONDE',
        country: 'FR',
        redacted: [],
      },
      tech: { handle: 'N17024-FRNIC', organisation: 'TECHNICAL department', country: 'FR', redacted: [] },
      nameservers: [
        'ns-cloud-b4.googledomains.com',
        'ns-cloud-b2.googledomains.com',
        'ns-cloud-b3.googledomains.com',
        'ns-cloud-b1.googledomains.com',
      ],
      dnssec: { signed: null, ds_records: [] },
      source: 'rdap',
      server: 'https://rdap.nic.fr/',
      raw_url: 'https://rdap.nic.fr/domain/lemonde.fr',
      registrar_rdap_url: null,
      warnings: [],
    });
  });

  it('has no registrar link to follow', () => {
    expect(relatedRdapUrl(readFixtureJson('rdap', 'afnic_domain_lemonde.fr.json'))).toBeNull();
    expect(relatedRdapUrl({ links: [{ rel: 'related', href: 'https://' }] })).toBeNull();
  });
});

describe('normalizeRdapDomain on Verisign google.com', () => {
  const r = normalize(
    'verisign_domain_google.com.json',
    'GOOGLE.COM',
    'https://rdap.verisign.com/com/v1/',
    'https://rdap.verisign.com/com/v1/domain/google.com',
  );

  it('reads the thin registry answer', () => {
    expect(r.domain).toBe('google.com');
    expect(r.query).toBe('GOOGLE.COM');
    expect(r.statuses).toEqual([
      'client delete prohibited',
      'client transfer prohibited',
      'client update prohibited',
      'server delete prohibited',
      'server transfer prohibited',
      'server update prohibited',
    ]);
    // "last update of RDAP database" is not a change of the domain: not reported as last_changed.
    expect(r.events).toEqual({
      registration: '1997-09-15T04:00:00Z',
      expiration: '2028-09-14T04:00:00Z',
      last_changed: null,
      transfer: null,
    });
    expect(r.registrar).toEqual({
      name: 'MarkMonitor Inc.',
      iana_id: '292',
      url: null,
      abuse_email: 'abusecomplaints@markmonitor.com',
      abuse_phone: '+1.2083895740',
    });
    expect([r.registrant, r.admin, r.tech]).toEqual([null, null, null]);
    expect(r.nameservers).toEqual(['ns1.google.com', 'ns2.google.com', 'ns3.google.com', 'ns4.google.com']);
    expect(r.warnings).toEqual([]);
    expect(r).toMatchObject({
      domain_unicode: 'google.com',
      registered: true,
      source: 'rdap',
      server: 'https://rdap.verisign.com/com/v1/',
      raw_url: 'https://rdap.verisign.com/com/v1/domain/google.com',
      registrar_rdap_url: null,
    });
  });

  it('reads secureDNS as JSON.parse does: the recorded body repeats the key, the last one (signed) wins', () => {
    expect(r.dnssec).toEqual({ signed: true, ds_records: [] });
  });

  it('finds the registrar RDAP link and wants its data (no contacts at a thin registry)', () => {
    expect(relatedRdapUrl(readFixtureJson('rdap', 'verisign_domain_google.com.json'))).toBe(
      'https://rdap.markmonitor.com/rdap/domain/GOOGLE.COM',
    );
    expect(needsRegistrarData(r)).toBe(true);
  });
});

describe('normalizeRdapDomain on a malformed answer (bad_response_01.json)', () => {
  const r = normalize(
    'bad_response_01.json',
    'something-not-real.com',
    'https://rdap.example/',
    'https://rdap.example/domain/something-not-real.com',
  );

  it('returns the partial data it can read, never throws', () => {
    expect(r).toMatchObject({
      query: 'something-not-real.com',
      domain: 'something-not-real.com',
      domain_unicode: 'something-not-real.com',
      registered: true,
      source: 'rdap',
      server: 'https://rdap.example/',
      raw_url: 'https://rdap.example/domain/something-not-real.com',
      registrar_rdap_url: null,
    });
    expect(r.statuses).toEqual(['active']);
    expect(r.events).toEqual({
      registration: '2023-07-05T00:00:00',
      expiration: '2024-07-05T00:00:00',
      last_changed: '2023-07-05T00:00:00',
      transfer: null,
    });
    expect(r.nameservers).toEqual(['a.share-dns.com', 'b.share-dns.net']);
    expect(r.dnssec).toEqual({ signed: false, ds_records: [] });
    // Role "Registrar" (capitalised) is still the registrar; its vcard has no name; its abuse
    // contact sits in an `entities` object (not a list) whose objectClassName is "abuse".
    expect(r.registrar).toEqual({
      name: null,
      iana_id: '1250',
      url: null,
      abuse_email: 'abuse@ownregistrar.com',
      abuse_phone: '+1.212 401 6235',
    });
    // Null handles and a kind=individual card: nothing public to report, no organisation invented.
    expect(r.registrant).toEqual({ handle: null, organisation: null, country: null, redacted: [] });
    expect(r.tech).toEqual({ handle: null, organisation: null, country: null, redacted: [] });
    expect(r.admin).toBeNull();
  });

  it('names what was malformed', () => {
    expect(r.warnings).toEqual([
      'entities[0].vcardArray is malformed; read what could be read',
      'entities[1] has no roles; ignored',
      'entities[1].vcardArray is malformed; read what could be read',
      'entities[2].vcardArray is malformed; read what could be read',
      'entities[3].vcardArray is malformed; read what could be read',
      'entities[4].vcardArray is malformed; read what could be read',
      'entities[4].entities is not a list; read as one entity',
      'nameservers published under the non-standard key "nameServers"',
    ]);
  });
});

describe('normalizeRdapDomain on answers that are not domain objects', () => {
  it('turns a non-object into an empty record with a warning', () => {
    const r = normalizeRdapDomain(['not', 'an', 'object'], {
      domain: domain('x.fr'),
      server: 's',
      rawUrl: 'u',
    });
    expect(r.statuses).toEqual([]);
    expect(r.registrar).toBeNull();
    expect(r.warnings).toEqual(['the RDAP answer is not a JSON object']);
  });

  it('flags the AFNIC help answer (no objectClassName) instead of crashing', () => {
    const r = normalizeRdapDomain(readFixtureJson('rdap', 'afnic_help.json'), {
      domain: domain('x.fr'),
      server: 's',
      rawUrl: 'u',
    });
    expect(r.warnings).toEqual(['objectClassName is null, expected "domain"']);
    expect(r.nameservers).toEqual([]);
  });
});

describe('DNSSEC', () => {
  it('maps secureDNS.dsData, dropping unreadable entries (hand-written RFC 9083 §5.3 member; no fixture carries DS records)', () => {
    const r = normalizeRdapDomain(
      {
        objectClassName: 'domain',
        secureDNS: {
          zoneSigned: true,
          dsData: [{ keyTag: 12345, algorithm: 13, digestType: 2, digest: 'AB12CD34' }, { keyTag: 'x' }],
        },
      },
      { domain: domain('signed.fr'), server: 's', rawUrl: 'u' },
    );
    expect(r.dnssec).toEqual({
      signed: true,
      ds_records: [{ key_tag: 12345, algorithm: 13, digest_type: 2, digest: 'AB12CD34' }],
    });
  });
});

describe('redactions and registrar merge', () => {
  // Hand-written registrar answer modelled on RFC 9083 + RFC 9537 (not a recorded fixture): the
  // shape ICANN-accredited registrars publish for GDPR-redacted contacts.
  const registrarBody = {
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
            ['adr', { cc: 'us' }, 'text', ['', '', '', '', 'CA', '', 'US']],
            ['email', {}, 'text', 'Please query the RDDS service of the Registrar of Record'],
          ],
        ],
      },
      {
        objectClassName: 'entity',
        roles: ['technical'],
        handle: 'REDACTED FOR PRIVACY',
        vcardArray: [
          'vcard',
          [
            ['version', {}, 'text', '4.0'],
            ['org', {}, 'text', 'Data Protected'],
          ],
        ],
      },
    ],
    redacted: [
      { name: { type: 'Registry Registrant ID' }, method: 'removal' },
      { name: { type: 'Registrant Name' }, method: 'redaction' },
      { name: { type: 'Registry Admin ID' }, method: 'removal' },
      { name: { type: 'Admin Email' }, method: 'replacementValue' },
      { name: { description: 'Tech Phone' }, method: 'removal' },
    ],
  };

  it('reports RFC 9537 entries and GDPR placeholders as redacted, keeping public values', () => {
    const r = normalizeRdapDomain(registrarBody, { domain: domain('google.com'), server: 's', rawUrl: 'u' });
    expect(r.registrant).toEqual({
      handle: null,
      organisation: 'Google LLC',
      country: 'US',
      redacted: ['email', 'handle', 'name'],
    });
    // No admin entity at all, but the registrar says it removed it: reported, not silently absent.
    expect(r.admin).toEqual({
      handle: null,
      organisation: null,
      country: null,
      redacted: ['email', 'handle'],
    });
    expect(r.tech).toEqual({
      handle: null,
      organisation: null,
      country: null,
      redacted: ['handle', 'organisation', 'phone'],
    });
  });

  it('fills only what the registry left empty', () => {
    const registry = normalize(
      'verisign_domain_google.com.json',
      'google.com',
      'https://rdap.verisign.com/com/v1/',
      'https://rdap.verisign.com/com/v1/domain/google.com',
    );
    const registrar = normalizeRdapDomain(registrarBody, {
      domain: domain('google.com'),
      server: 's',
      rawUrl: 'u',
    });
    const merged = mergeRegistrarAnswer(
      registry,
      registrar,
      'https://rdap.markmonitor.com/rdap/domain/GOOGLE.COM',
    );
    expect(merged?.registrant?.organisation).toBe('Google LLC');
    expect(merged?.admin?.redacted).toEqual(['email', 'handle']);
    expect(merged?.statuses).toEqual(registry.statuses);
    expect(merged?.events).toEqual(registry.events);
    expect(merged?.registrar).toEqual(registry.registrar);
    expect(merged?.registrar_rdap_url).toBe('https://rdap.markmonitor.com/rdap/domain/GOOGLE.COM');
    expect(mergeRegistrarAnswer(registry, registry, 'x')).toBeNull();
  });
});
