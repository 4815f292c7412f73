import type { CallToolResult, PromptMessage, ServerContext, Tool } from '@modelcontextprotocol/server';
import * as z from 'zod/v4';
import { defineTool, toolError } from '../tool.js';

/*
 * What the official conformance scenarios (@modelcontextprotocol/conformance, `server` mode) ask a
 * server to implement. Tools that fit @mcp/core's contract (structured output, typed errors, progress)
 * are real `defineTool`s served through core's registry; the others return content types core's tools
 * never produce (image, audio, embedded resources, log notifications) and are answered by plain handlers
 * beside them. Sampling and elicitation are left out: a stateless server has no session through which the
 * client's answer to a server-to-client request could come back (see docs/benchmarks.md, conformance).
 */

/** A 1×1 red PNG. */
export const RED_PIXEL_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
/** A WAV file (8 kHz mono 8-bit PCM) of eight silent samples. */
const wav = (): string => {
  const samples = Buffer.alloc(8, 0x80);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(8000, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples.length, 40);
  return Buffer.concat([header, samples]).toString('base64');
};
export const SILENT_WAV = wav();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const conformanceCoreTools = [
  defineTool({
    name: 'test_simple_text',
    title: 'Simple text',
    description: 'Returns a fixed sentence (conformance: tools-call-simple-text).',
    input: z.object({}),
    output: z.object({ text: z.string() }),
    handler: async () => ({ text: 'This is a simple text response for testing.' }),
  }),
  defineTool({
    name: 'test_error_handling',
    title: 'Always fails',
    description: 'Always answers a typed error (conformance: tools-call-error).',
    input: z.object({}),
    output: z.object({}),
    handler: async () => toolError('internal_error', 'This tool intentionally returns an error for testing'),
  }),
  defineTool({
    name: 'test_tool_with_progress',
    title: 'Progress',
    description: 'Reports progress 0, 50 and 100 of 100 (conformance: tools-call-with-progress).',
    input: z.object({}),
    output: z.object({ done: z.boolean() }),
    handler: async (_args, { progress }) => {
      await progress(0, 100);
      await sleep(50);
      await progress(50, 100);
      await sleep(50);
      await progress(100, 100);
      return { done: true };
    },
  }),
];

const noArgs: Tool['inputSchema'] = { type: 'object', properties: {} };

export const conformancePlainTools: Tool[] = [
  { name: 'test_image_content', description: 'Returns a PNG image.', inputSchema: noArgs },
  { name: 'test_audio_content', description: 'Returns a WAV clip.', inputSchema: noArgs },
  { name: 'test_embedded_resource', description: 'Returns an embedded resource.', inputSchema: noArgs },
  { name: 'test_multiple_content_types', description: 'Text, image and resource.', inputSchema: noArgs },
  { name: 'test_tool_with_logging', description: 'Sends three log notifications.', inputSchema: noArgs },
  {
    name: 'json_schema_2020_12_tool',
    description: 'Tool with JSON Schema 2020-12 features',
    inputSchema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      $defs: {
        address: {
          type: 'object',
          properties: { street: { type: 'string' }, city: { type: 'string' } },
        },
      },
      properties: { name: { type: 'string' }, address: { $ref: '#/$defs/address' } },
      additionalProperties: false,
    },
  },
];

const text = (t: string): CallToolResult => ({ content: [{ type: 'text', text: t }] });

