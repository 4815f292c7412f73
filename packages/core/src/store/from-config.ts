import type { Logger } from 'pino';
import type { CoreConfig } from '../config.js';
import { createMemoryStore } from './memory.js';
import type { Store } from './types.js';

/** `mcp:<app>:` unless REDIS_PREFIX says otherwise: apps sharing one Redis keep apart. */
export const defaultRedisPrefix = (app: string): string => `mcp:${app}:`;

/** REDIS_PREFIX as written (`mcp-annuaire`) or with its separator (`mcp:annuaire:`): keys read `<prefix>:…`. */
export const redisPrefix = (configured: string | undefined, app: string): string => {
  const prefix = configured?.trim() || defaultRedisPrefix(app);
  return prefix.endsWith(':') ? prefix : `${prefix}:`;
};

/**
 * The one store of a server: Redis when REDIS_URL is set (shared by replicas, local fallback while it
 * is down), else in-memory. Upstream clients, caches and the failed-auth throttle all use it. The Redis
 * store (and ioredis with it, ~1.3 MB of RSS) is loaded only when REDIS_URL is set.
 */
export const createStoreFromConfig = async (
  config: Pick<CoreConfig, 'REDIS_URL' | 'REDIS_PREFIX'>,
  app: string,
  log: Logger,
): Promise<Store> => {
  if (!config.REDIS_URL) return createMemoryStore({ maxEntries: 5000 });
  const { createRedisStore } = await import('./redis.js');
  return createRedisStore({
    url: config.REDIS_URL,
    prefix: redisPrefix(config.REDIS_PREFIX, app),
    log: log.child({ component: 'store' }),
  });
};
