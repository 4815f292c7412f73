import { type ErrorPayload, err, ok, type Result } from '../errors.js';
import type { Store } from '../store/types.js';
import { sleep } from './retry.js';

export interface LimitSpec {
  perSecond: number;
  burst: number;
  /** Most callers allowed to wait in this process; one more is refused with `rate_limited`. */
  maxQueue: number;
  /**
   * Set: the bucket is this host's (`store.takeHost`), one budget for every app on the same store
   * whatever its prefix. Unset: the client's own bucket, `<name>|rate` under the app's prefix.
   */
  host?: string;
}

export interface Limiter {
  /** Resolves when this call may send, or with `rate_limited` / the cancellation error. */
  acquire(signal: AbortSignal, deadlineAt: number): Promise<Result<undefined>>;
  readonly queued: number;
}

interface Waiter {
  deadlineAt: number;
  done: (result: Result<undefined>) => void;
}

const seconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));
const MAX_STALE_DROPS = 3;

/**
 * A FIFO queue in front of the store's token bucket. Only the head of the queue asks the store for a
 * token, so waiters neither stampede nor overtake each other, and the store (shared across replicas)
 * decides the real pace.
 */
export const createLimiter = (
  name: string,
  store: Store,
  spec: LimitSpec,
  onCancel: () => { ok: false; error: ErrorPayload },
): Limiter => {
  const key = `${name}|rate`;
  const { host } = spec;
  const take = () => (host ? store.takeHost(host, spec) : store.take(key, spec));
  const interval = 1000 / spec.perSecond;
  const queue: Waiter[] = [];
  let pumping = false;

  const refuse = (waitMs: number, why: string) =>
    err(
      'rate_limited',
      `${why} for ${name} (limit ${spec.perSecond} req/s); retry in ${seconds(waitMs)} s.`,
      {
        retry_after_s: seconds(waitMs),
      },
    );

  // A shared store grants the token when Redis runs the script; if its answer then sat in this
  // process's busy event loop, sending now would land on top of the next replica's turn (the API counts
  // arrivals). Such a stale token is dropped and the head asks again: a gap upstream costs nothing.
  const staleMs = Math.max(20, Math.min(50, interval / 3));
  let staleDrops = 0;

  const pump = async (): Promise<void> => {
    if (pumping) return;
    pumping = true;
    try {
      while (queue.length > 0) {
        const asked = performance.now();
        // A store that fails open keeps calls flowing rather than stranding the queue.
        const turn = await take().catch(() => ({ ok: true }) as const);
        // Bounded, so a process that is slow on every round trip still sends, if late.
        if (turn.ok && performance.now() - asked > staleMs && staleDrops < MAX_STALE_DROPS) {
          staleDrops += 1;
          continue;
        }
        if (turn.ok) {
          staleDrops = 0;
          queue.shift()?.done(ok(undefined));
        } else if (Date.now() + turn.waitMs > (queue[0]?.deadlineAt ?? 0)) {
          // The head cannot be served in time: tell it now instead of holding it past its deadline.
          queue.shift()?.done(refuse(turn.waitMs, 'The wait for a free slot exceeds the time allowed'));
        } else {
          await sleep(turn.waitMs);
        }
      }
    } finally {
      pumping = false;
    }
  };

  const acquire = (signal: AbortSignal, deadlineAt: number): Promise<Result<undefined>> => {
    if (queue.length >= spec.maxQueue)
      return Promise.resolve(refuse(queue.length * interval, 'Too many calls queued'));
    const expectedWait = (queue.length - spec.burst + 1) * interval;
    if (Date.now() + expectedWait > deadlineAt) {
      return Promise.resolve(refuse(expectedWait, 'The wait for a free slot exceeds the time allowed'));
    }
    return new Promise((resolve) => {
      const waiter: Waiter = {
        deadlineAt,
        done: (result) => {
          signal.removeEventListener('abort', onAbort);
          resolve(result);
        },
      };
      const onAbort = () => {
        const at = queue.indexOf(waiter);
        if (at !== -1) queue.splice(at, 1);
        waiter.done(onCancel());
      };
      if (signal.aborted) {
        resolve(onCancel());
        return;
      }
      signal.addEventListener('abort', onAbort, { once: true });
      queue.push(waiter);
      void pump();
    });
  };

  return {
    acquire,
    get queued() {
      return queue.length;
    },
  };
};
