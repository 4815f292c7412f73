// The register client's env variables, declared once: every app that talks to the API spreads this
// shape into its own env schema (`z.object({ ...registerEnvShape, … })`) and builds its client from it.
import * as z from 'zod/v4';
import type { RegisterClientOptions } from './client.js';
import { API_RATE_LIMIT_PER_SECOND, DEFAULT_BASE_URL } from './limits.js';

export const registerEnvShape = {
  ANNUAIRE_BASE_URL: z
    .url({ protocol: /^https?$/ })
    .default(DEFAULT_BASE_URL)
    .describe('Scheme + host (+ port) of the API Recherche d’entreprises; tests point it at loopback'),
  ANNUAIRE_CACHE_TTL_S: z.coerce
    .number()
    .int()
    .min(0)
    .max(86_400)
    .default(600)
    .describe('How long answers are reused, in seconds (0 = no cache)'),
  ANNUAIRE_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(120_000)
    .default(10_000)
    .describe('Time limit of one request to the API, in milliseconds'),
  ANNUAIRE_RATE_LIMIT_PER_S: z.coerce
    .number()
    .positive()
    .max(API_RATE_LIMIT_PER_SECOND)
    .default(API_RATE_LIMIT_PER_SECOND)
    .describe(
      'Requests per second towards the API (its hard limit is 7 per IP), shared by every app on the same Redis',
    ),
};

export type RegisterEnv = z.output<z.ZodObject<typeof registerEnvShape>>;

/** The client options an app's parsed env gives (add the server's `store`). */
export const registerClientOptions = (env: RegisterEnv): RegisterClientOptions => ({
  baseUrl: env.ANNUAIRE_BASE_URL,
  cacheTtlMs: env.ANNUAIRE_CACHE_TTL_S * 1000,
  timeoutMs: env.ANNUAIRE_TIMEOUT_MS,
  perSecond: env.ANNUAIRE_RATE_LIMIT_PER_S,
});
