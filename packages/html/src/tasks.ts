import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { HtmlLimits } from './limits.js';
import { createWorkerPool, type WorkerPool } from './pool.js';
import type { HtmlOutcome } from './refusal.js';
import { checkHtml } from './scan.js';
import { registerTask } from './worker.js';

/** A parse function that runs in the pool; its input and result must survive structured cloning. */
export interface HtmlTask<I extends { html: string }, O> {
  name: string;
  module: string;
  /** The same function, called in this thread: for unit tests and for the worker itself. */
  fn: (input: I) => O;
}

/**
 * Declares a parse task. `moduleUrl` is the caller's `import.meta.url`: a worker started from source
 * imports that module to find the task; in the app bundle every task is already in the worker's code.
 * Names are global to the process: prefix them with the package (`siret.read_page`).
 */
export const defineHtmlTask = <I extends { html: string }, O>(
  moduleUrl: string,
  name: string,
  fn: (input: I) => O,
): HtmlTask<I, O> => {
  registerTask(name, fn);
  return { name, module: moduleUrl, fn };
};

/**
 * Where workers start. In the bundle (dist/main.js) this module's URL is the bundle itself, which
 * holds the worker loop and every task. From source (vitest, `tsx watch`) it is a `.ts` file: workers
 * run worker.ts through tsx's loader, resolved from this package so any caller's cwd works, and read
 * the workspace packages from their sources too (an explicit execArgv drops the parent's flags).
 */
export const workerEntry = (): { entry: URL; execArgv: string[] | undefined } => {
  const self = new URL(import.meta.url);
  if (!self.pathname.endsWith('.ts')) return { entry: self, execArgv: undefined };
  const tsx = pathToFileURL(createRequire(self).resolve('tsx')).href;
  return { entry: new URL('./worker.ts', self), execArgv: ['--conditions=@mcp/source', '--import', tsx] };
};

/** Two workers at most: parsing is CPU work, and the event loop keeps a core for HTTP. */
const POOL_SIZE = Math.max(1, Math.min(2, availableParallelism() - 1));
const IDLE_MS = 30_000;
const MAX_QUEUE = 256;

let shared: WorkerPool | undefined;

/** The process-wide pool, created on first use (no worker runs before a page needs parsing). */
export const htmlPool = (): WorkerPool => {
  if (!shared) {
    const { entry, execArgv } = workerEntry();
    shared = createWorkerPool({
      entry,
      execArgv,
      size: POOL_SIZE,
      idleMs: IDLE_MS,
      maxQueue: MAX_QUEUE,
      // A hostile page that balloons the DOM kills its worker, not the server.
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    });
  }
  return shared;
};

export interface RunHtmlOptions {
  limits: HtmlLimits;
  signal?: AbortSignal | undefined;
  /** Default: the process-wide pool. */
  pool?: WorkerPool;
}

/**
 * Runs a parse task off the event loop: the size and depth guards first (one linear scan, on this
 * thread), then the task in a pool worker under the time limit. Never throws for a bad page.
 */
export const runHtmlTask = async <I extends { html: string }, O>(
  task: HtmlTask<I, O>,
  input: I,
  options: RunHtmlOptions,
): Promise<HtmlOutcome<O>> => {
  const refused = checkHtml(input.html, options.limits);
  if (refused) return { ok: false, error: refused };
  return (options.pool ?? htmlPool()).run<O>(
    { module: task.module, task: task.name, input },
    { timeoutMs: options.limits.timeoutMs, signal: options.signal },
  );
};

/**
 * Starts every worker of the shared pool and loads `task`'s module in each, so that a test's or a
 * benchmark's first parse does not pay the workers' start-up (seconds from source, under tsx).
 */
export const warmHtmlPool = async (task: { module: string }): Promise<void> => {
  const pool = htmlPool();
  await Promise.all(
    Array.from({ length: POOL_SIZE }, () =>
      pool.run({ module: task.module, task: '', input: null }, { timeoutMs: 60_000 }),
    ),
  );
};
