export interface ToolLimiterOptions {
  /** Tool calls running at once in this process. */
  concurrency: number;
  /** Calls allowed to wait for a slot; one more is refused at once. */
  queue: number;
  /** Longest wait for a slot before the call is refused. */
  queueWaitMs: number;
}

export type Acquired = { ok: true; release: () => void } | { ok: false; retryAfterS: number };

export interface ToolLimiter {
  /** A slot, after a bounded wait; `ok: false` when the queue is full, the wait ran out, or `signal` aborted. */
  acquire: (signal?: AbortSignal) => Promise<Acquired>;
  readonly running: number;
  readonly waiting: number;
}

interface Waiter {
  grant: (release: () => void) => void;
}

/**
 * A per-process cap on concurrent tool executions, shared by the HTTP fast path, the SDK path and
 * stdio: however requests arrive (parallel POSTs, old-style batches), at most `concurrency` handlers
 * run, at most `queue` wait, and nobody waits longer than `queueWaitMs`. Every bound is explicit, so
 * neither memory nor latency grows with the flood.
 */
export const createToolLimiter = (options: ToolLimiterOptions): ToolLimiter => {
  if (!(options.concurrency >= 1)) throw new Error('tool limiter: concurrency must be at least 1');
  let running = 0;
  const waiters: Waiter[] = [];
  // A client told to come back should find a slot: the queue's wait is the time it takes to drain.
  const retryAfterS = Math.max(1, Math.ceil(options.queueWaitMs / 1000));

  const release = () => {
    const next = waiters.shift();
    if (next) next.grant(once());
    else running -= 1;
  };
  // A slot is released exactly once, even if a caller calls release twice.
  const once = () => {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      release();
    };
  };

  const acquire = (signal?: AbortSignal): Promise<Acquired> => {
    if (running < options.concurrency) {
      running += 1;
      return Promise.resolve({ ok: true, release: once() });
    }
    if (waiters.length >= options.queue || signal?.aborted)
      return Promise.resolve({ ok: false, retryAfterS });
    return new Promise<Acquired>((resolve) => {
      const leave = () => {
        const at = waiters.indexOf(waiter);
        if (at !== -1) waiters.splice(at, 1);
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      const waiter: Waiter = {
        grant: (slot) => {
          leave();
          resolve({ ok: true, release: slot });
        },
      };
      const refuse = () => {
        leave();
        resolve({ ok: false, retryAfterS });
      };
      const onAbort = () => refuse();
      const timer = setTimeout(refuse, options.queueWaitMs);
      timer.unref();
      signal?.addEventListener('abort', onAbort, { once: true });
      waiters.push(waiter);
    });
  };

  return {
    acquire,
    get running() {
      return running;
    },
    get waiting() {
      return waiters.length;
    },
  };
};
