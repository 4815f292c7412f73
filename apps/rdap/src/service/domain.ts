import { domainToASCII, domainToUnicode } from 'node:url';
import { err, ok, type Result } from '@mcp/core';
import { getDomain } from 'tldts';

/** A domain name ready for RDAP/WHOIS: the registrable name, in both spellings. */
export interface NormalizedDomain {
  /** What the caller typed, trimmed. */
  query: string;
  /** Registrable domain in ASCII (punycode, lower case, no trailing dot): `xn--caf-dma.fr`. */
  ascii: string;
  /** The same in Unicode: `café.fr`. */
  unicode: string;
  /** Top-level label in ASCII: `fr`, `xn--p1ai`. */
  tld: string;
}

const MAX_NAME = 253;
const MAX_LABEL = 63;
const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

const invalid = (field: string, value: string, why: string) =>
  err('invalid_input', `Field \`${field}\`: "${truncate(value)}" is not a domain name: ${why}.`, {
    fields: [field],
  });

const truncate = (value: string) => (value.length > 80 ? `${value.slice(0, 77)}…` : value);

/** Pulls the host out of `https://www.x.fr/path`, `www.x.fr:8080/a?b` or `//x.fr`. */
const hostOf = (input: string): string | undefined => {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input) || input.startsWith('//')) {
    try {
      return new URL(input.startsWith('//') ? `http:${input}` : input).hostname;
    } catch {
      return undefined;
    }
  }
  const cut = input.search(/[/?#]/);
  const hostPort = cut === -1 ? input : input.slice(0, cut);
  return hostPort.replace(/:\d+$/, '');
};

/**
 * Accepts what people paste — URLs, upper case, a trailing dot, Unicode (IDN) — and returns the
 * registrable domain (`https://www.Lemonde.fr/` → `lemonde.fr`): asking a registry about `www.` would
 * read as "not registered". Rejects spaces, empty labels, e-mail addresses, IP addresses and names
 * over the DNS limits (253 characters, 63 per label).
 */
export const normalizeDomain = (raw: string, field = 'domain'): Result<NormalizedDomain> => {
  const query = raw.trim();
  if (query.length === 0) return invalid(field, raw, 'it is empty');
  if (/\s/.test(query)) return invalid(field, query, 'it contains spaces');
  if (query.length > MAX_NAME + 1 && !query.includes('/'))
    return invalid(field, query, `it is longer than ${MAX_NAME} characters`);
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(query);
  if (!hasScheme && query.includes('@'))
    return invalid(field, query, 'it looks like an e-mail address; pass the part after "@"');
  if (query.includes('..')) return invalid(field, query, 'it has an empty label ("..")');

  let host = hostOf(query);
  if (host === undefined || host.length === 0) return invalid(field, query, 'no host name found');
  if (host.startsWith('[') || /^[\d.]+$/.test(host) || host.includes(':'))
    return invalid(field, query, 'it is an IP address; use lookup_ip');
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (host.startsWith('.') || host.includes('..') || host.length === 0)
    return invalid(field, query, 'it has an empty label');
  if (host.length > MAX_NAME) return invalid(field, query, `it is longer than ${MAX_NAME} characters`);

  const ascii = domainToASCII(host.toLowerCase());
  if (ascii === '') return invalid(field, query, 'it has characters a domain name cannot hold');
  if (ascii.length > MAX_NAME) return invalid(field, query, `it is longer than ${MAX_NAME} characters`);
  const labels = ascii.split('.');
  if (labels.length < 2) return invalid(field, query, 'it has no top-level domain (e.g. ".fr")');
  for (const label of labels) {
    if (label.length > MAX_LABEL)
      return invalid(field, query, `label "${truncate(label)}" is longer than ${MAX_LABEL} characters`);
    if (!LDH_LABEL.test(label))
      return invalid(
        field,
        query,
        `label "${truncate(label)}" may only hold letters, digits and inner hyphens`,
      );
  }
  const tld = labels.at(-1) as string;
  if (/^\d+$/.test(tld)) return invalid(field, query, 'its top-level label is numeric');

  const registrable = getDomain(ascii, { allowPrivateDomains: false, validateHostname: false });
  if (registrable === null)
    return invalid(field, query, 'it is a public suffix (like "co.uk"), not a registrable name');
  return ok({ query, ascii: registrable, unicode: domainToUnicode(registrable), tld });
};
