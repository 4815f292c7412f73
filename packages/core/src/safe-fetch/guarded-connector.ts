import { buildConnector } from 'undici';
import type { ErrorPayload } from '../errors.js';
import { pinnedLookup } from './resolve.js';
import { checkEndpoint, type TargetPolicy } from './target.js';

const REFUSAL = Symbol.for('mcp.core.targetRefusal');

/** A connection the guard refused; carries the typed error for the upstream client to return. */
export interface TargetRefusal extends Error {
  [REFUSAL]: ErrorPayload;
}

const refusal = (payload: ErrorPayload): TargetRefusal =>
  Object.assign(new Error(payload.message), { code: 'MCP_TARGET_REFUSED', [REFUSAL]: payload });

/** The typed error behind a refused connection, looked up on the error and its cause. */
export const refusalOf = (error: unknown): ErrorPayload | undefined => {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 3; depth += 1) {
    if (REFUSAL in e) return (e as TargetRefusal)[REFUSAL];
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
};

/**
 * An undici `connect` that runs the SSRF guard on every connection it opens: port, then every address
 * the host resolves to, and pins the socket to the checked addresses. Given to an Agent whose redirect
 * interceptor follows third-party `Location`s, it checks each hop, since each new origin needs a new
 * connection; no other code path can reach a host the guard has not seen.
 */
export const guardedConnector = (
  policy: TargetPolicy,
  options: { timeoutMs: number },
): buildConnector.connector => {
  return (opts, callback) => {
    const port = Number(opts.port) || (opts.protocol === 'https:' ? 443 : 80);
    const signal = AbortSignal.timeout(options.timeoutMs);
    checkEndpoint(opts.hostname, port, policy, signal).then(
      (checked) => {
        if (!checked.ok) {
          callback(
            refusal({ ...checked.error, details: { host: opts.hostname, ...checked.error.details } }),
            null,
          );
          return;
        }
        buildConnector({ timeout: options.timeoutMs, lookup: pinnedLookup(checked.value) })(opts, callback);
      },
      (error: Error) => callback(error, null),
    );
  };
};
