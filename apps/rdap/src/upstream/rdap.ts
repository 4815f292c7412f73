import {
  err,
  type Result,
  type SafeFetch,
  type Upstream,
  type UpstreamGuard,
  type UpstreamOptions,
} from '@mcp/core';
import type { BootstrapKind } from './bootstrap.js';
import { parseRdapObject } from './wire.js';

export interface RdapHttpOptions {
  /** `RDAP_BOOTSTRAP_URL`: where `dns.json`, `ipv4.json`, … live. */
  bootstrapUrl: string;
  /**
   * `RDAP_SERVERS_OVERRIDE_URL` (tests): replaces scheme + host (+ port) of every RDAP server URL —
   * bootstrap entries, the built-in table, registrar links — and keeps the path, so a test can point
   * all registries at one loopback server.
   */
  serversOverride?: string | undefined;
  timeoutMs: number;
  cacheTtlMs: number;
  /** Per registry. */
  perSecond: number;
  /** SSRF-guarded fetch for registrar links: their URLs come from a third party's answer. */
  safeFetch: SafeFetch;
  /**
   * The SSRF guard of every registry client: their URLs come from the IANA bootstrap, a third party,
   * and so do the redirects they answer. `trustedUrls` holds the operator's own (RDAP_FR_BASE_URL…).
   */
  guard: UpstreamGuard;
  /**
   * The server's `ctx.createUpstream`: its store makes replicas share each registry's rate limit and
   * cache, and the server closes every client at shutdown.
   */
  createUpstream: (options: UpstreamOptions) => Upstream;
}

export interface RdapAnswer {
  status: number;
  /** The body read by `rdapObjectSchema` (lenient members, unknown ones kept); `null` on a 404. */
  data: unknown;
  url: string;
}

export interface RdapHttp {
  /** GET `path` under `baseUrl`; a 404 comes back as data (status 404), other failures as errors. */
  get: (baseUrl: string, path: string, signal?: AbortSignal) => Promise<Result<RdapAnswer>>;
  /** GET a registrar's RDAP URL (a `related` link) through safeFetch; 404 comes back as data. */
  getRelated: (url: string, signal?: AbortSignal) => Promise<Result<RdapAnswer>>;
  bootstrapFile: (kind: BootstrapKind) => Promise<Result<unknown>>;
  close: () => Promise<void>;
}

const RDAP_ACCEPT = { accept: 'application/rdap+json, application/json;q=0.9' };

/** Keeps `/rdap/` when the variable gives only scheme + host (an override replaces scheme and host; the path is the registry’s own). */
export const bootstrapBase = (value: string): string => {
  const url = new URL(value);
  if (url.pathname === '/' || url.pathname === '') url.pathname = '/rdap/';
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
};

export const applyOverride = (url: string, override: string | undefined): string => {
  if (!override) return url;
  const target = new URL(url);
  const by = new URL(override);
  target.protocol = by.protocol;
  target.host = by.host;
  return target.href;
};

/**
 * One upstream client per RDAP server: each registry gets its own rate limit, cache and connection
 * pool, and a slow registry cannot hold up the others. 429 answers are retried after their
 * Retry-After by the core client, within the call's deadline.
 */
export const createRdapHttp = (options: RdapHttpOptions): RdapHttp => {
  const servers = new Map<string, Upstream>();
  const bootstrap = options.createUpstream({
    name: 'iana-bootstrap',
    baseUrl: bootstrapBase(options.bootstrapUrl),
    timeoutMs: options.timeoutMs,
    retries: 1,
    maxBodyBytes: 4 * 1024 * 1024,
  });

  const serverFor = (origin: string): Upstream => {
    let upstream = servers.get(origin);
    if (!upstream) {
      upstream = options.createUpstream({
        name: new URL(origin).host.replace(/[^\w.-]/g, '-'),
        baseUrl: origin,
        timeoutMs: options.timeoutMs,
        deadlineMs: options.timeoutMs * 2,
        retries: 1,
        rateLimit: { perSecond: options.perSecond, burst: options.perSecond, maxQueue: 200 },
        cache: { ttlMs: options.cacheTtlMs, max: 2000 },
        maxBodyBytes: 1024 * 1024,
        guard: options.guard,
      });
      servers.set(origin, upstream);
    }
    return upstream;
  };

  const get: RdapHttp['get'] = async (baseUrl, path, signal) => {
    const url = applyOverride(new URL(path, baseUrl).href, options.serversOverride);
    const res = await serverFor(new URL(url).origin).json<unknown>({
      path: url,
      headers: RDAP_ACCEPT,
      okStatuses: [404],
      ...(signal ? { signal } : {}),
    });
    if (!res.ok) return res;
    // A 404 body is only an error message: its shape does not matter.
    if (res.value.status === 404) return { ok: true, value: { status: 404, data: null, url } };
    const body = parseRdapObject(res.value.data, `The RDAP server ${new URL(url).host}`);
    if (!body.ok) return body;
    return { ok: true, value: { status: res.value.status, data: body.value, url } };
  };

  const getRelated: RdapHttp['getRelated'] = async (rawUrl, signal) => {
    const url = applyOverride(rawUrl, options.serversOverride);
    const res = await options.safeFetch(url, {
      timeoutMs: options.timeoutMs,
      maxBytes: 1024 * 1024,
      headers: RDAP_ACCEPT,
      okStatuses: [404],
      ...(signal ? { signal } : {}),
    });
    if (!res.ok) return res;
    if (res.value.status === 404) return { ok: true, value: { status: 404, data: null, url: res.value.url } };
    let json: unknown;
    try {
      json = JSON.parse(res.value.text);
    } catch {
      // The page may be one a redirect chose: name where it came from, never what it said.
      return err('upstream_bad_response', `The registrar RDAP at ${new URL(url).host} did not send JSON.`, {
        url: res.value.url,
        ...(res.value.redirects.length === 0 ? { body: res.value.text.slice(0, 200) } : {}),
      });
    }
    const body = parseRdapObject(json, `The registrar RDAP at ${new URL(url).host}`);
    if (!body.ok) return body;
    return { ok: true, value: { status: res.value.status, data: body.value, url: res.value.url } };
  };

  return {
    get,
    getRelated,
    bootstrapFile: async (kind) => {
      const res = await bootstrap.json<unknown>({ path: `${kind}.json` });
      return res.ok ? { ok: true, value: res.value.data } : res;
    },
    close: async () => {
      await Promise.all([bootstrap.close(), ...[...servers.values()].map((s) => s.close())]);
    },
  };
};
