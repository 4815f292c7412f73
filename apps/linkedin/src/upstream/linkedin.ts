import {
  BROWSER_USER_AGENT,
  createSemaphore,
  type ErrorPayload,
  err,
  ok,
  type Result,
  type UpstreamClient,
  type UpstreamOptions,
} from '@mcp/core';
import type { Logger } from 'pino';
import type { LinkedInFetchConfig } from '../config.js';
import { blockedError, blockFromResponse, isWallUrl } from './blocked.js';
import { isLinkedInHost, rebaseLinkedInUrl } from './hosts.js';
import { providerHtml } from './provider-body.js';

/**
 * The part of core's upstream client this app relies on (its `text` calls, and `close` when the
 * factory's client has one), so the fetcher states exactly what it needs and tests can count what went
 * out with a scripted client.
 */
export type PageClient = Pick<UpstreamClient, 'text'> & { close?: () => Promise<void> };
export type PageClientOptions = Pick<
  UpstreamOptions,
  | 'name'
  | 'baseUrl'
  | 'headers'
  | 'timeoutMs'
  | 'retries'
  | 'rateLimit'
  | 'cache'
  | 'userAgent'
  | 'maxBodyBytes'
  | 'maxRedirects'
>;
export type PageClientFactory = (options: PageClientOptions) => PageClient;

export type Via = 'direct' | 'provider';

export interface LinkedInPage {
  /** The canonical linkedin.com URL asked for (never the provider URL, which may carry a key). */
  url: string;
  status: number;
  html: string;
  cached: boolean;
  via: Via;
}

export interface LinkedInFetcher {
  readonly via: Via;
  fetchPage: (url: string, signal?: AbortSignal) => Promise<Result<LinkedInPage>>;
  close: () => Promise<void>;
}

// core's desktop Chrome, as a logged-out visitor sends it (client hints of the same version). No cookie, ever.
const CHROME = /Chrome\/(\d+)/.exec(BROWSER_USER_AGENT)?.[1] ?? '131';
const browserHeaders = (acceptLanguage: string): Record<string, string> => ({
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8',
  'accept-language': acceptLanguage,
  'cache-control': 'no-cache',
  pragma: 'no-cache',
  'sec-ch-ua': `"Google Chrome";v="${CHROME}", "Chromium";v="${CHROME}", "Not_A Brand";v="24"`,
  'sec-ch-ua-mobile': '?0',
  'sec-ch-ua-platform': '"Windows"',
  'sec-fetch-dest': 'document',
  'sec-fetch-mode': 'navigate',
  'sec-fetch-site': 'none',
  'sec-fetch-user': '?1',
  'upgrade-insecure-requests': '1',
});

// 999 is LinkedIn's bot answer and 3xx shows a redirect that was not (or could not be) followed:
// both must reach the blocked-page checks as data instead of becoming a generic HTTP error.
const AS_DATA = [999, 301, 302, 303, 307, 308];

const MAX_HOPS = 3;

/** The next LinkedIn URL of a redirect (relative Locations resolve against linkedin.com); else null. */
const linkedinHop = (from: string, location: string | null): string | null => {
  if (!location) return null;
  try {
    const next = new URL(location, from);
    return isLinkedInHost(next.hostname) && /^https?:$/.test(next.protocol) ? next.toString() : null;
  } catch {
    return null;
  }
};

/** `https://api.example/?key=…&url={url}` + a LinkedIn URL → the provider URL. */
export const providerUrl = (template: string, linkedinUrl: string): string =>
  template.replaceAll('{url}', encodeURIComponent(linkedinUrl));

const providerLabel = (template: string): string => new URL(template.replaceAll('{url}', 'x')).host;

/** Fetches that may wait for a LINKEDIN_CONCURRENCY slot; the same bound as the rate limiter's queue. */
export const MAX_WAITING = 50;

