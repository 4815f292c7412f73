import type { CallToolResult, Tool } from '@modelcontextprotocol/server';
import * as z from 'zod/v4';
import type { ErrorPayload } from './errors.js';
import { type AnyTool, isToolFailure, type ToolContext } from './tool.js';

/**
 * The tool set of one app, compiled once at start-up: JSON Schemas for `tools/list` and a lookup for
 * `tools/call`. The SDK's per-request factory then only wires two handlers onto a fresh `Server`.
 */
export interface ToolRegistry {
  readonly list: { tools: Tool[] };
  call: (name: string, args: unknown, ctx: ToolContext) => Promise<CallToolResult>;
}

const jsonSchemaOf = (schema: z.ZodType, io: 'input' | 'output'): Tool['inputSchema'] => {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  delete json.$schema;
  return { ...json, type: 'object' } as Tool['inputSchema'];
};

export const errorResult = (error: ErrorPayload): CallToolResult => ({
  isError: true,
  content: [{ type: 'text', text: `${error.code}: ${error.message}` }],
  structuredContent: { error },
});

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

export const createToolRegistry = (tools: readonly AnyTool[]): ToolRegistry => {
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

  const call = async (name: string, rawArgs: unknown, ctx: ToolContext): Promise<CallToolResult> => {
    const tool = byName.get(name);
    if (!tool) {
      return errorResult({
        code: 'invalid_input',
        message: `Unknown tool "${echoName(name)}". Available: ${[...byName.keys()].join(', ')}.`,
        details: { field: 'name' },
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
    let value: unknown;
    try {
      value = await tool.handler(parsed.data, ctx);
    } catch (error) {
      if (ctx.signal.aborted) {
        return errorResult({
          code: 'upstream_timeout',
          message: 'The request was cancelled before it finished.',
        });
      }
      ctx.log.error({ err: error, tool: name }, 'tool handler threw');
      return errorResult({ code: 'internal_error', message: `The ${name} tool failed unexpectedly.` });
    }
    if (isToolFailure(value)) return errorResult(value.error);
    const out = tool.output.safeParse(value);
    if (!out.success) {
      ctx.log.error({ tool: name, issues: out.error.issues }, 'tool output does not match its schema');
      return errorResult({ code: 'internal_error', message: `The ${name} tool produced an invalid answer.` });
    }
    return {
      content: [{ type: 'text', text: JSON.stringify(out.data) }],
      structuredContent: out.data as Record<string, unknown>,
    };
  };

  return { list, call };
};
