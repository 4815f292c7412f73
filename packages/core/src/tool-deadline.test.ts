import { describe, expect, it } from 'vitest';
import * as z from 'zod/v4';
import { toolContext } from './testing/tool-context.js';
import { toolErrorOf } from './testing/tool-error.js';
import { defineTool } from './tool.js';
import { createToolRegistry, TOOL_DEADLINE_MS } from './tool-registry.js';

const seen: { aborted?: boolean } = {};

const waitsForSignal = defineTool({
  name: 'waits_for_signal',
  title: 'Waits',
  description: 'Resolves only when its signal aborts, like an upstream call that never answers.',
  input: z.object({}),
  output: z.object({ done: z.boolean() }),
  handler: (_args, { signal }) =>
    new Promise((_resolve, reject) => {
      signal.addEventListener('abort', () => {
        seen.aborted = true;
        reject(signal.reason);
      });
    }),
});

const ignoresSignal = defineTool({
  name: 'ignores_signal',
  title: 'Hangs',
  description: 'Never settles and never looks at its signal.',
  input: z.object({}),
  output: z.object({ done: z.boolean() }),
  handler: () => new Promise(() => {}),
});

const quick = defineTool({
  name: 'quick',
  title: 'Quick',
  description: 'Answers at once.',
  input: z.object({}),
  output: z.object({ done: z.boolean() }),
  handler: async () => ({ done: true }),
});

describe('tool call deadline', () => {
  const registry = createToolRegistry([waitsForSignal, ignoresSignal, quick], { deadlineMs: 50 });

  it('is under the 60 s default request timeout of SDK clients by default', () => {
    expect(TOOL_DEADLINE_MS).toBeLessThanOrEqual(55_000);
  });

  it('aborts the handler’s signal and answers upstream_timeout when the deadline passes', async () => {
    const error = toolErrorOf(await registry.call('waits_for_signal', {}, toolContext()));
    expect(seen.aborted).toBe(true);
    expect(error).toMatchObject({ code: 'upstream_timeout', details: { deadline_ms: 50 } });
    expect(error.message).toContain('did not finish within');
  });

  it('answers upstream_timeout even when the handler ignores its signal', async () => {
    expect(toolErrorOf(await registry.call('ignores_signal', {}, toolContext())).code).toBe(
      'upstream_timeout',
    );
  });

  it('leaves a call that finishes in time alone, and passes the client’s cancellation through', async () => {
    expect((await registry.call('quick', {}, toolContext())).structuredContent).toEqual({ done: true });
    const cancelled = new AbortController();
    const pending = registry.call('waits_for_signal', {}, toolContext({ signal: cancelled.signal }));
    cancelled.abort();
    expect(toolErrorOf(await pending).message).toBe('The request was cancelled before it finished.');
  });
});
