import {
  type CoreConfig,
  createSafeFetch,
  type SafeFetch,
  type Store,
  safeFetchOptionsFromEnv,
} from '@mcp/core';
import type { Logger } from 'pino';
import { type BootstrapStore, createBootstrapStore } from './bootstrap/store.js';
import type { RdapEnv } from './config.js';
import { createRdapHttp, type RdapHttp } from './upstream/rdap.js';
import { createWhoisClient, type WhoisClient } from './whois/client.js';

/** What the tools share: built once from the env, handed to each tool by closure. */
export interface RdapDeps {
  bootstrap: BootstrapStore;
  http: RdapHttp;
  whois: WhoisClient;
  /** `RDAP_FR_BASE_URL` when set: wins over the bootstrap for the AFNIC TLDs. */
  frBaseUrl: string | undefined;
  /** Simultaneous lookups per registry in check_availability. */
  concurrencyPerRegistry: number;
  log: Logger;
  close: () => Promise<void>;
}

/**
 * `env`: core's parsed env (`ctx.env`, or `loadConfig(rdapEnvSchema, …)` in tests), which carries the
 * SAFE_FETCH_ALLOW_* test switches. `safeFetch`: the process's (core's `ctx.safeFetch`, under
 * FETCH_CONCURRENCY); tests may leave it out and get one built from the same env.
 */
export const createRdapDeps = (
  env: CoreConfig & RdapEnv,
  log: Logger,
  store?: Store,
  safeFetch?: SafeFetch,
): RdapDeps => {
  const allow = safeFetchOptionsFromEnv({
    SAFE_FETCH_ALLOW_HOSTS: env.SAFE_FETCH_ALLOW_HOSTS,
    SAFE_FETCH_ALLOW_PORTS: env.SAFE_FETCH_ALLOW_PORTS,
  });
  // Only the operator's own URLs are trusted; every registry, registrar and redirect is checked.
  const trustedUrls = [env.RDAP_FR_BASE_URL, env.RDAP_SERVERS_OVERRIDE_URL].filter(
    (u): u is string => u !== undefined,
  );
  const http = createRdapHttp({
    bootstrapUrl: env.RDAP_BOOTSTRAP_URL,
    serversOverride: env.RDAP_SERVERS_OVERRIDE_URL,
    timeoutMs: env.RDAP_TIMEOUT_MS,
    cacheTtlMs: env.RDAP_CACHE_TTL_S * 1000,
    perSecond: env.RDAP_RATE_PER_SECOND,
    store,
    safeFetch: safeFetch ?? createSafeFetch({ ...allow, log }),
    guard: { ...allow, trustedUrls },
  });
  const bootstrap = createBootstrapStore({
    fetchFile: (kind) => http.bootstrapFile(kind),
    ttlMs: env.RDAP_BOOTSTRAP_TTL_S * 1000,
    log,
  });
  const whois = createWhoisClient({
    timeoutMs: env.WHOIS_TIMEOUT_MS,
    maxBytes: env.WHOIS_MAX_BYTES,
    hostOverride: env.WHOIS_HOST,
    port: env.WHOIS_PORT,
    cacheTtlMs: env.RDAP_CACHE_TTL_S * 1000,
    guard: allow,
    log,
  });
  return {
    bootstrap,
    http,
    whois,
    frBaseUrl: env.RDAP_FR_BASE_URL,
    concurrencyPerRegistry: env.RDAP_CONCURRENCY_PER_REGISTRY,
    log,
    close: async () => {
      await bootstrap.settled();
      await http.close();
    },
  };
};
