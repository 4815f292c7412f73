import { isMainThread, parentPort, workerData } from 'node:worker_threads';

/**
 * The worker side of the HTML pool. A pool worker loads either this file (from source) or the app's
 * whole bundle (dist/main.js, which contains this module): either way, evaluating this module in a
 * pool thread starts the message loop, and the app's entry must not start a server (see isHtmlWorker).
 */

/** Set in `workerData` by the pool, so a worker thread knows it serves parse tasks. */
export const HTML_WORKER_FLAG = 'mcpHtmlWorker';

// biome-ignore lint/suspicious/noExplicitAny: each task checks its own input; the registry is untyped by design.
type TaskFn = (input: any) => unknown;

const registry = new Map<string, TaskFn>();

/** Called by defineHtmlTask in every thread, so the worker finds the task by name. */
export const registerTask = (name: string, fn: TaskFn): void => {
  registry.set(name, fn);
};

/** True in a thread started by the HTML pool: the app's entry serves tasks there, not HTTP. */
export const isHtmlWorker = (): boolean =>
  !isMainThread && (workerData as Record<string, unknown> | null)?.[HTML_WORKER_FLAG] === true;

export interface TaskMessage {
  id: number;
  /** URL of the module that defines the task, imported on first use when not yet registered. */
  module: string;
  task: string;
  input: unknown;
}

export type ReplyMessage =
  /** The task's module is loaded and the task begins: its time limit starts now, not at boot. */
  | { id: number; started: true }
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; message: string };

/** An empty task name only loads the module: warms a worker up (tests, benchmarks). */
const run = async (msg: TaskMessage, started: () => void): Promise<ReplyMessage> => {
  try {
    if (!registry.has(msg.task)) await import(msg.module);
    if (msg.task === '') return { id: msg.id, ok: true, value: null };
    const fn = registry.get(msg.task);
    if (!fn) return { id: msg.id, ok: false, message: `unknown HTML task ${msg.task}` };
    started();
    return { id: msg.id, ok: true, value: fn(msg.input) };
  } catch (error) {
    return { id: msg.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
};

if (isHtmlWorker() && parentPort) {
  const port = parentPort;
  port.on('message', (msg: TaskMessage) => {
    void run(msg, () => port.postMessage({ id: msg.id, started: true })).then((reply) => {
      try {
        port.postMessage(reply);
      } catch (error) {
        // A value that cannot be cloned is a bug of the task: say so rather than leave the caller waiting.
        port.postMessage({ id: msg.id, ok: false, message: `unclonable result: ${String(error)}` });
      }
    });
  });
}
