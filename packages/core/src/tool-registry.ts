import type { CallToolResult, Tool } from '@modelcontextprotocol/server';
import type * as z from 'zod/v4';
import { lazyLogContext } from './call-context.js';
import { toolJsonSchema } from './json-schema.js';
import { createResultReuse, reuseKey } from './result-reuse.js';
import { type AnyTool, isToolFailure, type ToolContext } from './tool.js';
import { errorResult } from './tool-result.js';
import { traceReads } from './upstream/read-trace.js';

/** JSON of a handler's answer, or undefined when it has none (the schema check then says why). */
const jsonOf = (value: unknown): string | undefined => {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
};

/**
 * The tool set of one app, compiled once at start-up: JSON Schemas for `tools/list` and a lookup for
 * `tools/call`. The SDK's per-request factory then only wires two handlers onto a fresh `Server`.
 */
export interface ToolRegistry {
  readonly list: { tools: Tool[] };
  /** Whether `call` runs a tool of this name (any other name is answered as an unknown tool). */
  has: (name: string) => boolean;
  /** The output schema `tools/list` advertises for a tool: what the SDK projects its results against. */
  outputSchema: (name: string) => Tool['outputSchema'] | undefined;
  call: (name: string, args: unknown, ctx: ToolContext) => Promise<CallToolResult>;
}

const jsonSchemaOf = (schema: z.ZodType, io: 'input' | 'output'): Tool['inputSchema'] =>
  toolJsonSchema(schema, io) as Tool['inputSchema'];

/** "field `siren`: must be 9 digits; field `page`: expected number" — names every faulty field. */
export const describeIssues = (issues: readonly z.core.$ZodIssue[]): string =>
  issues
    .map((issue) => {
      const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(arguments)';
      return `${path}: ${issue.message}`;
    })
    .join('; ');

/** The longest piece of a client-sent tool name echoed back: enough to spot a typo, never a megabyte. */
export const MAX_ECHOED_NAME = 100;

const echoName = (name: string): string =>
  name.length > MAX_ECHOED_NAME ? `${name.slice(0, MAX_ECHOED_NAME)}…` : name;

/**
 * How long one tool call may run. SDK clients give up on a request after 60 s by default, and progress
 * notifications do not reset that clock (SDK v1), so every call answers — with `upstream_timeout` if it
 * must — well before: the handler's signal is aborted, which cancels its upstream calls.
 */
export const TOOL_DEADLINE_MS = 50_000;

const TIMED_OUT = Symbol('timed out');

