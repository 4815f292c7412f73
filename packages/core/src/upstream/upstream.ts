import { Agent, interceptors } from 'undici';
import { type ErrorPayload, err, ok, type Result } from '../errors.js';
import { budgetSpent } from '../limits/fetch-budget.js';
import { guardedConnector } from '../safe-fetch/guarded-connector.js';
import { createTargetPolicy } from '../safe-fetch/target.js';
import { createMemoryStore } from '../store/memory.js';
import { cancelled, type FetchContext, fetchRaw, type RawResponse } from './fetch-raw.js';
import { createLimiter } from './limiter.js';
import { withPeerLock } from './peer-lock.js';
import { noteCacheHit, noteOpaque } from './read-trace.js';
import { type Mode, type PreparedRequest, prepareRequest } from './request.js';
import { DEFAULT_BACKOFF } from './retry.js';
import { createSingleFlight } from './single-flight.js';
import { createStats } from './stats.js';
import type { Upstream, UpstreamOptions, UpstreamRequest, UpstreamResponse } from './types.js';

export const DEFAULT_USER_AGENT = 'mcp-fr-company-intel/0.1 (MCP server; undici)';
const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

const checkOptions = (options: UpstreamOptions): void => {
  if (!/^[\w.-]+$/.test(options.name ?? '')) {
    throw new Error(`createUpstream: name must be a short identifier, got "${options.name}"`);
  }
  if (!URL.canParse(options.baseUrl) || !/^https?:$/.test(new URL(options.baseUrl).protocol)) {
    throw new Error(
      `createUpstream(${options.name}): baseUrl must be an http(s) URL, got "${options.baseUrl}"`,
    );
  }
  if (options.rateLimit && !(options.rateLimit.perSecond > 0)) {
    throw new Error(`createUpstream(${options.name}): rateLimit.perSecond must be > 0`);
  }
};

/** Applies the caller's status rules to a raw answer and parses JSON when asked. */
const classify = <T>(
  name: string,
  req: PreparedRequest,
  raw: RawResponse,
  mode: Mode,
  okStatuses: number[] | undefined,
  cached: boolean,
  echoBodies: boolean,
): Result<UpstreamResponse<T>> => {
  const body = (length: number) => (echoBodies ? { body: raw.text.slice(0, length) } : {});
  const accepted = (raw.status >= 200 && raw.status < 300) || (okStatuses?.includes(raw.status) ?? false);
  if (!accepted) {
    if (raw.status === 404) {
      return err('not_found', `${name} has nothing at ${req.label} (HTTP 404).`, { status: 404 });
    }
    return err('upstream_http', `${name} answered HTTP ${raw.status} for ${req.label}.`, {
      status: raw.status,
      ...body(500),
    });
  }
  const base = { status: raw.status, headers: raw.headers, cached, url: raw.url };
  if (mode === 'text') return ok({ ...base, data: raw.text as T });
  if (raw.text.trim() === '') return ok({ ...base, data: null as T });
  try {
    return ok({ ...base, data: JSON.parse(raw.text) as T });
  } catch {
    return err('upstream_bad_response', `${name} sent a response that is not valid JSON for ${req.label}.`, {
      status: raw.status,
      ...body(200),
    });
  }
};

/** 2xx answers (but 202 Accepted, a promise rather than an answer) and the caller's `okStatuses`. */
const cacheableAnswer = (raw: RawResponse, okStatuses: number[] | undefined): boolean =>
  (raw.status >= 200 && raw.status < 300 && raw.status !== 202) ||
  (okStatuses?.includes(raw.status) ?? false);

/**
 * A client for one known HTTP API: timeouts, retries with backoff, Retry-After, token-bucket rate
 * limit with a bounded queue, TTL cache, single-flight and a body limit. Every expected failure comes
 * back as a `Result` error; nothing throws past option checking.
 */
