import type { Logger } from 'pino';
import type { CoreConfig } from './config.js';
import type { Metrics } from './metrics/types.js';
import type { SafeFetch } from './safe-fetch/safe-fetch.js';
import type { Store } from './store/types.js';
import type { Upstream, UpstreamOptions } from './upstream/types.js';
import { createUpstream } from './upstream/upstream.js';

export interface ToolsContext<E> {
  env: CoreConfig & E;
  log: Logger;
  /**
   * The server's one store (REDIS_URL: Redis shared by replicas, else in-memory), already given to
   * `createUpstream` below. Closed by the server after the app's own cleanups.
   */
  store: Store;
  /** Registers cleanup (timers, pools the app opened itself) run when the server shuts down. */
  onClose: (cleanup: () => Promise<void> | void) => void;
  /**
   * The process's SSRF-guarded fetch for pages and links from third-party data: at most
   * `FETCH_CONCURRENCY` in flight across all tools (a bounded queue for the rest). Pass the handler's
   * `ctx.fetchBudget` on each call (`{ budget }`).
   */
  safeFetch: SafeFetch;
  /**
   * Core's `createUpstream` bound to this server: `store` defaults to the server's store (rate limits,
   * cache and single-flight shared by replicas), `metrics` to the server's (METRICS_ENABLED), and every
   * client made here is closed by the server at shutdown, after the app's own cleanups. A request may
   * carry the handler's `ctx.fetchBudget` (`{ budget }`) to count against the per-request limit.
   */
  createUpstream: (options: UpstreamOptions) => Upstream;
}

/**
 * The context an app's `tools` callback gets, and its disposal: the app's cleanups, then the upstream
 * clients made through it (a cleanup may still flush through them), then the store. Used by the
 * server and by the test kit, so tests build deps exactly as production does.
 */
export const createToolsContext = <E>(parts: {
  env: CoreConfig & E;
  log: Logger;
  store: Store;
  safeFetch: SafeFetch;
  metrics?: Metrics | undefined;
}): { ctx: ToolsContext<E>; dispose: () => Promise<void> } => {
  const { log, store, metrics } = parts;
  const cleanups: Array<() => Promise<void> | void> = [];
  const upstreams: Upstream[] = [];
  const settle = async (what: string, closes: Array<Promise<void> | void>) => {
    const results = await Promise.allSettled(closes);
    for (const r of results) if (r.status === 'rejected') log.warn({ err: r.reason }, `${what} failed`);
  };
  let disposed = false;
  return {
    ctx: {
      env: parts.env,
      log,
      store,
      onClose: (cleanup) => cleanups.push(cleanup),
      safeFetch: parts.safeFetch,
      createUpstream: (options) => {
        const upstream = createUpstream({
          ...options,
          store: options.store ?? store,
          metrics: options.metrics ?? metrics,
        });
        upstreams.push(upstream);
        return upstream;
      },
    },
    dispose: async () => {
      await settle(
        'cleanup',
        cleanups.splice(0).map((cleanup) => cleanup()),
      );
      await settle(
        'upstream close',
        upstreams.splice(0).map((upstream) => upstream.close()),
      );
      if (disposed) return;
      disposed = true;
      await store.close().catch((error: unknown) => log.warn({ err: error }, 'store close failed'));
    },
  };
};
