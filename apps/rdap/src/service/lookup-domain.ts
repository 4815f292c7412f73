import { err, ok, type Result } from '@mcp/core';
import { type DomainRecord, noRegistrationData } from '../schemas.js';
import type { NormalizedDomain } from './domain.js';
import { mergeRegistrarAnswer, needsRegistrarData } from './rdap/merge.js';
import { normalizeRdapDomain, relatedRdapUrl } from './rdap/normalize-domain.js';
import type { Registries } from './registries.js';
import { resolveRdapServer } from './resolve.js';
import { parseWhois, whoisRecord } from './whois/parse.js';

export interface LookupOptions {
  /** Follow the registry's `related` link to the registrar's RDAP when the registry answer is thin. */
  followRelated: boolean;
  signal?: AbortSignal | undefined;
}

const notRegistered = (
  domain: NormalizedDomain,
  server: string,
  rawUrl: string | null,
  source: 'rdap' | 'whois',
) =>
  ({
    query: domain.query,
    domain: domain.ascii,
    domain_unicode: domain.unicode,
    registered: false,
    ...noRegistrationData(),
    source,
    server,
    raw_url: rawUrl,
    registrar_rdap_url: null,
    warnings: [],
  }) satisfies DomainRecord;

/** WHOIS for TLDs without RDAP, and when RDAP fails: the TLD's server from whois.iana.org. */
export const lookupViaWhois = async (
  deps: Registries,
  domain: NormalizedDomain,
  signal?: AbortSignal,
): Promise<Result<DomainRecord>> => {
  const ref = await deps.whois.referral(domain.tld, signal);
  if (!ref.ok) return ref;
  if (!ref.value.known) {
    return err('not_found', `The top-level domain ".${domain.tld}" is not known to IANA.`, {
      tld: domain.tld,
    });
  }
  const host = ref.value.whoisHost;
  if (!host) {
    return err('not_found', `".${domain.tld}" publishes neither an RDAP nor a WHOIS service.`, {
      tld: domain.tld,
    });
  }
  const text = await deps.whois.query(host, domain.ascii, signal);
  if (!text.ok) return text;
  const parsed = parseWhois(text.value);
  if (parsed.found === null) {
    return err(
      'upstream_bad_response',
      `The WHOIS answer of ${host} for ${domain.ascii} could not be read.`,
      {
        server: host,
        body: text.value.slice(0, 500),
      },
    );
  }
  return ok(
    parsed.found
      ? whoisRecord(parsed, domain, host)
      : notRegistered(domain, host, `whois://${host}/${domain.ascii}`, 'whois'),
  );
};

/** HTTPS only; safeFetch then refuses private, loopback and link-local targets. */
const followable = (url: string): boolean => new URL(url).protocol === 'https:';

const withRegistrarData = async (
  deps: Registries,
  record: DomainRecord,
  body: unknown,
  domain: NormalizedDomain,
  signal?: AbortSignal,
): Promise<DomainRecord> => {
  const related = relatedRdapUrl(body);
  if (!related || !needsRegistrarData(record)) return record;
  if (!followable(related)) {
    return {
      ...record,
      warnings: [...record.warnings, `registrar link ${related} not followed (not HTTPS)`],
    };
  }
  const res = await deps.http.getRelated(related, signal);
  if (!res.ok || res.value.status !== 200) {
    const why = res.ok ? `HTTP ${res.value.status}` : res.error.message;
    return { ...record, warnings: [...record.warnings, `registrar RDAP ${related} gave nothing: ${why}`] };
  }
  const registrar = normalizeRdapDomain(res.value.data, {
    domain,
    server: new URL(res.value.url).origin,
    rawUrl: res.value.url,
  });
  return mergeRegistrarAnswer(record, registrar, related) ?? record;
};

/**
 * One domain, RDAP first: the registry (bootstrap or built-in table), then — when the registry is thin —
 * the registrar it links to. A registry 404 means "not registered"; any other RDAP failure falls back
 * to WHOIS, and the RDAP error is returned only when WHOIS fails too.
 */
export const lookupDomainRecord = async (
  deps: Registries,
  domain: NormalizedDomain,
  options: LookupOptions,
): Promise<Result<DomainRecord>> => {
  const { signal } = options;
  const server = await resolveRdapServer(deps, domain);
  if (!server) return lookupViaWhois(deps, domain, signal);

  const res = await deps.http.get(server.baseUrl, `domain/${domain.ascii}`, signal);
  if (res.ok && res.value.status === 404)
    return ok(notRegistered(domain, server.baseUrl, res.value.url, 'rdap'));
  if (res.ok) {
    const record = normalizeRdapDomain(res.value.data, {
      domain,
      server: server.baseUrl,
      rawUrl: res.value.url,
    });
    return ok(
      options.followRelated ? await withRegistrarData(deps, record, res.value.data, domain, signal) : record,
    );
  }
  if (signal?.aborted) return res;
  deps.log.warn({ server: server.baseUrl, code: res.error.code }, 'rdap lookup failed; trying whois');
  const fallback = await lookupViaWhois(deps, domain, signal);
  if (fallback.ok) {
    const note = `RDAP at ${server.baseUrl} failed (${res.error.code}: ${res.error.message}); answered from WHOIS`;
    return ok({ ...fallback.value, warnings: [note, ...fallback.value.warnings] });
  }
  return err(res.error.code, res.error.message, {
    ...res.error.details,
    server: server.baseUrl,
    whois_fallback: fallback.error.message,
  });
};
