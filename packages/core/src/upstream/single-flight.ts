/**
 * Identical in-flight calls share one execution. The shared work runs on its own AbortController,
 * aborted only when every caller has given up, so one cancelled caller never fails the others.
 */

interface Flight<T> {
  promise: Promise<T>;
  controller: AbortController;
  waiters: number;
}

export interface SingleFlight<T> {
  /** Runs `work` unless the same key is already running; `onJoin` fires for callers that share. */
  run(
    key: string,
    work: (signal: AbortSignal) => Promise<T>,
    signal?: AbortSignal,
    onJoin?: () => void,
  ): Promise<T>;
  readonly size: number;
}

export const createSingleFlight = <T>(onAbandon: () => T): SingleFlight<T> => {
  const flights = new Map<string, Flight<T>>();

  const start = (key: string, work: (signal: AbortSignal) => Promise<T>): Flight<T> => {
    const controller = new AbortController();
    const flight: Flight<T> = { controller, waiters: 0, promise: Promise.resolve(undefined as T) };
    flight.promise = work(controller.signal).finally(() => {
      if (flights.get(key) === flight) flights.delete(key);
    });
    flights.set(key, flight);
    return flight;
  };

  const wait = (flight: Flight<T>, signal?: AbortSignal): Promise<T> => {
    flight.waiters += 1;
    if (!signal) {
      return flight.promise.finally(() => {
        flight.waiters -= 1;
      });
    }
    return new Promise<T>((resolve, reject) => {
      const leave = () => {
        flight.waiters -= 1;
        signal.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        leave();
        if (flight.waiters === 0) flight.controller.abort(signal.reason);
        resolve(onAbandon());
      };
      if (signal.aborted) {
        onAbort();
        return;
      }
      signal.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(
        (value) => {
          if (signal.aborted) return;
          leave();
          resolve(value);
        },
        (error: unknown) => {
          if (signal.aborted) return;
          leave();
          reject(error);
        },
      );
    });
  };

  return {
    run: (key, work, signal, onJoin) => {
      const existing = flights.get(key);
      if (existing) onJoin?.();
      return wait(existing ?? start(key, work), signal);
    },
    get size() {
      return flights.size;
    },
  };
};
