import { connect } from 'node:net';
import {
  checkEndpoint,
  createSemaphore,
  createTargetPolicy,
  err,
  ok,
  type Result,
  type Semaphore,
  type TargetPolicyOptions,
} from '@mcp/core';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import { WHOIS_OVERRIDES } from './overrides.js';

export interface WhoisClientOptions {
  /** One connection, connect to last byte. */
  timeoutMs: number;
  /** Largest accepted answer; WHOIS answers are a few KB. */
  maxBytes: number;
  /** `WHOIS_HOST`: every connection goes there instead of the real server (tests). */
  hostOverride?: string | undefined;
  /** `WHOIS_PORT`: default 43. */
  port?: number | undefined;
  /** Answers are cached this long (default 10 min); IANA referrals for 24 h. */
  cacheTtlMs?: number;
  /** Simultaneous connections per WHOIS server (they ban eagerly). Default 2. */
  perHostConcurrency?: number;
  /**
   * The SSRF guard for WHOIS hosts, which come from whois.iana.org's `refer:` lines (third-party
   * data): every address a host resolves to must be public, as for safeFetch, and the socket goes to
   * a checked address. `allowHosts` lifts it (tests); `resolver` replaces DNS (tests). The port is the
   * operator's `WHOIS_PORT`. Not applied with `hostOverride`, which is the operator's own server.
   */
  guard?: Pick<TargetPolicyOptions, 'allowHosts' | 'resolver'>;
  log?: Logger;
}

/** What whois.iana.org says about a TLD. */
export interface TldReferral {
  /** false when IANA has no such TLD. */
  known: boolean;
  /** The registry's WHOIS server, when it has one. */
  whoisHost: string | null;
}

export interface WhoisClient {
  /** Asks `host` about `name` (one line, CRLF); the answer decoded as UTF-8, or Latin-1 when it is not. */
  query: (host: string, name: string, signal?: AbortSignal) => Promise<Result<string>>;
  /** The WHOIS server of a TLD: built-in table first, then whois.iana.org (cached). */
  referral: (tld: string, signal?: AbortSignal) => Promise<Result<TldReferral>>;
}

export const IANA_WHOIS = 'whois.iana.org';

/** Queries that may wait for one WHOIS server; past it, `rate_limited` at once (servers ban eagerly anyway). */
export const MAX_WAITING = 50;

const decode = (bytes: Buffer): string => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
};

/** Some servers want flags: DENIC only prints the holder's data with `-T dn,ace`. */
const queryLine = (host: string, name: string): string =>
  host === 'whois.denic.de' ? `-T dn,ace ${name}` : name;

/** whois.iana.org: `refer:` (or `whois:`) names the TLD's server; "0 objects" means no such TLD. */
export const parseIanaReferral = (text: string): TldReferral => {
  if (/returned 0 objects/i.test(text) || !/^domain:/im.test(text)) return { known: false, whoisHost: null };
  const host = /^(?:refer|whois):\s*(\S+)/im.exec(text)?.[1]?.toLowerCase() ?? null;
  return { known: true, whoisHost: host };
};

