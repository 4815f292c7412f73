import { err, ok } from '@mcp/core';
import type { PageFetcher } from './types.js';

/**
 * Tests only: a plain `fetch` for loopback sites, shaped like core's safeFetch results (404 →
 * not_found, other HTTP errors → upstream_http, redirect loops → upstream_bad_response).
 */
export const loopbackFetcher = (): PageFetcher => async (url, signal) => {
  try {
    const res = await fetch(url, { signal, redirect: 'follow' });
    const text = await res.text();
    if (res.status === 404)
      return err('not_found', `${url} does not exist (HTTP 404).`, { url, status: 404 });
    if (!res.ok)
      return err('upstream_http', `${url} answered HTTP ${res.status}.`, { url, status: res.status });
    const contentType = (res.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
    return ok({ url: res.url, status: res.status, contentType: contentType || null, text });
  } catch (error) {
    return err('upstream_bad_response', `${url} could not be fetched: ${(error as Error).message}`, { url });
  }
};
