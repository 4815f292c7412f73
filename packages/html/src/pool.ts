import { type ResourceLimits, Worker } from 'node:worker_threads';
import type { HtmlOutcome, HtmlRefusalReason } from './refusal.js';
import { HTML_WORKER_FLAG, type ReplyMessage, type TaskMessage } from './worker.js';

export interface PoolOptions {
  /** The file each worker runs (the app bundle, or worker.ts from source). */
  entry: URL;
  /** Most workers alive at once. */
  size: number;
  /** A worker with nothing to do for this long is stopped, so idle memory goes back to zero workers. */
  idleMs: number;
  /** Most jobs waiting for a worker; past it a job is refused as `busy`. */
  maxQueue: number;
  execArgv?: string[] | undefined;
  resourceLimits?: ResourceLimits;
  /**
   * How long a worker may take to start and load the task's module before its job fails as `crashed`
   * (default 60 s). Separate from a job's time limit, which starts when the task itself starts.
   */
  bootMs?: number;
}

export interface RunOptions {
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

export interface PoolStats {
  workers: number;
  busy: number;
  queued: number;
}

export interface WorkerPool {
  run: <T>(job: Omit<TaskMessage, 'id'>, options: RunOptions) => Promise<HtmlOutcome<T>>;
  stats: () => PoolStats;
  /** Stops every worker; jobs in flight end as `aborted`. */
  close: () => Promise<void>;
}

interface Job {
  id: number;
  message: TaskMessage;
  timeoutMs: number;
  done: (outcome: HtmlOutcome<unknown>) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  idleTimer: NodeJS.Timeout | null;
  jobTimer: NodeJS.Timeout | null;
}

const REASON_TEXT: Record<HtmlRefusalReason, string> = {
  too_large: 'the page is too large',
  too_deep: 'the page nests too deep',
  timeout: 'the parse ran out of time',
  crashed: 'the parse failed',
  busy: 'every HTML worker is busy',
  aborted: 'the request was cancelled',
};

/**
 * A small worker_threads pool: workers start on first use, run one job at a time, are stopped after
 * `idleMs` without work, and are killed (then replaced on demand) when a job overruns its time limit
 * or its caller aborts — terminating the thread is the only way to stop a synchronous parse.
 * Workers are unref'd: an idle pool never keeps the process alive.
 */
export const createWorkerPool = (options: PoolOptions): WorkerPool => {
  const slots = new Set<Slot>();
  const idle: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 1;

  const settle = (job: Job, outcome: HtmlOutcome<unknown>, message?: string): void => {
    if (!outcome.ok && message) outcome.error.message = message;
    job.done(outcome);
  };
  const refusal = (reason: HtmlRefusalReason, message = REASON_TEXT[reason]): HtmlOutcome<never> => ({
    ok: false,
    error: { reason, message },
  });

  const retire = (slot: Slot): void => {
    if (!slots.delete(slot)) return;
    const at = idle.indexOf(slot);
    if (at !== -1) idle.splice(at, 1);
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    if (slot.jobTimer) clearTimeout(slot.jobTimer);
    void slot.worker.terminate();
  };

  /** Ends the slot's job with a refusal and throws the worker away (its heap may be wrecked). */
  const fail = (slot: Slot, reason: HtmlRefusalReason, message?: string): void => {
    const job = slot.job;
    slot.job = null;
    retire(slot);
    if (job) settle(job, refusal(reason), message);
    pump();
  };

  const release = (slot: Slot): void => {
    slot.job = null;
    if (slot.jobTimer) clearTimeout(slot.jobTimer);
    slot.jobTimer = null;
    idle.push(slot);
    pump();
    if (slot.job === null) {
      slot.idleTimer = setTimeout(() => retire(slot), options.idleMs);
      slot.idleTimer.unref();
    }
  };

  const spawn = (): Slot => {
    const worker = new Worker(options.entry, {
      workerData: { [HTML_WORKER_FLAG]: true },
      ...(options.execArgv ? { execArgv: options.execArgv } : {}),
      ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
      stdout: false,
      stderr: false,
    });
    worker.unref();
    const slot: Slot = { worker, job: null, idleTimer: null, jobTimer: null };
    worker.on('message', (reply: ReplyMessage) => {
      const job = slot.job;
      if (!job || job.id !== reply.id) return;
      if ('started' in reply) {
        arm(slot, job.timeoutMs, `the parse took longer than ${job.timeoutMs} ms and was stopped`, 'timeout');
        return;
      }
      if (reply.ok) {
        release(slot);
        settle(job, { ok: true, value: reply.value });
      } else {
        // The task threw (a RangeError on a hostile page, say): the thread itself is still sound.
        release(slot);
        settle(job, refusal('crashed', `the parse failed: ${reply.message}`));
      }
    });
    // Out of memory (resourceLimits) or an uncaught error in the worker.
    worker.on('error', (error) => fail(slot, 'crashed', `the parse failed: ${error.message}`));
    worker.on('exit', () => {
      if (slots.has(slot)) fail(slot, 'crashed', 'the HTML worker exited');
    });
    slots.add(slot);
    return slot;
  };

  const arm = (slot: Slot, ms: number, message: string, reason: HtmlRefusalReason): void => {
    if (slot.jobTimer) clearTimeout(slot.jobTimer);
    slot.jobTimer = setTimeout(() => fail(slot, reason, message), ms);
  };

  const start = (slot: Slot, job: Job): void => {
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = null;
    slot.job = job;
    const bootMs = options.bootMs ?? 60_000;
    arm(slot, bootMs, `the HTML worker did not start within ${bootMs} ms`, 'crashed');
    slot.worker.postMessage(job.message);
  };

  function pump(): void {
    while (queue.length > 0) {
      const slot = idle.pop() ?? (slots.size < options.size ? spawn() : undefined);
      if (!slot) return;
      start(slot, queue.shift() as Job);
    }
  }

  const run = <T>(message: Omit<TaskMessage, 'id'>, runOptions: RunOptions): Promise<HtmlOutcome<T>> =>
    new Promise<HtmlOutcome<T>>((resolve) => {
      const { signal } = runOptions;
      if (signal?.aborted) return resolve(refusal('aborted'));
      if (queue.length >= options.maxQueue) return resolve(refusal('busy'));
      const id = nextId++;
      const onAbort = (): void => {
        const at = queue.indexOf(job);
        if (at !== -1) {
          queue.splice(at, 1);
          settle(job, refusal('aborted'));
          return;
        }
        for (const slot of slots) if (slot.job === job) fail(slot, 'aborted');
      };
      const job: Job = {
        id,
        message: { ...message, id },
        timeoutMs: runOptions.timeoutMs,
        done: (outcome) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(outcome as HtmlOutcome<T>);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(job);
      pump();
    });

  const stats = (): PoolStats => {
    let busy = 0;
    for (const slot of slots) if (slot.job) busy += 1;
    return { workers: slots.size, busy, queued: queue.length };
  };

  const close = async (): Promise<void> => {
    for (const job of queue.splice(0)) settle(job, refusal('aborted'));
    for (const slot of [...slots]) {
      const job = slot.job;
      slot.job = null;
      retire(slot);
      if (job) settle(job, refusal('aborted'));
    }
  };

  return { run, stats, close };
};
