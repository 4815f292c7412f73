import { findDnsService } from '../upstream/bootstrap.js';
import { AFNIC_TLDS, overrideFor } from '../upstream/overrides.js';
import type { NormalizedDomain } from './domain.js';
import type { Registries } from './registries.js';

export interface RdapServer {
  baseUrl: string;
  /** Where it came from: the IANA bootstrap or the built-in table (RDAP_FR_BASE_URL included). */
  via: 'bootstrap' | 'override';
}

/**
 * The registry's own RDAP server for a domain — authoritative for its TLD, so its 404 means "not
 * registered" (a registrar's RDAP, reached through a related link, never decides that): `RDAP_FR_BASE_URL` for the AFNIC TLDs when set, else the IANA
 * bootstrap, else the built-in table; null when the TLD has no RDAP (WHOIS then). A bootstrap that
 * cannot be downloaded is not fatal: the table and WHOIS still answer.
 */
export const resolveRdapServer = async (
  deps: Registries,
  domain: NormalizedDomain,
): Promise<RdapServer | null> => {
  const afnic = (AFNIC_TLDS as readonly string[]).includes(domain.tld);
  if (afnic && deps.frBaseUrl) {
    return { baseUrl: overrideFor(domain.tld, { frBaseUrl: deps.frBaseUrl }) as string, via: 'override' };
  }
  const file = await deps.bootstrap.get('dns');
  if (!file.ok) deps.log.warn({ code: file.error.code }, 'no IANA dns bootstrap; using the built-in table');
  const hit = file.ok ? findDnsService(file.value, domain.ascii) : null;
  if (hit) return { baseUrl: hit.baseUrl, via: 'bootstrap' };
  const builtIn = overrideFor(domain.tld);
  return builtIn ? { baseUrl: builtIn, via: 'override' } : null;
};