export const createWhoisClient = (options: WhoisClientOptions): WhoisClient => {
  const port = options.port ?? 43;
  const ttl = options.cacheTtlMs ?? 10 * 60_000;
  // ttl 0 disables the answer cache (LRUCache would read 0 as "never expires").
  const answers = new LRUCache<string, string>({ max: 500, ttl: Math.max(ttl, 1) });
  const referrals = new LRUCache<string, TldReferral>({ max: 2000, ttl: 24 * 60 * 60_000 });
  // Per WHOIS server: `perHostConcurrency` connections, at most MAX_WAITING queries waiting.
  const gates = new Map<string, Semaphore>();
  const gateFor = (host: string): Semaphore => {
    let gate = gates.get(host);
    if (!gate) {
      gate = createSemaphore({ limit: options.perHostConcurrency ?? 2, maxQueue: MAX_WAITING });
      gates.set(host, gate);
    }
    return gate;
  };
  const limited = async (host: string, run: () => Promise<Result<string>>, signal?: AbortSignal) => {
    const slot = await gateFor(host).acquire(signal);
    if (!slot.ok) {
      return slot.reason === 'aborted'
        ? err('upstream_timeout', `The WHOIS query to ${host} was cancelled.`, { cancelled: true })
        : err('rate_limited', `Too many queries are waiting for WHOIS server ${host}; retry shortly.`, {
            reason: 'whois_queue',
            retry_after_s: 1,
          });
    }
    try {
      return await run();
    } finally {
      slot.release();
    }
  };

  // The WHOIS port is the operator's choice (43): only the addresses are checked.
  const policy = createTargetPolicy({ ...options.guard, allowPorts: [port] });

  /** Where to connect for `host`: the override, or a checked address of the host. */
  const resolveTarget = async (host: string, signal?: AbortSignal): Promise<Result<string>> => {
    if (options.hostOverride) return ok(options.hostOverride);
    const timer = AbortSignal.timeout(options.timeoutMs);
    const checked = await checkEndpoint(
      host,
      port,
      policy,
      signal ? AbortSignal.any([signal, timer]) : timer,
    ).catch(() =>
      err('upstream_timeout', `The WHOIS server ${host} did not resolve in time.`, {
        timeout_ms: options.timeoutMs,
      }),
    );
    if (!checked.ok) {
      return checked.error.code === 'forbidden_target'
        ? err('forbidden_target', `WHOIS server ${host}: ${checked.error.message}`, {
            host,
            ...checked.error.details,
          })
        : checked;
    }
    const first = checked.value[0];
    return first ? ok(first.address) : err('not_found', `The WHOIS server ${host} has no address.`, { host });
  };

  const send = async (host: string, line: string, signal?: AbortSignal): Promise<Result<string>> => {
    const target = await resolveTarget(host, signal);
    if (!target.ok) return target;
    return exchange(host, target.value, line, signal);
  };

  const exchange = (
    host: string,
    target: string,
    line: string,
    signal?: AbortSignal,
  ): Promise<Result<string>> =>
    new Promise((resolve) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let done = false;
      const socket = connect({ host: target, port });
      const finish = (result: Result<string>) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        socket.destroy();
        resolve(result);
      };
      const onAbort = () =>
        finish(err('upstream_timeout', `The WHOIS query to ${host} was cancelled.`, { cancelled: true }));
      const timer = setTimeout(
        () =>
          finish(
            err('upstream_timeout', `WHOIS server ${host} did not answer within ${options.timeoutMs} ms.`, {
              timeout_ms: options.timeoutMs,
            }),
          ),
        options.timeoutMs,
      );
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      socket.on('connect', () => socket.write(`${line}\r\n`));
      socket.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) {
          finish(
            err('upstream_too_large', `WHOIS server ${host} sent more than ${options.maxBytes} bytes.`, {
              max_bytes: options.maxBytes,
            }),
          );
          return;
        }
        chunks.push(chunk);
      });
      socket.on('error', (e: NodeJS.ErrnoException) =>
        finish(
          err('upstream_http', `WHOIS server ${host} could not be reached (${e.code ?? 'error'}).`, {
            network: e.code ?? 'error',
          }),
        ),
      );
      socket.on('close', () => {
        const text = decode(Buffer.concat(chunks));
        finish(
          text.trim() === ''
            ? err('upstream_bad_response', `WHOIS server ${host} closed the connection without answering.`)
            : ok(text),
        );
      });
    });

  const query: WhoisClient['query'] = async (host, name, signal) => {
    const key = `${host}|${name}`;
    const hit = answers.get(key);
    if (hit !== undefined) return ok(hit);
    const line = queryLine(host, name);
    const result = await limited(host, () => send(host, line, signal), signal);
    if (!result.ok) options.log?.warn({ host, code: result.error.code }, 'whois query failed');
    else if (ttl > 0) answers.set(key, result.value);
    return result;
  };

  const referral: WhoisClient['referral'] = async (tld, signal) => {
    const builtIn = WHOIS_OVERRIDES[tld];
    if (builtIn) return ok({ known: true, whoisHost: builtIn });
    const hit = referrals.get(tld);
    if (hit) return ok(hit);
    const answer = await query(IANA_WHOIS, tld, signal);
    if (!answer.ok) return answer;
    const parsed = parseIanaReferral(answer.value);
    referrals.set(tld, parsed);
    return ok(parsed);
  };

  return { query, referral };
};
