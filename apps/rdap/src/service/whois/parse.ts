import type { DomainRecord } from '../../schemas.js';
import type { NormalizedDomain } from '../domain.js';
import { looksLikeAfnic, parseAfnicWhois } from './parse-afnic.js';
import { parseGenericWhois } from './parse-generic.js';
import type { WhoisParsed } from './types.js';

/** AFNIC's own layout when it is one; the generic `Key: Value` reader otherwise. */
export const parseWhois = (text: string): WhoisParsed =>
  looksLikeAfnic(text) ? parseAfnicWhois(text) : parseGenericWhois(text);

/** A WHOIS answer in the same shape as an RDAP one (`found` must have been settled by the caller). */
export const whoisRecord = (parsed: WhoisParsed, domain: NormalizedDomain, host: string): DomainRecord => ({
  query: domain.query,
  domain: domain.ascii,
  domain_unicode: domain.unicode,
  registered: parsed.found !== false,
  statuses: parsed.statuses,
  events: parsed.events,
  registrar: parsed.registrar,
  registrant: parsed.registrant,
  admin: parsed.admin,
  tech: parsed.tech,
  nameservers: parsed.nameservers,
  dnssec: parsed.dnssec,
  source: 'whois',
  server: host,
  raw_url: `whois://${host}/${domain.ascii}`,
  registrar_rdap_url: null,
  warnings: parsed.warnings,
});
