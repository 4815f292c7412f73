import type { ErrorPayload } from '../errors.js';
import { readToolError } from '../tool-result.js';

/**
 * The `{ code, message, details? }` of a failed tool result, read the way every client must read it: from
 * the single text item of an `isError` result with no `structuredContent`. Throws, quoting the result, when
 * it is a success or any other shape, so a test that expects a failure cannot pass on the wrong wire form.
 * Takes the `result` of a JSON-RPC answer or what an SDK `Client.callTool` resolves to.
 */
export const toolErrorOf = (result: unknown): ErrorPayload => {
  const error =
    typeof result === 'object' && result !== null
      ? readToolError(result as Record<string, unknown>)
      : undefined;
  if (error === undefined) {
    throw new Error(
      `Expected a tool error (isError, one text item {"error":{code,message}}, no structuredContent); got ${JSON.stringify(result)?.slice(0, 500)}`,
    );
  }
  return error;
};
