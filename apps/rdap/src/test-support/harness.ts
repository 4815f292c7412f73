import { createToolRegistry, type ErrorPayload, loadConfig } from '@mcp/core';
import { toolContext, toolErrorOf } from '@mcp/core/testing';
import { pino } from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { rdapEnvSchema } from '../config.js';
import { createRdapDeps, type RdapDeps } from '../deps.js';
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
  const deps = createRdapDeps(loadConfig(rdapEnvSchema, env), silentLog);
  try {
    const r = await createToolRegistry(rdapTools(deps)).call(name, args, toolContext());
    return answerOf(r);
  } finally {
    await deps.close();
  }
};

/**
 * Starts the loopback registries and the app's tools once per test file (vitest hooks), and returns
 * accessors valid inside tests.
 */
export const useTools = () => {
  let up: Upstreams | undefined;
  let deps: RdapDeps | undefined;
  let registry: ReturnType<typeof createToolRegistry> | undefined;
  beforeAll(async () => {
    up = await startUpstreams();
    deps = createRdapDeps(loadConfig(rdapEnvSchema, up.env), silentLog);
    registry = createToolRegistry(rdapTools(deps));
  });
  afterAll(async () => {
    await deps?.close();
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
