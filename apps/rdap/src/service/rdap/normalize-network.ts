import ipaddr from 'ipaddr.js';
import type { AsnRecord, IpRecord } from '../../schemas.js';
import { isPlaceholder } from '../redaction.js';
import { entitiesOf, findEntity, listOf, type RdapEntity } from './entities.js';
import { isRecord } from './jcard.js';
import { eventsOf, statusesOf } from './normalize-domain.js';

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);
const public_ = (v: string | null): string | null => (isPlaceholder(v) ? null : v);

const NETWORK_EVENTS = { registration: 'registration', 'last changed': 'last_changed' } as const;

const toBig = (bytes: number[]): bigint => bytes.reduce((acc, b) => (acc << 8n) | BigInt(b), 0n);
const fromBig = (value: bigint, size: number): string => {
  const bytes: number[] = [];
  let v = value;
  for (let i = 0; i < size; i += 1) {
    bytes.unshift(Number(v & 0xffn));
    v >>= 8n;
  }
  return ipaddr.fromByteArray(bytes).toString();
};

/** The smallest list of CIDR prefixes covering start..end (RIR blocks are not always one prefix). */
export const rangeToCidrs = (start: string, end: string): string[] => {
  let a: ipaddr.IPv4 | ipaddr.IPv6;
  let b: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    a = ipaddr.parse(start);
    b = ipaddr.parse(end);
  } catch {
    return [];
  }
  if (a.kind() !== b.kind()) return [];
  const size = a.toByteArray().length;
  const bits = BigInt(size * 8);
  let lo = toBig(a.toByteArray());
  const hi = toBig(b.toByteArray());
  const out: string[] = [];
  while (lo <= hi && out.length < 128) {
    let host = 0n;
    // Grow the block while it stays aligned on `lo` and inside the range.
    while (host < bits && (lo & ((1n << (host + 1n)) - 1n)) === 0n && lo + (1n << (host + 1n)) - 1n <= hi)
      host += 1n;
    out.push(`${fromBig(lo, size)}/${bits - host}`);
    lo += 1n << host;
  }
  return out;
};

const cidr0 = (body: Record<string, unknown>): string[] =>
  listOf(body.cidr0_cidrs).flatMap((c) => {
    if (!isRecord(c)) return [];
    const prefix = str(c.v4prefix) ?? str(c.v6prefix);
    const length = int(c.length);
    return prefix && length !== null ? [`${prefix}/${length}`] : [];
  });

const abuseOf = (entities: RdapEntity[]) => {
  const abuse = findEntity(entities, 'abuse');
  if (!abuse) return null;
  return {
    name: public_(abuse.vcard.fn ?? abuse.vcard.org),
    email: public_(abuse.vcard.emails[0] ?? null),
    phone: public_(abuse.vcard.phones[0] ?? null),
  };
};

const common = (body: unknown, server: string, rawUrl: string) => {
  const warnings: string[] = [];
  const obj = isRecord(body) ? body : {};
  if (!isRecord(body)) warnings.push('the RDAP answer is not a JSON object');
  const entities = entitiesOf(obj, warnings);
  const owner = findEntity(entities, 'registrant');
  return {
    obj,
    part: {
      handle: str(obj.handle),
      name: str(obj.name),
      type: str(obj.type),
      owner: public_(owner ? (owner.vcard.org ?? owner.vcard.fn) : null),
      owner_handle: owner?.handle ?? null,
      country: str(obj.country)?.toUpperCase() ?? owner?.vcard.country ?? null,
      abuse: abuseOf(entities),
      statuses: statusesOf(obj),
      events: eventsOf(obj, NETWORK_EVENTS),
      source: 'rdap' as const,
      server,
      raw_url: rawUrl,
      warnings,
    },
  };
};

/** RDAP `ip network` object (RFC 9083 §5.4) → the app's shape. */
export const normalizeRdapIp = (body: unknown, query: string, server: string, rawUrl: string): IpRecord => {
  const { obj, part } = common(body, server, rawUrl);
  const start = str(obj.startAddress);
  const end = str(obj.endAddress);
  const listed = cidr0(obj);
  const version = str(obj.ipVersion) === 'v6' || query.includes(':') ? 'v6' : 'v4';
  return {
    query,
    ip_version: version,
    start_address: start,
    end_address: end,
    cidrs: listed.length > 0 ? listed : start && end ? rangeToCidrs(start, end) : [],
    parent_handle: str(obj.parentHandle),
    ...part,
  };
};

/** RDAP `autnum` object (RFC 9083 §5.5) → the app's shape. */
export const normalizeRdapAsn = (body: unknown, asn: number, server: string, rawUrl: string): AsnRecord => {
  const { obj, part } = common(body, server, rawUrl);
  return {
    query: `AS${asn}`,
    asn,
    start_autnum: int(obj.startAutnum),
    end_autnum: int(obj.endAutnum),
    ...part,
  };
};
