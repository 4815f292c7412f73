import { hash } from 'node:crypto';
import ipaddr from 'ipaddr.js';
import { normalizeIp } from './ip-allow.js';
import { boundedMemo } from './memo.js';
import { MAX_AUTH_HEADER_LENGTH } from './verify.js';

const keyOf = (ip: string): string | undefined => {
  const addr = normalizeIp(ip);
  if (!addr) return undefined;
  if (addr.kind() === 'ipv4') return addr.toString();
  const parts = (addr as ipaddr.IPv6).parts.slice(0, 4);
  return `${new ipaddr.IPv6([...parts, 0, 0, 0, 0]).toString()}/64`;
};
const keyOfKnown = boundedMemo(keyOf, 4096);

/**
 * The throttle's name for a client: an IPv4 address, or the /64 of an IPv6 one (one subscriber usually
 * holds a whole /64, so counting single IPv6 addresses would let one client rotate through 2^64 keys).
 * Undefined when `ip` is not an IP address: a forged X-Forwarded-For must never become a key.
 */
export const clientKey = (ip: string): string | undefined => (ip.length > 64 ? undefined : keyOfKnown(ip));

// 128 bits of SHA-256: short fixed-length key names, and no secret (a password typed into the
// username field, a bearer token) ever becomes a store key that Redis or a debug dump would show.
const fingerprint = (value: string): string => hash('sha256', value, 'base64url').slice(0, 22);

/** Who a request claims to be, without verifying it: the pair half of the throttle key. */
const identityOf = (header: string): string => {
  const space = header.indexOf(' ');
  const scheme = (space === -1 ? header : header.slice(0, space)).toLowerCase();
  const value = space === -1 ? '' : header.slice(space + 1).trim();
  if (scheme === 'bearer') return `t:${fingerprint(value)}`;
  if (scheme === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) return `u:${fingerprint(decoded.slice(0, colon))}`;
  }
  return `h:${fingerprint(header)}`;
};
const knownIdentity = boundedMemo(identityOf, 1024);
// Only headers a verifier would read are kept (1,024 × 1 KB at most); longer ones are hashed each time.
const claimedIdentity = (header: string): string =>
  header.length > MAX_AUTH_HEADER_LENGTH ? identityOf(header) : knownIdentity(header);

export interface ThrottleKeys {
  /** Failures of one claimed identity (username or token) from one client. */
  pair: string;
  /** Every failure from one client, whatever identity it claimed. */
  ip: string;
}

export const throttleKeys = (client: string, authorization: string): ThrottleKeys => ({
  pair: `auth-fail|${client}|${claimedIdentity(authorization)}`,
  ip: `auth-fail-ip|${client}`,
});