export const createToolRegistry = (
  tools: readonly AnyTool[],
  options: {
    deadlineMs?: number;
    /** Reuse the results of cached calls (see result-reuse.ts): production. Off in tests and development. */
    reuseResults?: boolean;
  } = {},
): ToolRegistry => {
  const defaultDeadlineMs = options.deadlineMs ?? TOOL_DEADLINE_MS;
  const reuse = options.reuseResults ? createResultReuse() : undefined;
  const byName = new Map<string, AnyTool>();
  for (const tool of tools) {
    if (!/^[a-z][a-z0-9_]*$/.test(tool.name)) throw new Error(`Tool name "${tool.name}" must be snake_case`);
    if (byName.has(tool.name)) throw new Error(`Tool "${tool.name}" is defined twice`);
    byName.set(tool.name, tool);
  }
  const list = {
    tools: tools.map(
      (tool): Tool => ({
        name: tool.name,
        title: tool.title,
        description: tool.description,
        inputSchema: jsonSchemaOf(tool.input, 'input'),
        outputSchema: jsonSchemaOf(tool.output, 'output') as Tool['outputSchema'],
        ...(tool.annotations ? { annotations: { title: tool.title, ...tool.annotations } } : {}),
      }),
    ),
  };

  const run = async (
    name: string,
    rawArgs: unknown,
    ctx: ToolContext,
    key: string | undefined,
  ): Promise<CallToolResult> => {
    const tool = byName.get(name);
    if (!tool) {
      return errorResult({
        code: 'invalid_input',
        message: `Unknown tool "${echoName(name)}". Available: ${[...byName.keys()].join(', ')}.`,
        details: { fields: ['name'] },
      });
    }
    const parsed = tool.input.safeParse(rawArgs ?? {});
    if (!parsed.success) {
      const fields = [
        ...new Set(
          parsed.error.issues.map((i: z.core.$ZodIssue) => i.path.map(String).join('.') || '(arguments)'),
        ),
      ];
      return errorResult({
        code: 'invalid_input',
        message: `Invalid arguments for ${name}: ${describeIssues(parsed.error.issues)}`,
        details: { fields },
      });
    }
    const deadlineMs = tool.deadlineMs ?? defaultDeadlineMs;
    const controller = new AbortController();
    const cancel = () => controller.abort(ctx.signal.reason);
    if (ctx.signal.aborted) cancel();
    else ctx.signal.addEventListener('abort', cancel, { once: true });
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
      timer = setTimeout(() => {
        controller.abort(new Error(`deadline of ${deadlineMs} ms`));
        resolve(TIMED_OUT);
      }, deadlineMs);
    });
    // The caller's logger is passed on, not read: the caller builds its child logger lazily.
    const handlerCtx = lazyLogContext({
      signal: controller.signal,
      progress: ctx.progress,
      fetchBudget: ctx.fetchBudget,
      makeLog: () => ctx.log,
    });
    const timeoutResult = () =>
      errorResult({
        code: 'upstream_timeout',
        message: `The ${name} tool did not finish within ${Math.round(deadlineMs / 1000)} s; its upstreams are too slow right now. Retry later.`,
        details: { deadline_ms: deadlineMs },
      });
    let value: unknown;
    try {
      value = await Promise.race([tool.handler(parsed.data, handlerCtx), deadline]);
    } catch (error) {
      if (controller.signal.aborted && !ctx.signal.aborted) return timeoutResult();
      if (ctx.signal.aborted) {
        return errorResult({
          code: 'upstream_timeout',
          message: 'The request was cancelled before it finished.',
        });
      }
      ctx.log.error({ err: error, tool: name }, 'tool handler threw');
      return errorResult({ code: 'internal_error', message: `The ${name} tool failed unexpectedly.` });
    } finally {
      clearTimeout(timer);
      ctx.signal.removeEventListener('abort', cancel);
    }
    if (value === TIMED_OUT) return timeoutResult();
    if (isToolFailure(value)) return errorResult(value.error);
    const raw = reuse && key !== undefined ? jsonOf(value) : undefined;
    const same = raw === undefined || key === undefined ? undefined : reuse?.sameAnswer(key, raw);
    if (same) return same;
    const out = tool.output.safeParse(value);
    if (!out.success) {
      ctx.log.error({ tool: name, issues: out.error.issues }, 'tool output does not match its schema');
      return errorResult({ code: 'internal_error', message: `The ${name} tool produced an invalid answer.` });
    }
    const result: CallToolResult = {
      content: [{ type: 'text', text: JSON.stringify(out.data) }],
      structuredContent: out.data as Record<string, unknown>,
    };
    if (raw !== undefined && key !== undefined) lastRaw.set(result, raw);
    return result;
  };

  // The handler's JSON behind each fresh result, read back once the call is done (kept with it).
  const lastRaw = new WeakMap<CallToolResult, string>();

  const call = async (name: string, rawArgs: unknown, ctx: ToolContext): Promise<CallToolResult> => {
    const key = reuse && byName.has(name) ? reuseKey(name, rawArgs) : undefined;
    if (!reuse || key === undefined) return run(name, rawArgs, ctx, undefined);
    const replayed = await reuse.replay(key);
    if (replayed) return replayed;
    const { value: result, trace } = await traceReads(() => run(name, rawArgs, ctx, key));
    if (!result.isError) {
      const raw = lastRaw.get(result);
      reuse.keep(key, { result, trace, ...(raw === undefined ? {} : { raw }) });
    }
    return result;
  };

  const outputSchemas = new Map(list.tools.map((t) => [t.name, t.outputSchema]));
  return {
    list,
    has: (name) => byName.has(name),
    outputSchema: (name) => outputSchemas.get(name),
    call,
  };
};
