import type { ErrorPayload } from '@mcp/core';

/**
 * How LinkedIn refuses logged-out visitors, and how each refusal becomes a `blocked` answer that says
 * what was seen and what to do. A refusal must never turn into an empty success. This file reads the
 * answer's status and redirects; service/blocked-page.ts reads the page itself.
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
