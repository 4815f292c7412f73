import type { AnyTool, ErrorPayload, Result, ToolContext } from '@mcp/core';
import { isToolFailure } from '@mcp/core';

/**
 * Calls another app's tool in process, as the MCP layer would: input parsed by its schema (defaults
 * applied), its handler run with the caller's context, its answer parsed by its output schema. The
 * dossier reads the same answers a client would get, with no JSON-RPC round trip.
 */
export const invokeTool = async <T>(tool: AnyTool, args: unknown, ctx: ToolContext): Promise<Result<T>> => {
  const input = tool.input.safeParse(args);
  if (!input.success) return { ok: false, error: badCall(tool, input.error.message) };
  let answer: unknown;
  try {
    answer = await tool.handler(input.data, ctx);
  } catch (error) {
    if (ctx.signal.aborted)
      return { ok: false, error: { code: 'upstream_timeout', message: 'Stopped at the deadline.' } };
    ctx.log.error({ err: error, tool: tool.name }, 'tool threw inside the dossier');
    return { ok: false, error: { code: 'internal_error', message: `${tool.name} failed unexpectedly.` } };
  }
  if (isToolFailure(answer)) return { ok: false, error: answer.error };
  const output = tool.output.safeParse(answer);
  if (!output.success) return { ok: false, error: badCall(tool, 'its answer did not match its schema') };
  return { ok: true, value: output.data as T };
};

const badCall = (tool: AnyTool, why: string): ErrorPayload => ({
  code: 'internal_error',
  message: `${tool.name} could not be called for the dossier: ${why}.`,
});
