import { safeFetchOptionsFromEnv, type ToolsContext } from '@mcp/core';
import type { RdapEnv } from './config.js';
import type { Registries } from './service/registries.js';
import { createBootstrapStore } from './upstream/bootstrap-store.js';
import { createRdapHttp } from './upstream/rdap.js';
import { createWhoisClient } from './upstream/whois.js';

/** What the tools share: the registry clients, built once from the env, handed to each tool by closure. */
export interface RdapDeps extends Registries {}

/** Builds the registry clients on the server's store and safeFetch; core closes them at shutdown. */
export const createRdapDeps = ({
  env,
  log,
  onClose,
  safeFetch,
  createUpstream,
}: ToolsContext<RdapEnv>): RdapDeps => {
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
    createUpstream,
    safeFetch,
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
  onClose(async () => {
    await bootstrap.settled();
    await http.close();
  });
  return {
    bootstrap,
    http,
    whois,
    frBaseUrl: env.RDAP_FR_BASE_URL,
    concurrencyPerRegistry: env.RDAP_CONCURRENCY_PER_REGISTRY,
    log,
  };
};
