import type { LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Agent } from 'undici';

/** Resolves a host name to every address it has (A and AAAA). */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for net/tls.connect that answers only with the addresses already checked, so a second
 * DNS answer (rebinding) can never change where the socket goes.
 */
export const pinnedLookup =
  (addresses: LookupAddress[]) =>
  (
    _hostname: string,
    options: { all?: boolean; family?: number | string },
    callback: LookupCallback,
  ): void => {
    const family =
      options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : Number(options.family ?? 0);
    const usable = family ? addresses.filter((a) => a.family === family) : addresses;
    const first = usable[0];
    if (!first) {
      const error: NodeJS.ErrnoException = new Error('no checked address of the requested family');
      error.code = 'ENOTFOUND';
      callback(error, '');
      return;
    }
    if (options.all) callback(null, usable);
    else callback(null, first.address, first.family);
  };

/** One-hop dispatcher pinned to the checked addresses; closed by the caller after the hop. */
export const pinnedAgent = (addresses: LookupAddress[], connectTimeoutMs: number): Agent =>
  new Agent({
    connect: { lookup: pinnedLookup(addresses), timeout: connectTimeoutMs },
    keepAliveTimeout: 1000,
    connections: 1,
  });

/** Literal IPs resolve to themselves; names go through the resolver. */
export const resolveHost = async (host: string, resolver: Resolver): Promise<LookupAddress[]> => {
  const family = isIP(host);
  if (family !== 0) return [{ address: host, family }];
  return resolver(host);
};
