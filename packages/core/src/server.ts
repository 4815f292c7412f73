import type { Logger } from 'pino';
import type * as z from 'zod/v4';
import { basicHeader, type Credentials, resolveCredentials } from './auth/credentials.js';
import { checkTrustProxy, parseAllowList } from './auth/ip-allow.js';
import { createFailureCounter } from './auth/throttle.js';
import { createVerifier } from './auth/verify.js';
import { type CoreConfig, loadConfig } from './config.js';
import { buildHttpApp } from './http/app.js';
import { FETCH_QUEUE_MAX } from './limits/limits.js';
import { createSemaphore } from './limits/semaphore.js';
import { createLogger } from './logger.js';
import { createProtocolServerFactory, createToolCaller, type ServerIdentity } from './mcp/protocol-server.js';
import { createToolLimiter } from './mcp/tool-limiter.js';
import { loadMetrics } from './metrics/load.js';
import { createPromptSet, type PromptDefinition } from './prompt.js';
import { safeFetchOptionsFromEnv } from './safe-fetch/env.js';
import { createSafeFetch, type SafeFetch } from './safe-fetch/safe-fetch.js';
import { createStoreFromConfig } from './store/from-config.js';
import type { Store } from './store/types.js';
import type { AnyTool } from './tool.js';
import { createToolRegistry } from './tool-registry.js';
import { createToolsContext, type ToolsContext } from './tools-context.js';

export interface ServerDefinition<S extends z.ZodObject = z.ZodObject> {
  name: string;
  version: string;
  title?: string;
  /** Sent to clients at initialize/discover: how an agent should use these tools. */
  instructions?: string;
  /** The app's own env variables; merged with the core schema and validated once at start-up. */
  env?: S;
  tools: readonly AnyTool[] | ((ctx: ToolsContext<z.output<S>>) => readonly AnyTool[] | ToolSet);
  /** MCP prompts (`prompts/list`, `prompts/get`) served on `/mcp` and over stdio. */
  prompts?: readonly PromptDefinition[];
}

/** Another MCP endpoint of the same process: its own tools and identity; auth, store and limits shared. */
export interface EndpointDefinition {
  /** `/<name>/mcp`, lower case. */
  path: string;
  name: string;
  title?: string;
  instructions?: string;
  tools: readonly AnyTool[];
}

/** What a `tools` callback may return besides a list: the tools of `/mcp`, and more endpoints. */
export interface ToolSet {
  tools: readonly AnyTool[];
  endpoints?: readonly EndpointDefinition[];
}

/** The tools of `/mcp`, whichever shape the definition gave. */
export const toolSetOf = (built: readonly AnyTool[] | ToolSet): ToolSet =>
  'tools' in built && !Array.isArray(built) ? (built as ToolSet) : { tools: built as readonly AnyTool[] };

const ENDPOINT_PATH = /^\/[a-z0-9][a-z0-9-]*\/mcp$/;

/** Declares an MCP server; nothing runs until `runMain` (or the test kit) starts it. */
export const createServer = <S extends z.ZodObject>(definition: ServerDefinition<S>): ServerDefinition<S> =>
  definition;

export type Transport = 'http' | 'stdio';

export interface PreparedServer {
  config: CoreConfig;
  log: Logger;
  transport: Transport;
  /** The address to listen on: HOST, else loopback for a generated dev password, else 0.0.0.0. */
  host: string;
  credentials: Credentials;
  store: Store;
  factory: ReturnType<typeof createProtocolServerFactory>;
  buildHttp: () => ReturnType<typeof buildHttpApp>;
  /** Runs the cleanups the app registered; called once by either transport on shutdown. */
  dispose: () => Promise<void>;
}

export class StartupError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'StartupError';
  }
}

