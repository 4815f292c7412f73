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
  const parsed = ipaddr.parse(address);
  const range = parsed.range();
  if (range !== 'unicast') return { allowed: false, range };
  // ipaddr.js calls the deprecated IPv4-compatible form ::a.b.c.d (::/96) unicast, yet it embeds an
  // IPv4 address like the forms above: http://[::127.0.0.1]/ must not pass for a public host.
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).parts.slice(0, 6).every((part) => part === 0)) {
    return { allowed: false, range: 'ipv4Compatible' };
  }
  return { allowed: true };
};

/** `[::1]` (URL hostname form) → `::1`; other hosts unchanged, lower-cased. */
export const bareHost = (hostname: string): string => hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();

export const isIpLiteral = (host: string): boolean => isIP(host) !== 0;
