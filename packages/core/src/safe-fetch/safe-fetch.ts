import { type Dispatcher, request } from 'undici';
import { err, ok, type Result } from '../errors.js';
import { budgetSpent, type FetchBudget } from '../limits/fetch-budget.js';
import type { Semaphore } from '../limits/semaphore.js';
import type { Metrics } from '../metrics/types.js';
import { flattenHeaders, readLimited } from '../upstream/attempt.js';
import { decodeBody } from '../upstream/charset.js';
import { noteOpaque } from '../upstream/read-trace.js';
import { pinnedAgent, type Resolver, systemResolver } from './resolve.js';
import { type CheckedTarget, checkTarget, type TargetPolicy } from './target.js';

export interface SafeFetchOptions {
  signal?: AbortSignal;
  /** Whole call, every hop and DNS included. Default 15 s. */
  timeoutMs?: number;
  /** Largest body accepted. Default 3 MB. */
  maxBytes?: number;
  /** Merged over the browser-like defaults (User-Agent, Accept, Accept-Language: fr-FR). */
  headers?: Record<string, string>;
  /** Statuses returned as data instead of errors (e.g. `[999]` for LinkedIn's bot wall). */
  okStatuses?: number[];
  /**
   * The calling request's fetch budget (`ctx.fetchBudget`): each hop takes one, and a hop the budget
   * cannot pay for is not sent (`rate_limited`, `details.reason: 'fetch_budget'`).
   */
  budget?: FetchBudget;
}

export interface SafeFetchResponse {
  /** Final URL, after redirects. */
  url: string;
  status: number;
  headers: Record<string, string>;
  /** Media type without parameters, lower case (`text/html`); '' when the server sent none. */
  contentType: string;
  /** Body decoded with the charset of the header, BOM or `<meta>`. */
  text: string;
  /** URLs that answered with a redirect, in order (the requested URL first); empty without redirects. */
  redirects: string[];
}

export type SafeFetch = (url: string, options?: SafeFetchOptions) => Promise<Result<SafeFetchResponse>>;

export interface SafeFetchLogger {
  warn(obj: object, msg: string): void;
}

export interface CreateSafeFetchOptions {
  /** Hosts for which the address and port guards are lifted (tests on 127.0.0.1). Off by default. */
  allowHosts?: string[];
  /** Ports allowed besides 80 and 443. */
  allowPorts?: number[];
  log?: SafeFetchLogger;
  /** DNS resolution, replaceable in tests. */
  resolver?: Resolver;
  maxRedirects?: number;
  /** Where requests, errors and durations are counted, under `upstream="safe_fetch"`; none by default. */
  metrics?: Metrics;
  /**
   * The process-wide cap on simultaneous fetches (`FETCH_CONCURRENCY`), shared by every safeFetch the
   * process builds; a call waits for a slot before its first DNS lookup and holds it to the last byte.
   */
  gate?: Semaphore;
}

/** A current desktop Chrome: the one browser identity every page fetch of the project presents. */
export const BROWSER_USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

export const BROWSER_HEADERS: Readonly<Record<string, string>> = {
  'user-agent': BROWSER_USER_AGENT,
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'accept-language': 'fr-FR,fr;q=0.9,en;q=0.8',
};

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** HTML, text, XML and JSON; binaries (PDF, images, archives) are refused before their body is read. */
export const isAllowedContentType = (mediaType: string): boolean =>
  mediaType === '' ||
  mediaType.startsWith('text/') ||
  /^application\/(xhtml\+xml|xml|json|ld\+json|[\w.-]+\+(xml|json))$/.test(mediaType);

interface Hop {
  status: number;
  headers: Record<string, string>;
  body: Dispatcher.ResponseData['body'];
}

/**
 * `fetch` for URLs that come from users or the web: SSRF guard on every hop (scheme, port, credentials,
 * DNS → public unicast only), connection pinned to the checked address, redirects followed by hand,
 * one time limit, a body limit, a content-type allowlist and browser-like headers.
 */