export const createLinkedInFetcher = (
  config: LinkedInFetchConfig,
  deps: { createUpstream: PageClientFactory; log?: Logger },
): LinkedInFetcher => {
  const via: Via = config.template ? 'provider' : 'direct';
  const common = {
    timeoutMs: config.timeoutMs,
    retries: 1,
    // One client per host: all LinkedIn URLs are normalised to www.linkedin.com, so this bucket is the
    // per-host limit; with a provider, the provider's host gets it instead.
    rateLimit: {
      perSecond: config.ratePerSecond,
      burst: Math.max(1, Math.ceil(config.ratePerSecond)),
      maxQueue: 50,
    },
    // No HTTP-level cache here: it would keep a 999 or a login wall for the whole TTL. Extracted
    // results are cached one level up, and only when the page held data.
    maxBodyBytes: 5 * 1024 * 1024,
  };
  const client = config.template
    ? deps.createUpstream({
        name: 'linkedin-provider',
        baseUrl: new URL(config.template.replaceAll('{url}', 'x')).origin,
        headers: config.providerHeaders,
        ...common,
      })
    : deps.createUpstream({
        name: 'linkedin',
        baseUrl: config.baseUrl ?? 'https://www.linkedin.com',
        headers: browserHeaders(config.acceptLanguage),
        userAgent: BROWSER_USER_AGENT,
        // Every 3xx comes back to fetchOnce, so a hop to /authwall is seen as such.
        maxRedirects: 0,
        ...common,
      });
  // LINKEDIN_CONCURRENCY fetches at once; past MAX_WAITING callers waiting for a turn, a call is
  // refused at once rather than queued without bound.
  const gate = createSemaphore({ limit: config.concurrency, maxQueue: MAX_WAITING });
  const target = config.template ? providerLabel(config.template) : 'linkedin.com';

  // Direct mode follows LinkedIn's own redirects here (numeric id → slug, country subdomains), so a
  // hop to /authwall or /login is seen as such and every hop is rebased on LINKEDIN_BASE_URL.
  const fetchOnce = async (url: string, signal?: AbortSignal): Promise<Result<LinkedInPage>> => {
    let current = url;
    for (let hop = 0; ; hop += 1) {
      // With a provider the real linkedin.com URL is handed over: LINKEDIN_BASE_URL only redirects
      // fetches this server makes itself.
      const path = config.template
        ? providerUrl(config.template, current)
        : rebaseLinkedInUrl(current, config.baseUrl);
      const res = await client.text({ path, signal, okStatuses: AS_DATA });
      if (!res.ok) return err(res.error.code, explain(res.error, url, via), safeDetails(res.error, via));
      const { status, data, cached, headers } = res.value;
      const location = headers?.location ?? null;
      const isRedirect = status >= 300 && status < 400;
      const next = isRedirect && via === 'direct' && hop < MAX_HOPS ? linkedinHop(current, location) : null;
      if (next && !isWallUrl(next)) {
        current = next;
        continue;
      }
      const refusal = blockFromResponse({ status, finalUrl: current, location });
      if (refusal) return { ok: false, error: blockedError(refusal, { url, via }) };
      if (via === 'direct') return ok({ url, status, html: data, cached, via });
      const page = providerHtml(data, headers?.['content-type'], target);
      if (!page.ok) return page;
      return ok({ url, status, html: page.value, cached, via });
    }
  };

  const explain = (error: ErrorPayload, url: string, how: Via): string => {
    if (error.code === 'not_found') return `LinkedIn has no public page at ${url} (HTTP 404).`;
    if (error.code === 'rate_limited') {
      return how === 'provider'
        ? `The scraping provider (${target}) is rate limiting requests for ${url}; retry later.`
        : `LinkedIn is rate limiting requests for ${url}; retry later or configure LINKEDIN_FETCH_URL_TEMPLATE.`;
    }
    const status = error.details?.status;
    if (how === 'provider' && (status === 401 || status === 402 || status === 403)) {
      return `The scraping provider (${target}) refused the request (HTTP ${status}): check its key in LINKEDIN_FETCH_URL_TEMPLATE or LINKEDIN_FETCH_HEADERS, and its credit.`;
    }
    if (how === 'direct') return error.message;
    // core's messages name the request path, and some providers take their key in the path.
    const what =
      typeof status === 'number'
        ? `answered HTTP ${status}`
        : error.code === 'upstream_timeout'
          ? 'did not answer in time'
          : error.code === 'upstream_too_large'
            ? 'sent a page over the size limit'
            : `failed (${error.code})`;
    return `The scraping provider (${target}) ${what} for ${url}.`;
  };

  // A provider's error body may echo the key it was sent: keep only status-like facts.
  const safeDetails = (error: ErrorPayload, how: Via): Record<string, unknown> | undefined => {
    if (how === 'direct' || !error.details) return error.details;
    const keep = ['status', 'network', 'retry_after_s', 'timeout_ms', 'max_bytes', 'cancelled'];
    const picked = Object.fromEntries(Object.entries(error.details).filter(([k]) => keep.includes(k)));
    return { ...picked, provider: target };
  };

  return {
    via,
    fetchPage: async (url, signal) => {
      const slot = await gate.acquire(signal);
      let res: Result<LinkedInPage>;
      if (slot.ok) {
        try {
          res = await fetchOnce(url, signal);
        } finally {
          slot.release();
        }
      } else {
        res =
          slot.reason === 'aborted'
            ? err('upstream_timeout', `Fetching ${url} was cancelled.`, { cancelled: true })
            : err(
                'rate_limited',
                `Too many LinkedIn fetches are waiting in this server; retry ${url} shortly.`,
                {
                  reason: 'fetch_queue',
                  retry_after_s: 1,
                },
              );
      }
      deps.log?.debug(
        {
          linkedin_url: url,
          via,
          ok: res.ok,
          ...(res.ok ? { cached: res.value.cached } : { code: res.error.code }),
        },
        'linkedin fetch',
      );
      return res;
    },
    close: async () => {
      await client.close?.();
    },
  };
};
