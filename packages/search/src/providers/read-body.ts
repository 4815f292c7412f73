import { type ErrorPayload, parseUpstream, type Result } from '@mcp/core';
import type * as z from 'zod/v4';
import { providerError } from '../errors.js';

/**
 * Reads a provider's JSON body with its lenient schema; a body the schema cannot read is
 * `upstream_bad_response` (reason `upstream`, so the fallback tries the next provider) naming the JSON
 * path of the problem.
 */
export const readBody = <T extends z.ZodType>(
  schema: T,
  data: unknown,
  label: string,
): Result<z.output<T>, ErrorPayload> => {
  const parsed = parseUpstream(schema, data, label);
  if (parsed.ok) return parsed;
  return providerError('upstream_bad_response', parsed.error.message, 'upstream', parsed.error.details);
};