export const createUpstream = (options: UpstreamOptions): Upstream => {
  checkOptions(options);
  const { name } = options;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const deadlineMs = options.deadlineMs ?? Math.max(30_000, timeoutMs);
  const ownStore = options.store === undefined;
  const store = options.store ?? createMemoryStore({ maxEntries: options.cache?.max ?? 500 });
  const stats = createStats(name, options.metrics);
  const connectTimeoutMs = Math.min(timeoutMs, 10_000);
  const agent = new Agent({
    connect: options.guard
      ? guardedConnector(createTargetPolicy(options.guard), { timeoutMs: connectTimeoutMs })
      : { timeout: connectTimeoutMs },
    keepAliveTimeout: 10_000,
    connections: 16,
  });
  // Known APIs may move a resource (RDAP servers do); user-supplied URLs go through safeFetch instead.
  const maxRedirects = options.maxRedirects ?? 3;
  const dispatcher =
    maxRedirects > 0 ? agent.compose(interceptors.redirect({ maxRedirections: maxRedirects })) : agent;
  const ctx: FetchContext = {
    name,
    dispatcher,
    stats,
    timeoutMs,
    retries: options.retries ?? 2,
    backoff: options.backoff ?? DEFAULT_BACKOFF,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    echoBodies: options.guard === undefined,
    ...(options.rateLimit && {
      limiter: createLimiter(
        name,
        store,
        {
          perSecond: options.rateLimit.perSecond,
          burst: Math.max(1, options.rateLimit.burst ?? 1),
          maxQueue: options.rateLimit.maxQueue ?? 100,
          ...(options.rateLimit.scope === 'host' ? { host: new URL(options.baseUrl).host } : {}),
        },
        () => cancelled(name),
      ),
    }),
  };
  const defaults = {
    name,
    baseUrl: options.baseUrl,
    headers: { 'user-agent': options.userAgent ?? DEFAULT_USER_AGENT, ...options.headers },
    cacheEnabled: options.cache !== undefined && options.cache.ttlMs > 0,
  };
  // A guarded server's hosts come from third-party data and may redirect anywhere: no body goes back.
  const echoBodies = ctx.echoBodies !== false;
  const flights = createSingleFlight<Result<RawResponse>>(() => cancelled(name));

  const readCache = async (key: string): Promise<RawResponse | undefined> => {
    try {
      return await store.get<RawResponse>(key);
    } catch {
      return undefined; // a cache that fails is a miss, never a failed call
    }
  };

  // A reused result read this entry again instead of calling: counted as the cache hit it stands for.
  const rereadHit = async (key: string, hit: RawResponse) => {
    const again = await readCache(key);
    if (again === hit) {
      stats.call();
      stats.cacheHit();
    }
    return again;
  };

  const execute = async (req: PreparedRequest, request: UpstreamRequest, signal: AbortSignal) => {
    const budget = request.deadlineMs ?? deadlineMs;
    const deadlineAt = Date.now() + budget;
    const send = () => fetchRaw(ctx, req, signal, deadlineAt);
    const { result, fromPeer } = req.cacheable
      ? await withPeerLock(
          store,
          req.key,
          Math.min(budget, timeoutMs),
          signal,
          () => readCache(req.key),
          send,
        )
      : { result: await send(), fromPeer: false };
    // An answer another replica fetched is already in the cache; storing it again would extend its TTL.
    const storable =
      !fromPeer &&
      result.ok &&
      cacheableAnswer(result.value, request.okStatuses) &&
      (options.cache?.shouldCache?.(result.value) ?? true) &&
      (request.shouldCache?.(result.value) ?? true);
    if (req.cacheable && storable && options.cache) {
      await store.set(req.key, result.value, options.cache.ttlMs).catch(() => undefined);
    }
    return result;
  };

  const call = async <T>(request: UpstreamRequest, mode: Mode): Promise<Result<UpstreamResponse<T>>> => {
    stats.call();
    const result = await run<T>(request, mode);
    if (!result.ok) stats.error(result.error.code);
    return result;
  };

  const run = async <T>(request: UpstreamRequest, mode: Mode): Promise<Result<UpstreamResponse<T>>> => {
    let req: PreparedRequest;
    try {
      req = prepareRequest(defaults, request, mode);
    } catch {
      return err('invalid_input', `Cannot build a ${name} URL from path "${request.path}".`, {
        path: request.path,
      });
    }
    if (request.signal?.aborted) return cancelled(name) as { ok: false; error: ErrorPayload };
    if (req.cacheable) {
      const hit = await readCache(req.key);
      if (hit) {
        if (store.sameObjectOnGet) noteCacheHit(() => rereadHit(req.key, hit), hit);
        else noteOpaque();
        stats.cacheHit();
        return classify<T>(name, req, hit, mode, request.okStatuses, true, echoBodies);
      }
    }
    noteOpaque();
    if (request.budget && !request.budget.take()) return budgetSpent(request.budget.limit, req.label);
    // Only idempotent calls share one request: GETs, and POSTs the caller marked `cache: true` (a search
    // form), even with the cache off; a plain POST always goes out.
    const raw =
      req.method === 'GET' || req.cacheable || request.cache === true
        ? await flights.run(req.key, (signal) => execute(req, request, signal), request.signal, stats.shared)
        : await execute(req, request, request.signal ?? new AbortController().signal);
    if (!raw.ok) return raw;
    return classify<T>(name, req, raw.value, mode, request.okStatuses, false, echoBodies);
  };

  // Once: the app's own cleanup and the server (for clients made through ctx.createUpstream) may both close it.
  let closing: Promise<void> | undefined;
  return {
    name,
    json: <T = unknown>(request: UpstreamRequest) => call<T>(request, 'json'),
    text: (request: UpstreamRequest) => call<string>(request, 'text'),
    stats: () => stats.snapshot(),
    close: () => {
      closing ??= (async () => {
        await agent.close();
        if (ownStore) await store.close();
      })();
      return closing;
    },
  };
};
