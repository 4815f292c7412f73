import type { ErrorPayload } from '@mcp/core';
import type { PageMeta } from '../service/extract/meta.js';

/**
 * How LinkedIn refuses logged-out visitors, and how each refusal becomes a `blocked` answer that says
 * what was seen and what to do. A refusal must never turn into an empty success.
 */
export type BlockKind = 'http_999' | 'authwall' | 'login_page' | 'app_shell' | 'no_public_data';

export interface BlockSignal {
  kind: BlockKind;
  /** What was observed, in words: "HTTP 999", "a redirect to /authwall", "<title>LinkedIn</title> …". */
  seen: string;
}

const WALL_PATH_RE = /^\/(authwall|login|uas\/login|checkpoint|signup|uas\/authenticate)(\/|$|\?)/i;

const wallKind = (path: string): BlockKind | null => {
  const m = WALL_PATH_RE.exec(path);
  if (!m) return null;
  return m[1]!.toLowerCase() === 'authwall' ? 'authwall' : 'login_page';
};

const pathOf = (location: string): string => {
  try {
    return new URL(location, 'https://www.linkedin.com').pathname;
  } catch {
    return location;
  }
};

/** `/authwall`, `/login`, `/uas/login`, `/checkpoint/…`: where LinkedIn sends visitors it refuses. */
export const isWallUrl = (url: string): boolean => wallKind(pathOf(url)) !== null;

/** Status and redirect signals, checked before the body is even read. */
export const blockFromResponse = (res: {
  status: number;
  finalUrl: string;
  location?: string | null;
  redirects?: readonly string[];
}): BlockSignal | null => {
  if (res.status === 999) return { kind: 'http_999', seen: 'HTTP 999 (LinkedIn’s answer to suspected bots)' };
  const hops = [...(res.redirects ?? []), ...(res.location ? [res.location] : []), res.finalUrl];
  for (const hop of hops) {
    const path = pathOf(hop);
    const kind = wallKind(path);
    if (kind) return { kind, seen: `a redirect to ${path}` };
  }
  if (res.status >= 300 && res.status < 400) {
    return {
      kind: 'authwall',
      seen: `HTTP ${res.status} redirect${res.location ? ` to ${pathOf(res.location)}` : ''} instead of the page`,
    };
  }
  return null;
};

// The whole title must be a login title ("Sign Up | LinkedIn"), so "Sign In Solutions | LinkedIn" is
// still a company.
const LOGIN_TITLE_RE =
  /^(LinkedIn Login|Sign In|Sign Up|Join LinkedIn|Log In|S['’]identifier|S['’]inscrire|Connexion|Inscription|Security Verification)(\s*[|,–-].*)?$/i;
const WALL_PAGE_KEY_RE = /auth_?wall|login|checkpoint|signup|registration/i;

/**
 * Body signals: a login or sign-up page served with 200, or the logged-in Ember app shell
 * (`<meta name="service" content="voyager-web">`, bare `<title>LinkedIn</title>`, no structured data).
 * Guest pages embed a sign-in modal, so a login form alone proves nothing: only page-level markers count.
 */
export const blockFromPage = (meta: PageMeta, hasStructuredData: boolean): BlockSignal | null => {
  if (meta.page_key && WALL_PAGE_KEY_RE.test(meta.page_key)) {
    const kind: BlockKind = /auth_?wall/i.test(meta.page_key) ? 'authwall' : 'login_page';
    return {
      kind,
      seen: `a ${kind === 'authwall' ? 'sign-up wall' : 'login'} page (pageKey "${meta.page_key}")`,
    };
  }
  if (!hasStructuredData && meta.title && LOGIN_TITLE_RE.test(meta.title)) {
    return { kind: 'login_page', seen: `a login page ("<title>${meta.title}</title>")` };
  }
  if (!hasStructuredData && (meta.service === 'voyager-web' || meta.is_guest === 'false')) {
    return {
      kind: 'app_shell',
      seen: `the logged-in web app shell (service "${meta.service ?? '?'}", <title>${meta.title ?? ''}</title>) with no public data`,
    };
  }
  return null;
};

export const HINT_DIRECT =
  'LinkedIn refuses many automated visitors. Set LINKEDIN_FETCH_URL_TEMPLATE (and LINKEDIN_FETCH_HEADERS) to route fetches through a scraping provider you pay for, or try again later from another network. Logging in is not an option this server offers.';
export const HINT_PROVIDER =
  'The scraping provider got this page from LinkedIn. Check its settings (JavaScript rendering, residential or premium proxies, country) or try another provider.';

export const blockedError = (
  signal: BlockSignal,
  ctx: { url: string; via: 'direct' | 'provider' },
): ErrorPayload => ({
  code: 'blocked',
  message: `LinkedIn did not serve the public page for ${ctx.url}: it returned ${signal.seen}.`,
  details: {
    seen: signal.kind,
    observed: signal.seen,
    url: ctx.url,
    via: ctx.via,
    what_to_do: ctx.via === 'provider' ? HINT_PROVIDER : HINT_DIRECT,
  },
});

/** The generic fallback: the page parsed but held nothing about the entity. */
export const noDataSignal = (meta: PageMeta): BlockSignal => ({
  kind: 'no_public_data',
  seen: `a page without public data (<title>${meta.title ?? ''}</title>, no JSON-LD, no Open Graph entity)`,
});
