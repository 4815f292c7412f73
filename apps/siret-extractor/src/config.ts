import { htmlEnv } from '@mcp/html';
import { registerEnvShape } from '@mcp/recherche-entreprises';
import * as z from 'zod/v4';

/** This app's own env variables (the common ones come from @mcp/core). None is required. */
export const extractorEnv = z.object({
  // ANNUAIRE_BASE_URL, ANNUAIRE_TIMEOUT_MS, ANNUAIRE_CACHE_TTL_S, ANNUAIRE_RATE_LIMIT_PER_S: the
  // register client's, for `verify: true` (one budget per API host, shared with annuaire on one Redis).
  ...registerEnvShape,
  FETCH_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .max(60_000)
    .default(15_000)
    .describe('Time limit of one page fetch (redirects included)'),
  // HTML_MAX_BYTES, HTML_MAX_DEPTH, HTML_PARSE_TIMEOUT_MS: the limits of every page parse.
  ...htmlEnv.shape,
});

export type ExtractorEnv = z.output<typeof extractorEnv>;