export const createSafeFetch = (config: CreateSafeFetchOptions = {}): SafeFetch => {
  const policy: TargetPolicy = {
    allowHosts: new Set((config.allowHosts ?? []).map((h) => h.toLowerCase())),
    allowPorts: new Set(config.allowPorts ?? []),
    resolver: config.resolver ?? systemResolver,
  };
  const maxRedirects = config.maxRedirects ?? 5;
  const { metrics } = config;
  const labels = { upstream: 'safe_fetch' };
  if (policy.allowHosts.size > 0 || policy.allowPorts.size > 0) {
    config.log?.warn(
      { allowHosts: [...policy.allowHosts], allowPorts: [...policy.allowPorts] },
      'safeFetch SSRF guard relaxed by SAFE_FETCH_ALLOW_HOSTS/SAFE_FETCH_ALLOW_PORTS: for tests only',
    );
  }

  const send = async (target: CheckedTarget, headers: Record<string, string>, signal: AbortSignal) => {
    const agent = pinnedAgent(target.addresses, 10_000);
    metrics?.upstreamRequests.inc(labels);
    try {
      const res = await request(target.url, { dispatcher: agent, method: 'GET', headers, signal });
      const hop: Hop = { status: res.statusCode, headers: flattenHeaders(res.headers), body: res.body };
      return { hop, agent };
    } catch (error) {
      await agent.destroy();
      throw error;
    }
  };

  const fetchHops = async (
    start: string,
    options: SafeFetchOptions,
    signal: AbortSignal,
  ): Promise<Result<SafeFetchResponse>> => {
    const headers = { ...BROWSER_HEADERS };
    for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
    const redirects: string[] = [];
    let current = start;
    for (;;) {
      const target = await checkTarget(current, policy, signal);
      if (!target.ok) return target;
      const where = target.value.url.href;
      if (options.budget && !options.budget.take()) return budgetSpent(options.budget.limit, where);
      const { hop, agent } = await send(target.value, headers, signal);
      try {
        const location = hop.headers.location;
        if (REDIRECTS.has(hop.status) && location) {
          await hop.body.dump();
          const next = URL.canParse(location, where) ? new URL(location, where).href : undefined;
          if (!next)
            return err('upstream_bad_response', `${where} redirects to an invalid URL.`, { location });
          redirects.push(where);
          if (next === where || redirects.includes(next)) {
            return err('upstream_bad_response', `${target.value.host} redirects in a loop.`, { redirects });
          }
          if (redirects.length > maxRedirects) {
            return err('upstream_bad_response', `More than ${maxRedirects} redirects from ${start}.`, {
              redirects,
            });
          }
          current = next;
          continue;
        }
        return await finish(where, hop, redirects, options);
      } finally {
        await agent.destroy();
      }
    }
  };

  const finish = async (
    url: string,
    hop: Hop,
    redirects: string[],
    options: SafeFetchOptions,
  ): Promise<Result<SafeFetchResponse>> => {
    const rawType = hop.headers['content-type'];
    const contentType = (rawType ?? '').split(';')[0]!.trim().toLowerCase();
    const accepted =
      (hop.status >= 200 && hop.status < 300) || (options.okStatuses?.includes(hop.status) ?? false);
    if (accepted && !isAllowedContentType(contentType)) {
      await hop.body.dump();
      return err('upstream_bad_response', `${url} is ${contentType}, not a web page or text.`, {
        url,
        content_type: contentType,
      });
    }
    const maxBytes = options.maxBytes ?? 3 * 1024 * 1024;
    const read = await readLimited(hop.body, maxBytes, hop.headers['content-length']);
    if (!read.ok) {
      return err('upstream_too_large', `${url} is larger than the ${maxBytes}-byte limit.`, {
        url,
        max_bytes: maxBytes,
      });
    }
    const text = decodeBody(read.bytes, rawType);
    if (!accepted) {
      if (hop.status === 404)
        return err('not_found', `${url} does not exist (HTTP 404).`, { url, status: 404 });
      // A page reached through a redirect was chosen by a third party: its body never goes back to
      // the caller, who may be probing what that hop can see.
      return err('upstream_http', `${url} answered HTTP ${hop.status}.`, {
        url,
        status: hop.status,
        ...(redirects.length === 0 ? { body: text.slice(0, 500) } : { redirects }),
      });
    }
    return ok({ url, status: hop.status, headers: hop.headers, contentType, text, redirects });
  };

  const guarded = async (url: string, options: SafeFetchOptions): Promise<Result<SafeFetchResponse>> => {
    noteOpaque(); // a page read afresh: no cache entry stands for it
    const timeoutMs = options.timeoutMs ?? 15_000;
    const timer = new AbortController();
    const handle = setTimeout(() => timer.abort(new Error('safeFetch time limit')), timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timer.signal]) : timer.signal;
    try {
      return await fetchHops(url, options, signal);
    } catch (error) {
      if (options.signal?.aborted) {
        return err('upstream_timeout', `Fetching ${url} was cancelled.`, { url, cancelled: true });
      }
      if (timer.signal.aborted) {
        return err('upstream_timeout', `${url} did not answer within ${timeoutMs} ms.`, {
          url,
          timeout_ms: timeoutMs,
        });
      }
      const code = (error as { code?: string }).code ?? 'UNKNOWN';
      if (
        code === 'UND_ERR_CONNECT_TIMEOUT' ||
        code === 'UND_ERR_HEADERS_TIMEOUT' ||
        code === 'UND_ERR_BODY_TIMEOUT'
      ) {
        return err('upstream_timeout', `${url} did not answer in time (${code}).`, { url, network: code });
      }
      return err('upstream_http', `${url} could not be fetched (${code}).`, { url, network: code });
    } finally {
      clearTimeout(handle);
    }
  };

  const gated = async (url: string, options: SafeFetchOptions): Promise<Result<SafeFetchResponse>> => {
    if (!config.gate) return guarded(url, options);
    const slot = await config.gate.acquire(options.signal);
    if (!slot.ok) {
      return slot.reason === 'aborted'
        ? err('upstream_timeout', `Fetching ${url} was cancelled.`, { url, cancelled: true })
        : err('rate_limited', 'Too many outbound page fetches are waiting in this server; retry shortly.', {
            reason: 'fetch_queue',
            retry_after_s: 1,
          });
    }
    try {
      return await guarded(url, options);
    } finally {
      slot.release();
    }
  };

  return async (url, options = {}) => {
    const started = performance.now();
    const result = await gated(url, options);
    metrics?.upstreamDuration.observe(labels, (performance.now() - started) / 1000);
    if (!result.ok) metrics?.upstreamErrors.inc({ ...labels, code: result.error.code });
    return result;
  };
};
