import { htmlEnv } from '@mcp/html';
import * as z from 'zod/v4';

export const DEFAULT_ANNUAIRE_BASE_URL = 'https://recherche-entreprises.api.gouv.fr';

/** This app's own env variables (the common ones come from @mcp/core). None is required. */
export const extractorEnv = z.object({
  ANNUAIRE_BASE_URL: z
    .url({ protocol: /^https?$/ })
    .default(DEFAULT_ANNUAIRE_BASE_URL)
    .describe('API Recherche d’entreprises, used by verify: true; tests point it at loopback'),
  ANNUAIRE_RATE_LIMIT_PER_S: z.coerce
    .number()
    .positive()
    .max(7)
    .default(7)
    .describe('Requests per second towards the API (its hard limit is 7 per IP)'),
  FETCH_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .max(60_000)
    .default(15_000)
    .describe('Time limit of one page fetch (redirects included) and of one registry check'),
  // HTML_MAX_BYTES, HTML_MAX_DEPTH, HTML_PARSE_TIMEOUT_MS: the limits of every page parse.
  ...htmlEnv.shape,
});

export type ExtractorEnv = z.output<typeof extractorEnv>;
