import * as z from 'zod/v4';
import { createServer } from '../server.js';
import { defineTool, toolError } from '../tool.js';

/**
 * A small server used by core's own tests, the benchmark and the conformance run: it exercises every
 * path of the tool contract (success, typed failure, thrown bug, progress, cancellation).
 */
const echo = defineTool({
  name: 'echo',
  title: 'Echo',
  description: 'Returns the text it is given, with its length.',
  input: z.object({ text: z.string().min(1).max(10_000).describe('Any text') }),
  output: z.object({ text: z.string(), length: z.number().int() }),
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
  handler: async ({ text }) => ({ text, length: text.length }),
});

const lookup = defineTool({
  name: 'lookup',
  title: 'Lookup',
  description: 'Finds a known key; unknown keys answer not_found.',
  input: z.object({
    key: z
      .string()
      .regex(/^[a-z]+$/, 'lowercase letters only')
      .describe('a lowercase key'),
  }),
  output: z.object({ key: z.string(), value: z.number() }),
  annotations: { readOnlyHint: true },
  handler: async ({ key }) =>
    key === 'answer' ? { key, value: 42 } : toolError('not_found', `No value for "${key}".`, { key }),
});

const slow = defineTool({
  name: 'slow',
  title: 'Slow',
  description: 'Waits, reporting progress each step; stops when cancelled.',
  input: z.object({
    steps: z.number().int().min(1).max(50).describe('number of steps'),
    step_ms: z.number().int().min(0).max(5_000).describe('milliseconds per step'),
  }),
  output: z.object({ steps_done: z.number().int() }),
  handler: async ({ steps, step_ms }, { signal, progress }) => {
    for (let i = 0; i < steps; i++) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, step_ms);
        signal.addEventListener(
          'abort',
          () => {
            clearTimeout(timer);
            reject(signal.reason);
          },
          { once: true },
        );
      });
      await progress(i + 1, steps, `step ${i + 1}`);
    }
    return { steps_done: steps };
  },
});

const boom = defineTool({
  name: 'boom',
  title: 'Boom',
  description: 'Always throws (a bug), to check that no stack trace leaks.',
  input: z.object({}),
  output: z.object({}),
  handler: async () => {
    throw new Error('secret internal detail at /srv/app/boom.ts:12');
  },
});

export const exampleServer = createServer({
  name: 'example',
  version: '0.0.1',
  instructions: 'Test server of @mcp/core.',
  tools: [echo, lookup, slow, boom],
});
