import * as z from 'zod/v4';

const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const csv = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

/** Env variables every app shares. Apps extend it with their own schema. */
export const coreEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Unset: 0.0.0.0, except 127.0.0.1 outside production with a generated password (see prepareServer). */
  HOST: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MCP_TRANSPORT: z.enum(['http', 'stdio']).default('http'),
  AUTH_USERNAME: z.string().optional(),
  AUTH_PASSWORD: z.string().optional(),
  AUTH_CREDENTIALS: z.string().optional(),
  AUTH_BEARER_TOKENS: csv.optional(),
  AUTH_MAX_FAILURES: z.coerce.number().int().positive().default(10),
  AUTH_MAX_FAILURES_PER_IP: z.coerce.number().int().positive().optional(),
  AUTH_FAILURE_WINDOW_S: z.coerce.number().int().positive().default(300),
  AUTH_ALLOW_IPS: csv.optional(),
  TRUST_PROXY: csv.optional(),
  ALLOWED_ORIGINS: csv.optional(),
  TOOL_CONCURRENCY: z.coerce.number().int().positive().default(32),
  TOOL_QUEUE: z.coerce.number().int().min(0).default(32),
  TOOL_QUEUE_WAIT_MS: z.coerce.number().int().positive().default(5_000),
  METRICS_ENABLED: boolish.default(false),
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  REDIS_URL: z.string().url().optional(),
  REDIS_PREFIX: z.string().optional(),
  /** Outbound page fetches (safeFetch) in flight at once in this process; the rest wait in a bounded queue. */
  FETCH_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(8),
  /** Outbound page fetches one HTTP request to /mcp may trigger, all its tool calls together. */
  FETCH_BUDGET: z.coerce.number().int().min(1).max(100_000).default(100),
  /** Tests only: hosts and ports for which the SSRF guard is lifted (see safeFetchOptionsFromEnv). */
  SAFE_FETCH_ALLOW_HOSTS: z.string().optional(),
  SAFE_FETCH_ALLOW_PORTS: z.string().optional(),
});

export type CoreConfig = z.output<typeof coreEnvSchema>;

/** Every problem in the environment at once, so an operator fixes them in one go. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** Compose passes unset optional variables as empty strings (`${X:-}`): treat them as unset. */
const withoutEmpty = (env: NodeJS.ProcessEnv): Record<string, string> =>
  Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''),
  );

export const loadConfig = <S extends z.ZodObject>(
  appSchema: S | undefined,
  env: NodeJS.ProcessEnv = process.env,
): CoreConfig & z.output<S> => {
  const schema = appSchema ? coreEnvSchema.extend(appSchema.shape) : coreEnvSchema;
  const parsed = schema.safeParse(withoutEmpty(env));
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`),
    );
  }
  return parsed.data as CoreConfig & z.output<S>;
};
