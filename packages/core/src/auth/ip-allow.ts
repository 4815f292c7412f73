import ipaddr from 'ipaddr.js';

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** IPv4-mapped IPv6 (`::ffff:10.0.0.1`, what a dual-stack socket reports) is matched as IPv4. */
export const normalizeIp = (ip: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined => {
  if (!ipaddr.isValid(ip)) return undefined;
  const parsed = ipaddr.parse(ip);
  return parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()
    ? (parsed as ipaddr.IPv6).toIPv4Address()
    : parsed;
};

/** Parses a CIDR list (`10.0.0.0/8, 203.0.113.7`); a bare address is a /32 or /128. Throws on bad entries. */
export const parseAllowList = (entries: readonly string[], variable = 'AUTH_ALLOW_IPS'): Range[] =>
  entries.map((entry) => {
    try {
      if (entry.includes('/')) return ipaddr.parseCIDR(entry);
      const ip = normalizeIp(entry);
      if (!ip) throw new Error('not an IP address');
      return [ip, ip.kind() === 'ipv4' ? 32 : 128] as Range;
    } catch {
      throw new Error(`${variable}: "${entry}" is not an IP address or CIDR range`);
    }
  });

/** The names proxy-addr (Fastify's `trustProxy`) understands besides addresses and ranges. */
const PROXY_KEYWORDS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Checks TRUST_PROXY at start-up. Fastify would otherwise throw a bare TypeError from deep inside
 * proxy-addr when the app is built, instead of naming the variable and the entry.
 */
export const checkTrustProxy = (entries: readonly string[]): void => {
  parseAllowList(
    entries.filter((entry) => !PROXY_KEYWORDS.has(entry)),
    'TRUST_PROXY',
  );
};

export const isAllowed = (ranges: readonly Range[], ip: string): boolean => {
  const addr = normalizeIp(ip);
  if (!addr) return false;
  return ranges.some(([range, bits]) => range.kind() === addr.kind() && addr.match(range, bits));
};
