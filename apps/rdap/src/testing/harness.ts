import { createToolRegistry, type ErrorPayload } from '@mcp/core';
import { type TestToolsContext, testToolsContext, toolContext, toolErrorOf } from '@mcp/core/testing';
import { pino } from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { type RdapEnv, rdapEnv } from '../config.js';
import { createRdapDeps } from '../deps.js';
import { rdapTools } from '../tools/index.js';
import { startUpstreams, type Upstreams } from './upstreams.js';

export const silentLog = pino({ level: 'silent' });

export interface ToolAnswer {
  isError: boolean;
  /** `structuredContent` of a success; empty for a failure (failures carry none). */
  data: Record<string, unknown>;
  /** The failure, read through the test kit's `toolErrorOf`; undefined for a success. */
  error?: ErrorPayload;
}

const answerOf = (r: Awaited<ReturnType<ReturnType<typeof createToolRegistry>['call']>>): ToolAnswer =>
  r.isError === true
    ? { isError: true, data: {}, error: toolErrorOf(r) }
    : { isError: false, data: (r.structuredContent ?? {}) as Record<string, unknown> };

/** Calls a tool of a fresh app built from `env` (for tests that need another configuration). */
export const callWith = async (
  env: Record<string, string>,
  name: string,
  args: unknown,
): Promise<ToolAnswer> => {
  const app = testToolsContext(rdapEnv, env, { log: silentLog });
  try {
    const r = await createToolRegistry(rdapTools(createRdapDeps(app.ctx))).call(name, args, toolContext());
    return answerOf(r);
  } finally {
    await app.close();
  }
};

/**
 * Starts the loopback registries and the app's tools once per test file (vitest hooks), and returns
 * accessors valid inside tests.
 */
export const useTools = () => {
  let up: Upstreams | undefined;
  let app: TestToolsContext<RdapEnv> | undefined;
  let registry: ReturnType<typeof createToolRegistry> | undefined;
  beforeAll(async () => {
    up = await startUpstreams();
    app = testToolsContext(rdapEnv, up.env, { log: silentLog });
    registry = createToolRegistry(rdapTools(createRdapDeps(app.ctx)));
  });
  afterAll(async () => {
    await app?.close();
    await up?.close();
  });
  return {
    up: (): Upstreams => {
      if (!up) throw new Error('upstreams not started');
      return up;
    },
    call: async (name: string, args: unknown): Promise<ToolAnswer> => {
      if (!registry) throw new Error('tools not started');
      const r = await registry.call(name, args, toolContext());
      return answerOf(r);
    },
  };
};
