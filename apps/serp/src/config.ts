import { searchEnvShape } from '@mcp/search';
import * as z from 'zod/v4';

/** serp's own env: the search provider variables of @mcp/search (see README for each). */
export const serpEnv = z.object(searchEnvShape);
export type SerpEnv = z.output<typeof serpEnv>;
