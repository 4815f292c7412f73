import { createHash } from 'node:crypto';
import type { QueryValue, UpstreamRequest } from './types.js';

export type Mode = 'json' | 'text';

export interface PreparedRequest {
  url: string;
  /** Host + path for messages; the query is left out because some APIs take their key there. */
  label: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** Identity of the request: cache and single-flight key. Holds no part of the URL but its host. */
  key: string;
  /** Whether the TTL cache may answer and store this call. */
  cacheable: boolean;
}

const appendQuery = (url: URL, query: Record<string, QueryValue | QueryValue[]>): void => {
  for (const [name, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null) url.searchParams.append(name, String(item));
    }
  }
};

export const buildUrl = (
  baseUrl: string,
  path: string,
  query?: Record<string, QueryValue | QueryValue[]>,
): URL => {
  const url = /^https?:\/\//i.test(path)
    ? new URL(path)
    : new URL(`${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`);
  if (query) appendQuery(url, query);
  return url;
};

/** The wire form of a body and its default content type (the caller's own header wins). */
const encodeBody = (body: unknown): { text: string; type: string } | undefined => {
  if (body === undefined) return undefined;
  if (typeof body === 'string') return { text: body, type: 'text/plain; charset=utf-8' };
  if (body instanceof URLSearchParams) {
    return { text: body.toString(), type: 'application/x-www-form-urlencoded' };
  }
  return { text: JSON.stringify(body), type: 'application/json' };
};

const digest = (text: string): string => createHash('sha256').update(text).digest('base64url');

const ACCEPT: Record<Mode, string> = {
  json: 'application/json, */*;q=0.5',
  text: 'text/html, application/xhtml+xml, text/plain, application/xml;q=0.9, */*;q=0.8',
};

/** Turns a call into what goes on the wire; throws `TypeError` on a URL that cannot be built. */
export const prepareRequest = (
  upstream: { name: string; baseUrl: string; headers: Record<string, string>; cacheEnabled: boolean },
  request: UpstreamRequest,
  mode: Mode,
): PreparedRequest => {
  const url = buildUrl(upstream.baseUrl, request.path, request.query);
  const method = request.method ?? 'GET';
  const encoded = encodeBody(request.body);
  const body = encoded?.text;
  const headers: Record<string, string> = { accept: ACCEPT[mode], ...upstream.headers };
  if (encoded) headers['content-type'] = encoded.type;
  // Per-call headers can change the answer, so they are part of the key; the upstream's own headers
  // (API keys) are the same for every call and stay out of it.
  const callHeaders = Object.entries(request.headers ?? {})
    .map(([k, v]) => [k.toLowerCase(), v] as const)
    .sort(([a], [b]) => a.localeCompare(b));
  for (const [k, v] of callHeaders) headers[k] = v;
  // The URL is hashed, never written out: some APIs take their key in the query (SerpAPI's
  // `api_key`, Google CSE's `key`) or a provider template puts it in the path, and this key names
  // cache entries and locks in a shared store (Redis) that operators and dumps can read.
  const key = [
    upstream.name,
    mode,
    method,
    url.host,
    digest(url.href),
    body === undefined ? '' : digest(body),
    callHeaders.length ? digest(JSON.stringify(callHeaders)) : '',
  ].join('|');
  const cacheable = upstream.cacheEnabled && (request.cache ?? method === 'GET');
  const label = `${url.host}${url.pathname}`;
  return { url: url.href, label, method, headers, ...(body === undefined ? {} : { body }), key, cacheable };
};
