import type { GetPromptResult, ListPromptsResult } from '@modelcontextprotocol/server';
import { ProtocolError, ProtocolErrorCode } from '@modelcontextprotocol/server';
import type * as z from 'zod/v4';
import { describeIssues } from './tool-registry.js';

/** Prompt arguments are strings on the wire (MCP `prompts/get`): each field a zod string, described. */
// biome-ignore lint/suspicious/noExplicitAny: the shapes of prompt arguments are heterogeneous by nature
export type PromptArguments = z.ZodObject<any>;

export interface PromptMessage {
  role: 'user' | 'assistant';
  content: { type: 'text'; text: string };
}

export interface PromptDefinition<A extends PromptArguments = PromptArguments> {
  /** snake_case, like tools. */
  name: string;
  title?: string;
  description: string;
  arguments: A;
  render: (args: z.output<A>) => { description?: string; messages: PromptMessage[] };
}

/** Identity at runtime; gives `render` its argument types from the zod schema. */
export const definePrompt = <A extends PromptArguments>(
  definition: PromptDefinition<A>,
): PromptDefinition<A> => definition;

export interface PromptSet {
  list: ListPromptsResult;
  /** The rendered prompt; an unknown name or bad arguments throw InvalidParams, naming the field. */
  get: (name: string, args: Record<string, string> | undefined) => GetPromptResult;
}

/** Compiles the prompts once at start-up: the listing is built once, arguments are checked per call. */
export const createPromptSet = (prompts: readonly PromptDefinition[]): PromptSet => {
  const byName = new Map(prompts.map((p) => [p.name, p]));
  if (byName.size !== prompts.length) throw new Error('A prompt is defined twice');
  const list: ListPromptsResult = {
    prompts: prompts.map((p) => ({
      name: p.name,
      ...(p.title ? { title: p.title } : {}),
      description: p.description,
      arguments: Object.entries(p.arguments.shape as Record<string, z.ZodType>).map(([name, schema]) => ({
        name,
        ...(schema.description ? { description: schema.description } : {}),
        required: !schema.safeParse(undefined).success,
      })),
    })),
  };
  return {
    list,
    get: (name, args) => {
      const prompt = byName.get(name);
      if (!prompt) {
        throw new ProtocolError(
          ProtocolErrorCode.InvalidParams,
          `Unknown prompt "${name.slice(0, 64)}". Available: ${[...byName.keys()].join(', ')}.`,
        );
      }
      const parsed = prompt.arguments.safeParse(args ?? {});
      if (!parsed.success) {
        throw new ProtocolError(
          ProtocolErrorCode.InvalidParams,
          `Invalid arguments for prompt ${name}: ${describeIssues(parsed.error.issues)}`,
        );
      }
      return prompt.render(parsed.data);
    },
  };
};
