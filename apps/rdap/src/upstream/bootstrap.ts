import { err, ok, parseUpstream, type Result } from '@mcp/core';
import ipaddr from 'ipaddr.js';
import { bootstrapFileSchema } from './wire.js';

/** The four IANA registries of RFC 9224 (`dns.json`, `ipv4.json`, `ipv6.json`, `asn.json`). */
export type BootstrapKind = 'dns' | 'ipv4' | 'ipv6' | 'asn';
export const BOOTSTRAP_KINDS: readonly BootstrapKind[] = ['dns', 'ipv4', 'ipv6', 'asn'];

export interface BootstrapService {
  entries: string[];
  urls: string[];
}

export interface BootstrapFile {
  publication: string | null;
  services: BootstrapService[];
}

/**
 * Reads a bootstrap file through `bootstrapFileSchema`: no `services` list is `upstream_bad_response`
 * naming the path; services whose shape is off are skipped, and a file with none left is an error.
 */
export const parseBootstrap = (body: unknown, kind: BootstrapKind): Result<BootstrapFile> => {
  const file = parseUpstream(bootstrapFileSchema, body, `The IANA ${kind}.json bootstrap`);
  if (!file.ok) return file;
  const services = file.value.services.flatMap((s): BootstrapService[] => {
    const entries = s.entries.map((e) => e.toLowerCase());
    return entries.length > 0 && s.urls.length > 0 ? [{ entries, urls: s.urls }] : [];
  });
  if (services.length === 0) {
    return err('upstream_bad_response', `The IANA ${kind}.json bootstrap lists no service.`);
  }
  return ok({ publication: file.value.publication, services });
};

/** RFC 9224 §3: prefer HTTPS when a service lists several base URLs. Always ends with "/". */
export const pickBaseUrl = (urls: string[]): string | null => {
  const valid = urls.filter((u) => URL.canParse(u));
  const url = valid.find((u) => /^https:\/\//i.test(u)) ?? valid.find((u) => /^http:\/\//i.test(u));
  if (!url) return null;
  return url.endsWith('/') ? url : `${url}/`;
};

/** Longest-match on labels: `a.b.co.uk` tries `a.b.co.uk`, `b.co.uk`, `co.uk`, then `uk`. */
export const findDnsService = (
  file: BootstrapFile,
  name: string,
): { entry: string; baseUrl: string } | null => {
  const labels = name.toLowerCase().split('.');
  for (let i = 0; i < labels.length; i += 1) {
    const suffix = labels.slice(i).join('.');
    const service = file.services.find((s) => s.entries.includes(suffix));
    const baseUrl = service ? pickBaseUrl(service.urls) : null;
    if (baseUrl) return { entry: suffix, baseUrl };
  }
  return null;
};

/** Most specific prefix holding `address` (already parsed, IPv4-mapped IPv6 unwrapped by the caller). */
export const findIpService = (
  file: BootstrapFile,
  address: ipaddr.IPv4 | ipaddr.IPv6,
): { entry: string; baseUrl: string } | null => {
  let best: { entry: string; baseUrl: string; bits: number } | null = null;
  for (const service of file.services) {
    for (const entry of service.entries) {
      let range: [ipaddr.IPv4 | ipaddr.IPv6, number];
      try {
        range = ipaddr.parseCIDR(entry);
      } catch {
        continue;
      }
      if (range[0].kind() !== address.kind() || !address.match(range)) continue;
      const baseUrl = pickBaseUrl(service.urls);
      if (baseUrl && (!best || range[1] > best.bits)) best = { entry, baseUrl, bits: range[1] };
    }
  }
  return best && { entry: best.entry, baseUrl: best.baseUrl };
};

/** `asn.json` entries are ranges "1-1876" or single numbers. */
export const findAsnService = (
  file: BootstrapFile,
  asn: number,
): { entry: string; baseUrl: string } | null => {
  for (const service of file.services) {
    for (const entry of service.entries) {
      const m = /^(\d+)(?:-(\d+))?$/.exec(entry);
      if (!m) continue;
      const lo = Number(m[1]);
      const hi = m[2] === undefined ? lo : Number(m[2]);
      const baseUrl = pickBaseUrl(service.urls);
      if (asn >= lo && asn <= hi && baseUrl) return { entry, baseUrl };
    }
  }
  return null;
};