/** Answers a plain tool, or undefined when the name is not one of them. */
export const callPlainTool = async (
  name: string,
  args: Record<string, unknown>,
  ctx: ServerContext,
): Promise<CallToolResult | undefined> => {
  switch (name) {
    case 'test_image_content':
      return { content: [{ type: 'image', data: RED_PIXEL_PNG, mimeType: 'image/png' }] };
    case 'test_audio_content':
      return { content: [{ type: 'audio', data: SILENT_WAV, mimeType: 'audio/wav' }] };
    case 'test_embedded_resource':
      return {
        content: [
          {
            type: 'resource',
            resource: {
              uri: 'test://embedded-resource',
              mimeType: 'text/plain',
              text: 'This is an embedded resource content.',
            },
          },
        ],
      };
    case 'test_multiple_content_types':
      return {
        content: [
          { type: 'text', text: 'Multiple content types test:' },
          { type: 'image', data: RED_PIXEL_PNG, mimeType: 'image/png' },
          {
            type: 'resource',
            resource: {
              uri: 'test://mixed-content-resource',
              mimeType: 'application/json',
              text: JSON.stringify({ test: 'data', value: 123 }),
            },
          },
        ],
      };
    case 'test_tool_with_logging': {
      const steps = ['Tool execution started', 'Tool processing data', 'Tool execution completed'];
      for (const [i, data] of steps.entries()) {
        if (i > 0) await sleep(50);
        await ctx.mcpReq.notify({ method: 'notifications/message', params: { level: 'info', data } });
      }
      return text('Logging tool finished.');
    }
    case 'json_schema_2020_12_tool':
      return text(`Received ${JSON.stringify(args)}`);
    default:
      return undefined;
  }
};

export const conformanceResources = [
  {
    uri: 'test://static-text',
    name: 'static-text',
    description: 'A static text resource',
    mimeType: 'text/plain',
  },
  {
    uri: 'test://static-binary',
    name: 'static-binary',
    description: 'A static PNG resource',
    mimeType: 'image/png',
  },
  {
    uri: 'test://watched-resource',
    name: 'watched-resource',
    description: 'A resource clients may subscribe to',
    mimeType: 'text/plain',
  },
];

export const conformanceTemplates = [
  {
    uriTemplate: 'test://template/{id}/data',
    name: 'template-data',
    description: 'Data for one id',
    mimeType: 'application/json',
  },
];

/** `resources/read`: the contents of a known URI, or undefined. */
export const readResource = (uri: string) => {
  if (uri === 'test://static-text')
    return [{ uri, mimeType: 'text/plain', text: 'This is the content of the static text resource.' }];
  if (uri === 'test://static-binary') return [{ uri, mimeType: 'image/png', blob: RED_PIXEL_PNG }];
  if (uri === 'test://watched-resource') return [{ uri, mimeType: 'text/plain', text: 'Watched content.' }];
  const m = /^test:\/\/template\/([^/]+)\/data$/.exec(uri);
  if (m?.[1]) {
    const id = decodeURIComponent(m[1]);
    return [
      {
        uri,
        mimeType: 'application/json',
        text: JSON.stringify({ id, templateTest: true, data: `Data for ID: ${id}` }),
      },
    ];
  }
  return undefined;
};

export const conformancePrompts = [
  { name: 'test_simple_prompt', description: 'A prompt without arguments' },
  {
    name: 'test_prompt_with_arguments',
    description: 'A prompt with two required arguments',
    arguments: [
      { name: 'arg1', description: 'First test argument', required: true },
      { name: 'arg2', description: 'Second test argument', required: true },
    ],
  },
  {
    name: 'test_prompt_with_embedded_resource',
    description: 'A prompt embedding a resource',
    arguments: [{ name: 'resourceUri', description: 'URI of the resource to embed', required: true }],
  },
  { name: 'test_prompt_with_image', description: 'A prompt with an image' },
];

/** `prompts/get`: the messages of a known prompt, or undefined. */
export const getPrompt = (name: string, args: Record<string, string>): PromptMessage[] | undefined => {
  const user = (content: PromptMessage['content']): PromptMessage => ({ role: 'user', content });
  switch (name) {
    case 'test_simple_prompt':
      return [user({ type: 'text', text: 'This is a simple prompt for testing.' })];
    case 'test_prompt_with_arguments':
      return [
        user({ type: 'text', text: `Prompt with arguments: arg1='${args.arg1}', arg2='${args.arg2}'` }),
      ];
    case 'test_prompt_with_embedded_resource':
      return [
        user({
          type: 'resource',
          resource: {
            uri: args.resourceUri ?? 'test://embedded',
            mimeType: 'text/plain',
            text: 'Embedded resource content for testing.',
          },
        }),
        user({ type: 'text', text: 'Please process the embedded resource above.' }),
      ];
    case 'test_prompt_with_image':
      return [
        user({ type: 'image', data: RED_PIXEL_PNG, mimeType: 'image/png' }),
        user({ type: 'text', text: 'Please analyze the image above.' }),
      ];
    default:
      return undefined;
  }
};
