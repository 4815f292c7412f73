import { type Logger, pino } from 'pino';
import type * as z from 'zod/v4';
import { loadConfig } from '../config.js';
import { safeFetchOptionsFromEnv } from '../safe-fetch/env.js';
import { createSafeFetch, type SafeFetch } from '../safe-fetch/safe-fetch.js';
import { createMemoryStore } from '../store/memory.js';
import { createToolsContext, type ToolsContext } from '../tools-context.js';

export interface TestToolsContext<E> {
  ctx: ToolsContext<E>;
  /** Runs the cleanups the app registered with `onClose`, then closes the store (as the server does). */
  close: () => Promise<void>;
}

/**
 * The context `createServer`'s `tools` callback receives, built from a plain env map (core's schema
 * plus the app's, as at start-up) with an in-memory store: for tests that build an app's deps and
 * tools without starting a server.
 */
export const testToolsContext = <S extends z.ZodObject>(
  appEnv: S,
  env: Record<string, string> = {},
  options: { log?: Logger; safeFetch?: SafeFetch } = {},
): TestToolsContext<z.output<S>> => {
  const config = loadConfig(appEnv, env);
  const log = options.log ?? pino({ level: 'silent' });
  const { ctx, dispose } = createToolsContext<z.output<S>>({
    env: config,
    log,
    store: createMemoryStore(),
    safeFetch:
      options.safeFetch ??
      createSafeFetch({
        ...safeFetchOptionsFromEnv({
          SAFE_FETCH_ALLOW_HOSTS: config.SAFE_FETCH_ALLOW_HOSTS,
          SAFE_FETCH_ALLOW_PORTS: config.SAFE_FETCH_ALLOW_PORTS,
        }),
        log,
      }),
  });
  return { ctx, close: dispose };
};
