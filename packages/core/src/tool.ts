import type { ToolAnnotations } from '@modelcontextprotocol/server';
import type { Logger } from 'pino';
import type * as z from 'zod/v4';
import type { ErrorCode, ErrorPayload } from './errors.js';
import type { FetchBudget } from './limits/fetch-budget.js';

/** What a tool handler gets besides its arguments. */
export interface ToolContext {
  /** Aborted when the client cancels or disconnects; pass it to every upstream call. */
  signal: AbortSignal;
  /** pino child logger bound to the request and tool (stderr in stdio mode). */
  log: Logger;
  /** Sends `notifications/progress` when the client asked for it; a no-op otherwise. */
  progress: (progress: number, total?: number, message?: string) => Promise<void>;
  /**
   * The outbound page fetches this call may still make (`FETCH_BUDGET`), shared with the other calls
   * of the same HTTP request: pass it to safeFetch (`{ budget }`) and say so in the answer when a fetch
   * was refused (`isBudgetSpent`).
   */
  fetchBudget: FetchBudget;
}

const FAILURE = Symbol.for('mcp.core.toolFailure');

/** An expected failure returned by a handler; becomes an `isError` result whose one text item is `{"error":{…}}`. */
export interface ToolFailure {
  readonly [FAILURE]: true;
  readonly error: ErrorPayload;
}

export const toolError = (
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
): ToolFailure => ({
  [FAILURE]: true,
  error: details === undefined ? { code, message } : { code, message, details },
});

/** Turns an upstream `Result` error into a tool failure, so handlers can `return fail(res.error)`. */
export const fail = (error: ErrorPayload): ToolFailure => ({ [FAILURE]: true, error });

export const isToolFailure = (value: unknown): value is ToolFailure =>
  typeof value === 'object' && value !== null && FAILURE in value;

// biome-ignore lint/suspicious/noExplicitAny: zod object shapes are heterogeneous by nature
export type AnyZodObject = z.ZodObject<any>;

export interface ToolDefinition<
  I extends AnyZodObject = AnyZodObject,
  O extends AnyZodObject = AnyZodObject,
> {
  /** snake_case, fixed by the issues; part of the public contract. */
  name: string;
  title: string;
  description: string;
  input: I;
  output: O;
  annotations?: ToolAnnotations;
  /**
   * This tool's own time limit, when it is not the server's (TOOL_DEADLINE_MS). Only for a tool that
   * keeps its own deadline below it and answers with what it has by then (a dossier).
   */
  deadlineMs?: number;
  handler: (args: z.output<I>, ctx: ToolContext) => Promise<z.input<O> | ToolFailure>;
}

/** Identity at runtime; gives handlers their argument and result types from the zod schemas. */
export const defineTool = <I extends AnyZodObject, O extends AnyZodObject>(
  definition: ToolDefinition<I, O>,
): ToolDefinition<I, O> => definition;

// biome-ignore lint/suspicious/noExplicitAny: a registry holds tools of every shape
export type AnyTool = ToolDefinition<any, any>;
