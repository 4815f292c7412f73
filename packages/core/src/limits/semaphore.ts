export type Release = () => void;

export type Acquired = { ok: true; release: Release } | { ok: false; reason: 'queue_full' | 'aborted' };

export interface Semaphore {
  /**
   * A slot, at once or after waiting in a queue of at most `maxQueue` callers. Never throws: a full
   * queue or an aborted signal comes back as `{ ok: false }` so the caller answers with a typed error.
   */
  acquire: (signal?: AbortSignal) => Promise<Acquired>;
  /** Slots in use. */
  readonly active: number;
  /** Callers waiting for a slot. */
  readonly waiting: number;
}

export interface SemaphoreOptions {
  limit: number;
  /** Bound of the wait queue: past it, `acquire` refuses instead of letting memory grow. */
  maxQueue: number;
}

/** A counting semaphore with a bounded FIFO queue. */
export const createSemaphore = ({ limit, maxQueue }: SemaphoreOptions): Semaphore => {
  if (!(Number.isInteger(limit) && limit > 0)) throw new Error(`semaphore: limit must be a positive integer`);
  if (!(Number.isInteger(maxQueue) && maxQueue >= 0))
    throw new Error(`semaphore: maxQueue must be a non-negative integer`);
  let active = 0;
  const queue: Array<() => void> = [];

  const releaser = (): Release => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = queue.shift();
      // The slot passes straight to the next waiter, so `active` stays the same.
      if (next) next();
      else active -= 1;
    };
  };

  const acquire: Semaphore['acquire'] = (signal) => {
    if (signal?.aborted) return Promise.resolve({ ok: false, reason: 'aborted' });
    if (active < limit) {
      active += 1;
      return Promise.resolve({ ok: true, release: releaser() });
    }
    if (queue.length >= maxQueue) return Promise.resolve({ ok: false, reason: 'queue_full' });
    return new Promise<Acquired>((resolve) => {
      const onAbort = () => {
        const at = queue.indexOf(grant);
        if (at !== -1) queue.splice(at, 1);
        resolve({ ok: false, reason: 'aborted' });
      };
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve({ ok: true, release: releaser() });
      };
      queue.push(grant);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  };

  return {
    acquire,
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
};
