import { err, ok, type Result } from '@mcp/core';
import { isLinkedInHost } from '../upstream/hosts.js';

/**
 * LinkedIn URL and identifier normalisation. Every input (full URL on any country subdomain, bare
 * slug, numeric company id, public profile id) becomes one canonical `https://www.linkedin.com/…/`
 * URL, so the cache and the per-host rate limit see a single host and a single key per entity.
 */

export type RefKind = 'company' | 'profile';

export interface LinkedInRef {
  kind: RefKind;
  /** Company slug or numeric id (`audiense`, `10529043`), or profile public id (`jane-doe-1234`). */
  id: string;
  /** True for numeric company ids (`/company/10529043/`). */
  numeric: boolean;
  /** Canonical `https://www.linkedin.com/company/<id>/` or `https://www.linkedin.com/in/<id>/`. */
  url: string;
}

const SEGMENT = { company: 'company', profile: 'in' } as const;

// Slugs and public ids: letters (any script, LinkedIn allows accented public ids), digits, - _ . and
// the percent escapes some sites leave in. Length limits keep junk out of cache keys.
const ID_RE = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,99}$/u;

export const canonicalUrl = (kind: RefKind, id: string): string =>
  `https://www.linkedin.com/${SEGMENT[kind]}/${encodeURIComponent(id)}/`;

const safeDecode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

const makeRef = (kind: RefKind, rawId: string): LinkedInRef | undefined => {
  const id = safeDecode(rawId).trim().toLowerCase();
  if (!ID_RE.test(id)) return undefined;
  return { kind, id, numeric: kind === 'company' && /^\d+$/.test(id), url: canonicalUrl(kind, id) };
};

const looksLikeUrl = (s: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(s) || /linkedin\.com/i.test(s);

// A bare value with a dot, slash or colon is a domain or a foreign URL, not a slug: `acme.fr` must not
// silently become linkedin.com/company/acme.fr (dots are only trusted inside a real LinkedIn URL).
const BARE_ID_RE = /^[\p{L}\p{N}][\p{L}\p{N}_-]{0,99}$/u;

/** Reads a LinkedIn URL of either kind; `undefined` when it is not a company or profile URL. */
export const refFromUrl = (input: string): LinkedInRef | undefined => {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(input) ? input : `https://${input.replace(/^\/+/, '')}`);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (!isLinkedInHost(url.hostname)) return undefined;
  const [segment, id] = url.pathname.split('/').filter(Boolean);
  if (!id) return undefined;
  if (segment === 'company') return makeRef('company', id);
  if (segment === 'in') return makeRef('profile', id);
  return undefined;
};

const kindLabel = (kind: RefKind): string => (kind === 'company' ? 'company page' : 'public profile');

/**
 * Normalises what a user typed for one kind of page. Accepts a URL (any linkedin.com subdomain, query
 * string and trailing sub-paths ignored), `company/<slug>` / `in/<id>` paths, or a bare slug / id.
 */
export const parseRef = (input: string, kind: RefKind, field = 'url'): Result<LinkedInRef> => {
  const raw = input.trim();
  const example =
    kind === 'company' ? 'https://www.linkedin.com/company/<slug>/' : 'https://www.linkedin.com/in/<id>/';
  if (raw === '')
    return err('invalid_input', `${field}: expected a LinkedIn ${kindLabel(kind)} URL or id.`, {
      fields: [field],
    });

  const pathMatch = /^\/?(company|in)\/([^/?#]+)/i.exec(raw);
  const ref = looksLikeUrl(raw)
    ? refFromUrl(raw)
    : pathMatch
      ? makeRef(pathMatch[1]!.toLowerCase() === 'in' ? 'profile' : 'company', pathMatch[2]!)
      : BARE_ID_RE.test(raw)
        ? makeRef(kind, raw)
        : undefined;

  if (!ref) {
    return err(
      'invalid_input',
      `${field}: "${raw.slice(0, 200)}" is not a LinkedIn ${kindLabel(kind)} URL (expected ${example} or a bare ${kind === 'company' ? 'slug' : 'public id'}).`,
      { fields: [field] },
    );
  }
  if (ref.kind !== kind) {
    const other = ref.kind === 'company' ? 'get_company' : 'get_profile';
    return err(
      'invalid_input',
      `${field}: this is a LinkedIn ${kindLabel(ref.kind)} URL; use ${other} for it.`,
      { fields: [field] },
    );
  }
  return ok(ref);
};

/** Strips tracking query strings and sub-paths from any LinkedIn URL found in a page or search result. */
export const cleanLinkedInUrl = (input: string): string | undefined => refFromUrl(input)?.url;
