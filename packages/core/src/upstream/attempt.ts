import { type Dispatcher, request } from 'undici';
import type { ErrorPayload } from '../errors.js';
import { refusalOf } from '../safe-fetch/guarded-connector.js';

/** Flattens undici's header record (arrays for repeated headers) into one string per name. */
export const flattenHeaders = (
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
};

interface DestroyableBody extends AsyncIterable<Uint8Array> {
  destroy(error?: Error): unknown;
}

export type BodyRead = { ok: true; bytes: Buffer } | { ok: false; received: number };

/** Reads at most `maxBytes`; refuses early on a larger Content-Length and stops the transfer once over. */
export const readLimited = async (
  body: DestroyableBody,
  maxBytes: number,
  contentLength?: string,
): Promise<BodyRead> => {
  const declared = contentLength === undefined ? Number.NaN : Number(contentLength);
  if (declared > maxBytes) {
    body.destroy();
    return { ok: false, received: declared };
  }
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of body) {
    received += chunk.byteLength;
    if (received > maxBytes) {
      body.destroy();
      return { ok: false, received };
    }
    chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }
  return { ok: true, bytes: Buffer.concat(chunks, received) };
};

export interface AttemptInput {
  dispatcher: Dispatcher;
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  timeoutMs: number;
  maxBodyBytes: number;
}

/** What one HTTP exchange produced; the caller decides about retries and error codes. */
export type AttemptOutcome =
  | { kind: 'response'; status: number; headers: Record<string, string>; bytes: Buffer }
  | { kind: 'too_large'; status: number; received: number }
  | { kind: 'timeout'; phase: 'connect' | 'headers' | 'body' }
  | { kind: 'aborted' }
  | { kind: 'network'; code: string; message: string }
  /** The SSRF guard refused a connection (a redirect into a private range…): no retry, typed error. */
  | { kind: 'refused'; error: ErrorPayload };

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

const errorCode = (error: unknown): string => {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof cause === 'string' ? cause : 'UNKNOWN';
};

/**
 * One request with a hard time limit covering connect, headers and the whole body: a slow drip
 * that never trips the per-read timeout still ends at `timeoutMs`.
 */
export const sendOnce = async (input: AttemptInput): Promise<AttemptOutcome> => {
  const timer = new AbortController();
  const handle = setTimeout(() => timer.abort(new Error('attempt time limit')), input.timeoutMs);
  const signal = input.signal ? AbortSignal.any([input.signal, timer.signal]) : timer.signal;
  let status = 0;
  try {
    const res = await request(input.url, {
      dispatcher: input.dispatcher,
      method: input.method,
      headers: input.headers,
      body: input.body,
      signal,
      headersTimeout: input.timeoutMs,
      bodyTimeout: input.timeoutMs,
    });
    status = res.statusCode;
    const headers = flattenHeaders(res.headers);
    const read = await readLimited(res.body, input.maxBodyBytes, headers['content-length']);
    if (!read.ok) return { kind: 'too_large', status, received: read.received };
    return { kind: 'response', status, headers, bytes: read.bytes };
  } catch (error) {
    if (input.signal?.aborted) return { kind: 'aborted' };
    if (timer.signal.aborted) return { kind: 'timeout', phase: status ? 'body' : 'headers' };
    const refused = refusalOf(error);
    if (refused) return { kind: 'refused', error: refused };
    const code = errorCode(error);
    if (code === 'UND_ERR_CONNECT_TIMEOUT') return { kind: 'timeout', phase: 'connect' };
    if (TIMEOUT_CODES.has(code)) return { kind: 'timeout', phase: status ? 'body' : 'headers' };
    return { kind: 'network', code, message: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(handle);
  }
};
