import * as z from 'zod/v4';
import { DEFAULT_BASE_URL } from './upstream/annuaire.js';

/** This app's own env variables (the common ones come from @mcp/core). */
export const annuaireEnv = z.object({
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
  ANNUAIRE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  ANNUAIRE_RATE_LIMIT_PER_S: z.coerce
    .number()
    .positive()
    .max(7)
    .default(7)
    .describe('Requests per second towards the API (its hard limit is 7 per IP)'),
});
export type AnnuaireEnv = z.output<typeof annuaireEnv>;
