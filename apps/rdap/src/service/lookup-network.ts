import { err, ok, type Result } from '@mcp/core';
import ipaddr from 'ipaddr.js';
import type { AsnRecord, IpRecord } from '../schemas.js';
import { findAsnService, findIpService } from '../upstream/bootstrap.js';
import { normalizeRdapAsn, normalizeRdapIp } from './rdap/normalize-network.js';
import type { Registries } from './registries.js';

export interface ParsedIp {
  address: ipaddr.IPv4 | ipaddr.IPv6;
  text: string;
}

/** An IPv4 (dotted quad) or IPv6 address, or a CIDR whose address part is used; `::ffff:a.b.c.d` is IPv4. */
export const parseIpInput = (raw: string, field = 'ip'): Result<ParsedIp> => {
  const value = raw.trim().replace(/^\[|\]$/g, '');
  const addr = value.includes('/') ? (value.split('/')[0] as string) : value;
  const valid = ipaddr.IPv4.isValidFourPartDecimal(addr) || ipaddr.IPv6.isValid(addr);
  if (!valid) {
    return err('invalid_input', `Field \`${field}\`: "${raw.slice(0, 80)}" is not an IPv4 or IPv6 address.`, {
      fields: [field],
    });
  }
  const address = ipaddr.process(addr);
  return ok({ address, text: address.toString() });
};

/** "AS15169", "as 15169", "15169" or 15169. */
export const parseAsnInput = (raw: string | number, field = 'asn'): Result<number> => {
  const text = String(raw).trim();
  const m = /^(?:as\s*)?(\d{1,10})$/i.exec(text);
  const asn = m ? Number(m[1]) : Number.NaN;
  if (!Number.isInteger(asn) || asn < 0 || asn > 4_294_967_295) {
    return err(
      'invalid_input',
      `Field \`${field}\`: "${text.slice(0, 40)}" is not an AS number (e.g. AS16276).`,
      { fields: [field] },
    );
  }
  return ok(asn);
};

export const lookupIp = async (
  deps: Registries,
  ip: ParsedIp,
  signal?: AbortSignal,
): Promise<Result<IpRecord>> => {
  const kind = ip.address.kind();
  const range = ip.address.range();
  if (range !== 'unicast') {
    return err('not_found', `${ip.text} is a ${range} address: no registry holds public data for it.`, {
      ip: ip.text,
      range,
    });
  }
  const file = await deps.bootstrap.get(kind);
  if (!file.ok) return file;
  const service = findIpService(file.value, ip.address);
  if (!service) {
    return err(
      'not_found',
      `No regional registry publishes RDAP for ${ip.text} (not in IANA ${kind}.json).`,
      {
        ip: ip.text,
      },
    );
  }
  const res = await deps.http.get(service.baseUrl, `ip/${ip.text}`, signal);
  if (!res.ok) return res;
  if (res.value.status === 404) {
    return err('not_found', `${service.baseUrl} has no network holding ${ip.text}.`, { ip: ip.text });
  }
  return ok(normalizeRdapIp(res.value.data, ip.text, service.baseUrl, res.value.url));
};

export const lookupAsn = async (
  deps: Registries,
  asn: number,
  signal?: AbortSignal,
): Promise<Result<AsnRecord>> => {
  const file = await deps.bootstrap.get('asn');
  if (!file.ok) return file;
  const service = findAsnService(file.value, asn);
  if (!service) {
    return err('not_found', `AS${asn} is not delegated to any regional registry (IANA asn.json).`, { asn });
  }
  const res = await deps.http.get(service.baseUrl, `autnum/${asn}`, signal);
  if (!res.ok) return res;
  if (res.value.status === 404)
    return err('not_found', `${service.baseUrl} has no record of AS${asn}.`, { asn });
  return ok(normalizeRdapAsn(res.value.data, asn, service.baseUrl, res.value.url));
};
