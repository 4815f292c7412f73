import type { LookupAddress } from 'node:dns';
import { err, ok, type Result } from '../errors.js';
import { bareHost, checkAddress } from './address.js';
import { type Resolver, resolveHost } from './resolve.js';

export interface TargetPolicy {
  /** Hosts (as written in the URL) for which the address and port checks are lifted. */
  allowHosts: ReadonlySet<string>;
  /** Ports allowed besides 80 and 443. */
  allowPorts: ReadonlySet<number>;
  resolver: Resolver;
}

export interface CheckedTarget {
  url: URL;
  host: string;
  /** The addresses the connection is pinned to. */
  addresses: LookupAddress[];
}

// DNS lookups cannot be cancelled; stop waiting for one when the call is aborted.
const untilAborted = <T>(promise: Promise<T>, signal: AbortSignal): Promise<T> => {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
};

const DEFAULT_PORTS = new Set([80, 443]);

const forbidden = (url: string, message: string, details: Record<string, unknown>) =>
  err('forbidden_target', message, { url, ...details });

/**
 * Everything that decides whether a URL may be fetched, before any byte leaves: scheme, credentials,
 * port, then every address the name resolves to. One private address among public ones is enough to
 * refuse, since the connection could land on any of them.
 */
export const checkTarget = async (
  raw: string,
  policy: TargetPolicy,
  signal: AbortSignal,
): Promise<Result<CheckedTarget>> => {
  if (!URL.canParse(raw))
    return err('invalid_input', `"${raw.slice(0, 200)}" is not a valid URL.`, { url: raw });
  const url = new URL(raw);
  const where = url.href;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return forbidden(where, `Only http and https URLs can be fetched, not ${url.protocol}`, {
      reason: 'scheme',
    });
  }
  if (url.username || url.password) {
    return forbidden(where, 'URLs carrying a user name or password are refused.', { reason: 'credentials' });
  }
  const host = bareHost(url.hostname);
  const trusted = policy.allowHosts.has(host);
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  if (!trusted && !DEFAULT_PORTS.has(port) && !policy.allowPorts.has(port)) {
    return forbidden(where, `Port ${port} is not allowed; only 80 and 443 can be fetched.`, {
      reason: 'port',
      port,
    });
  }
  let addresses: LookupAddress[];
  try {
    addresses = await untilAborted(resolveHost(host, policy.resolver), signal);
  } catch (error) {
    if (signal.aborted) throw error;
    const code = (error as { code?: string }).code ?? 'DNS_ERROR';
    return err('not_found', `The host ${host} does not resolve (${code}).`, {
      url: where,
      reason: 'dns',
      code,
    });
  }
  if (addresses.length === 0) {
    return err('not_found', `The host ${host} has no address.`, { url: where, reason: 'dns' });
  }
  if (!trusted) {
    for (const { address } of addresses) {
      const verdict = checkAddress(address);
      if (!verdict.allowed) {
        return forbidden(
          where,
          `${host} points to a ${verdict.range} address (${address}), which is not fetched.`,
          {
            reason: 'address',
            address,
            range: verdict.range,
          },
        );
      }
    }
  }
  return ok({ url, host, addresses });
};
