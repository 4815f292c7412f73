import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

export type AddressVerdict = { allowed: true } | { allowed: false; range: string };

/**
 * Only globally routed unicast addresses may be fetched. Everything ipaddr.js classifies otherwise is
 * refused: loopback, private, link-local (cloud metadata at 169.254.169.254), CGNAT, multicast,
 * unspecified, broadcast, reserved/documentation ranges, and on IPv6 ::1, fc00::/7, fe80::/10 plus
 * every form that embeds an IPv4 address (IPv4-mapped, NAT64, 6to4, Teredo) since it may hide one of
 * the former. An allowlist is safer than a blocklist: a range nobody thought of stays closed.
 */
export const checkAddress = (address: string): AddressVerdict => {
  if (!ipaddr.isValid(address)) return { allowed: false, range: 'invalid' };
  const range = ipaddr.parse(address).range();
  return range === 'unicast' ? { allowed: true } : { allowed: false, range };
};

/** `[::1]` (URL hostname form) → `::1`; other hosts unchanged, lower-cased. */
export const bareHost = (hostname: string): string => hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();

export const isIpLiteral = (host: string): boolean => isIP(host) !== 0;
