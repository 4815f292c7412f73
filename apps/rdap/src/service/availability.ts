import pLimit, { type LimitFunction } from 'p-limit';
import type { NormalizedDomain } from './domain.js';
import { lookupDomainRecord } from './lookup-domain.js';
import type { Registries } from './registries.js';
import { resolveRdapServer } from './resolve.js';

export type Availability = 'available' | 'registered' | 'unknown';

export interface AvailabilityItem {
  domain: string;
  domain_unicode: string;
  status: Availability;
  reason: string;
  expiration: string | null;
  source: 'rdap' | 'whois' | null;
  server: string | null;
}

const checkOne = async (
  deps: Registries,
  domain: NormalizedDomain,
  signal?: AbortSignal,
): Promise<AvailabilityItem> => {
  const base = { domain: domain.ascii, domain_unicode: domain.unicode };
  const r = await lookupDomainRecord(deps, domain, { followRelated: false, signal });
  if (!r.ok) {
    return {
      ...base,
      status: 'unknown',
      reason: `${r.error.code}: ${r.error.message}`,
      expiration: null,
      source: null,
      server: typeof r.error.details?.server === 'string' ? r.error.details.server : null,
    };
  }
  const v = r.value;
  const where = v.source === 'rdap' ? `registry RDAP ${v.server}` : `WHOIS ${v.server}`;
  return {
    ...base,
    status: v.registered ? 'registered' : 'available',
    reason: v.registered
      ? `The ${where} has a record for it.`
      : `The ${where} (authoritative for .${domain.tld}) says no such domain.`,
    expiration: v.events.expiration,
    source: v.source,
    server: v.server,
  };
};

/**
 * Many domains at once, at most `concurrencyPerRegistry` in flight per registry (RDAP server, or the
 * TLD's WHOIS when it has no RDAP), so a batch of .fr names does not trip AFNIC's rate limit while
 * .com names proceed in parallel. Results keep the input order; duplicates are looked up once.
 */
export const checkAvailability = async (
  deps: Registries,
  domains: NormalizedDomain[],
  options: { signal?: AbortSignal | undefined; onDone?: (done: number, total: number) => void } = {},
): Promise<AvailabilityItem[]> => {
  const limits = new Map<string, LimitFunction>();
  const unique = new Map<string, Promise<AvailabilityItem>>();
  let done = 0;
  for (const domain of domains) {
    if (unique.has(domain.ascii)) continue;
    const task = (async () => {
      const server = await resolveRdapServer(deps, domain);
      const key = server?.baseUrl ?? `whois:${domain.tld}`;
      let limit = limits.get(key);
      if (!limit) {
        limit = pLimit(deps.concurrencyPerRegistry);
        limits.set(key, limit);
      }
      const item = await limit(() => checkOne(deps, domain, options.signal));
      done += 1;
      options.onDone?.(done, unique.size);
      return item;
    })();
    unique.set(domain.ascii, task);
  }
  const byName = new Map<string, AvailabilityItem>();
  for (const [name, task] of unique) byName.set(name, await task);
  return domains.map((d) => byName.get(d.ascii) as AvailabilityItem);
};