/** Validates env and credentials, compiles the tool registry, and returns what either transport needs. */
export const prepareServer = async <S extends z.ZodObject>(
  definition: ServerDefinition<S>,
  options: { env?: NodeJS.ProcessEnv; argv?: readonly string[]; log?: Logger } = {},
): Promise<PreparedServer> => {
  const config = loadConfig(definition.env, options.env ?? process.env);
  const transport: Transport =
    (options.argv ?? process.argv).includes('--stdio') || config.MCP_TRANSPORT === 'stdio' ? 'stdio' : 'http';
  const log =
    options.log ??
    createLogger({ level: config.LOG_LEVEL, name: definition.name, stderr: transport === 'stdio' });

  const { credentials, problems } = resolveCredentials(config);
  let allowIps: ReturnType<typeof parseAllowList> | undefined;
  try {
    allowIps = config.AUTH_ALLOW_IPS ? parseAllowList(config.AUTH_ALLOW_IPS) : undefined;
  } catch (error) {
    problems.push((error as Error).message);
  }
  try {
    if (config.TRUST_PROXY) checkTrustProxy(config.TRUST_PROXY);
  } catch (error) {
    problems.push((error as Error).message);
  }
  // stdio has no network peer to authenticate: the parent process is the client.
  if (problems.length > 0 && transport === 'http') throw new StartupError(problems);

  // Only an HTTP server serves /metrics: over stdio there is nobody to read them, so prom-client stays unloaded.
  const metrics = config.METRICS_ENABLED && transport === 'http' ? await loadMetrics() : undefined;
  const store = await createStoreFromConfig(config, definition.name, log);
  let safeFetch: SafeFetch;
  try {
    safeFetch = createSafeFetch({
      ...safeFetchOptionsFromEnv({
        SAFE_FETCH_ALLOW_HOSTS: config.SAFE_FETCH_ALLOW_HOSTS,
        SAFE_FETCH_ALLOW_PORTS: config.SAFE_FETCH_ALLOW_PORTS,
      }),
      log,
      gate: createSemaphore({ limit: config.FETCH_CONCURRENCY, maxQueue: FETCH_QUEUE_MAX }),
      ...(metrics ? { metrics } : {}),
    });
  } catch (error) {
    throw new StartupError([(error as Error).message]);
  }
  const { ctx, dispose } = createToolsContext<z.output<S>>({
    env: config as CoreConfig & z.output<S>,
    log,
    store,
    safeFetch,
    metrics,
  });
  const set = toolSetOf(typeof definition.tools === 'function' ? definition.tools(ctx) : definition.tools);
  // One limiter and one metrics hook for every endpoint: the process's cap is the process's.
  const limiter = createToolLimiter({
    concurrency: config.TOOL_CONCURRENCY,
    queue: config.TOOL_QUEUE,
    queueWaitMs: config.TOOL_QUEUE_WAIT_MS,
  });
  const onToolCall = metrics
    ? (tool: string, outcome: string, code?: string) =>
        metrics.toolCalls.inc({ tool, outcome: code ?? outcome })
    : undefined;
  // One caller per endpoint, for both the SDK-served path and the JSON fast path.
  const serve = (identity: ServerIdentity, tools: readonly AnyTool[]) => {
    const caller = createToolCaller({
      registry: createToolRegistry(tools, { reuseResults: config.NODE_ENV === 'production' }),
      log,
      fetchBudget: config.FETCH_BUDGET,
      limiter,
      ...(onToolCall ? { onToolCall } : {}),
    });
    return { caller, factory: createProtocolServerFactory(identity, caller) };
  };
  const { caller, factory } = serve(
    {
      name: definition.name,
      version: definition.version,
      ...(definition.title ? { title: definition.title } : {}),
      ...(definition.instructions ? { instructions: definition.instructions } : {}),
      ...(definition.prompts?.length ? { prompts: createPromptSet(definition.prompts) } : {}),
    },
    set.tools,
  );
  const seen = new Set(['/mcp']);
  const endpoints = (set.endpoints ?? []).map((endpoint) => {
    if (!ENDPOINT_PATH.test(endpoint.path) || seen.has(endpoint.path)) {
      throw new StartupError([`endpoint path "${endpoint.path}" must be a distinct /<name>/mcp`]);
    }
    seen.add(endpoint.path);
    const served = serve(
      {
        name: endpoint.name,
        version: definition.version,
        ...(endpoint.title ? { title: endpoint.title } : {}),
        ...(endpoint.instructions ? { instructions: endpoint.instructions } : {}),
      },
      endpoint.tools,
    );
    return { path: endpoint.path, factory: served.factory, tools: served.caller };
  });

  const buildHttp = () =>
    buildHttpApp({
      name: definition.name,
      version: definition.version,
      log,
      factory,
      tools: caller,
      endpoints,
      onClose: dispose,
      ...(metrics ? { metrics } : {}),
      fetchBudget: config.FETCH_BUDGET,
      requestTimeoutMs: config.HTTP_REQUEST_TIMEOUT_MS,
      ...(config.TRUST_PROXY ? { trustProxy: config.TRUST_PROXY } : {}),
      guard: {
        verifier: createVerifier(credentials),
        failures: createFailureCounter(store, config.AUTH_FAILURE_WINDOW_S * 1000),
        maxFailures: config.AUTH_MAX_FAILURES,
        maxFailuresPerIp: config.AUTH_MAX_FAILURES_PER_IP ?? config.AUTH_MAX_FAILURES * 5,
        ...(allowIps ? { allowIps } : {}),
        allowedOrigins: config.ALLOWED_ORIGINS ?? [],
      },
    });

  // A generated password is printed on a terminal: such a server is for this machine only, unless the
  // developer chose to expose it by setting HOST.
  const host = config.HOST ?? (credentials.generated ? '127.0.0.1' : '0.0.0.0');

  return { config, log, transport, host, credentials, store, factory, buildHttp, dispose };
};

/** The one-time banner for generated dev credentials: stderr, never the JSON log stream. */
export const devCredentialsBanner = (credentials: Credentials, url: string): string | undefined => {
  if (!credentials.generated) return undefined;
  const { username, password } = credentials.generated;
  return [
    '',
    '  No AUTH_USERNAME/AUTH_PASSWORD set: generated development credentials (shown once).',
    `  MCP endpoint:   ${url}`,
    `  username:       ${username}`,
    `  password:       ${password}`,
    `  header:         Authorization: ${basicHeader(credentials.generated)}`,
    '',
  ].join('\n');
};
