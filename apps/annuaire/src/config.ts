import { registerEnvShape } from '@mcp/recherche-entreprises';
import * as z from 'zod/v4';

/**
 * This app's own env variables (the common ones come from @mcp/core): the register client's
 * ANNUAIRE_BASE_URL, ANNUAIRE_CACHE_TTL_S, ANNUAIRE_TIMEOUT_MS and ANNUAIRE_RATE_LIMIT_PER_S.
 */
export const annuaireEnv = z.object({ ...registerEnvShape });
export type AnnuaireEnv = z.output<typeof annuaireEnv>;
