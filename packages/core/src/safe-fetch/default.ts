import { pino } from 'pino';
import { err } from '../errors.js';
import { safeFetchOptionsFromEnv } from './env.js';
import { createSafeFetch, type SafeFetch, type SafeFetchLogger } from './safe-fetch.js';

/** A safeFetch configured from `SAFE_FETCH_ALLOW_HOSTS` / `SAFE_FETCH_ALLOW_PORTS`; warns once if either is set. */
export const createSafeFetchFromEnv = (
  env: NodeJS.ProcessEnv = process.env,
  log?: SafeFetchLogger,
): SafeFetch => createSafeFetch({ ...safeFetchOptionsFromEnv(env), ...(log && { log }) });

const stderrLogger = (): SafeFetchLogger => pino({ name: 'safe-fetch', level: 'warn' }, pino.destination(2));

let shared: SafeFetch | undefined;

/**
 * The process-wide safeFetch, built on first use from the environment (so tests can set the env
 * before their first call). A malformed SAFE_FETCH_ALLOW_PORTS is reported as `not_configured`.
 */
export const safeFetch: SafeFetch = async (url, options) => {
  if (!shared) {
    try {
      shared = createSafeFetchFromEnv(process.env, stderrLogger());
    } catch (error) {
      return err('not_configured', error instanceof Error ? error.message : String(error));
    }
  }
  return shared(url, options);
};
