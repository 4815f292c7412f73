import type { ErrorCode, ServerDefinition } from '@mcp/core';

export interface ToolCall {
  name: string;
  arguments: Record<string, unknown>;
}

/** The loopback world one app runs in: its upstreams, and the env pointing the app at them. */
export interface Upstreams {
  env: Record<string, string>;
  /** Requests the upstreams have received so far. */
  requests: () => number;
  close: () => Promise<void>;
}

export interface AppCase {
  /** Workspace app folder name. */
  app: string;
  definition: ServerDefinition;
  /** Starts the app's upstreams on loopback, replaying recorded fixtures. */
  upstreams: () => Promise<Upstreams>;
  /** A tool call answered from the fixtures, and a field of its structuredContent to check. */
  sample: ToolCall & { expect: Record<string, unknown> };
  /**
   * The call the load and bench suites repeat, answered from the app's cache after the first time
   * (defaults to `sample`); `expect` is checked on its answer.
   */
  cached?: ToolCall & { expect: Record<string, unknown> };
  /** A call the app refuses, and the code and part of the message a client must receive as a tool result. */
  failing: ToolCall & { code: ErrorCode; message: string };
  /** A call of a tool that reports progress, answered from the fixtures; absent when no tool of the app does. */
  progress?: ToolCall;
  /**
   * The share of FUZZ_RUNS this app gets (default 1). The all-in-one runs the five's tools, each fuzzed
   * in its own app already: a quarter keeps its CI run short.
   */
  fuzzShare?: number;
  /** A URL the app may fetch that the fuzzer can use for URL-typed fields (loopback only). */
  loopbackUrl?: (up: Upstreams) => string;
}

/** A throwaway provider key for the loopback upstreams, new each run: no secret lives in the tree. */
export const FAKE_PROVIDER_KEY = `fake-${crypto.randomUUID()}`;

/** The loopback site's port: the first of SAFE_FETCH_ALLOW_PORTS (the all-in-one allows several). */
export const sitePort = (up: Upstreams): string => (up.env.SAFE_FETCH_ALLOW_PORTS ?? '').split(',')[0] ?? '';
