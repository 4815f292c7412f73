import type { LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { err, ok, type Result } from '../errors.js';
import { bareHost, checkAddress } from './address.js';
import { type Resolver, resolveHost, systemResolver } from './resolve.js';

export interface TargetPolicy {
  /**
   * Hosts (as written in the URL) for which the address check is lifted (tests on 127.0.0.1). When
   * `allowPorts` is not empty, only on those ports and 80/443, so one port of a lifted host can be
   * trusted while another (a canary, an internal service) stays closed.
   */
  allowHosts: ReadonlySet<string>;
  /** Ports allowed besides 80 and 443. */
  allowPorts: ReadonlySet<number>;
  resolver: Resolver;
  /** `host:port` pairs the operator configured (base URLs from env): trusted as they are. */
  trustedEndpoints?: ReadonlySet<string>;
}

export interface TargetPolicyOptions {
  allowHosts?: string[];
  allowPorts?: number[];
  /** The operator's own base URLs (env): trusted on their host and port only. */
  trustedUrls?: string[];
  resolver?: Resolver;
}

const endpointOf = (raw: string): string => {
  const url = new URL(raw);
  return `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
};

export const createTargetPolicy = (options: TargetPolicyOptions = {}): TargetPolicy => ({
  allowHosts: new Set((options.allowHosts ?? []).map(bareHost)),
  allowPorts: new Set(options.allowPorts ?? []),
  resolver: options.resolver ?? systemResolver,
  trustedEndpoints: new Set((options.trustedUrls ?? []).map(endpointOf)),
});

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
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  const addresses = await checkEndpoint(host, port, policy, signal);
  if (!addresses.ok)
    return err(addresses.error.code, addresses.error.message, { url: where, ...addresses.error.details });
  return ok({ url, host, addresses: addresses.value });
};

/**
 * The port and address checks for one host and port, whatever the protocol (HTTP hops, WHOIS on
 * port 43): resolves the name and returns the addresses a connection may be pinned to.
 */
export const checkEndpoint = async (
  rawHost: string,
  port: number,
  policy: TargetPolicy,
  signal: AbortSignal,
): Promise<Result<LookupAddress[]>> => {
  const host = bareHost(rawHost);
  const endpoint = isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
  const operator = policy.trustedEndpoints?.has(endpoint) ?? false;
  const lifted = policy.allowHosts.has(host);
  const portOk =
    DEFAULT_PORTS.has(port) || policy.allowPorts.has(port) || (lifted && policy.allowPorts.size === 0);
  if (!operator && !portOk) {
    return err('forbidden_target', `Port ${port} is not allowed; only 80 and 443 can be fetched.`, {
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
    return err('not_found', `The host ${host} does not resolve (${code}).`, { reason: 'dns', code });
  }
  if (addresses.length === 0) return err('not_found', `The host ${host} has no address.`, { reason: 'dns' });
  if (!operator && !lifted) {
    for (const { address } of addresses) {
      const verdict = checkAddress(address);
      if (!verdict.allowed) {
        return err(
          'forbidden_target',
          `${host} points to a ${verdict.range} address (${address}), which is not fetched.`,
          { reason: 'address', address, range: verdict.range },
        );
      }
    }
  }
  return ok(addresses);
};
