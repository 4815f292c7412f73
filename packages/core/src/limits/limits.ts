/**
 * Page fetches that may wait for a `FETCH_CONCURRENCY` slot in one process. Past it, a fetch answers
 * `rate_limited` at once: a queue that grows with the load only turns a flood into memory and latency.
 */
export const FETCH_QUEUE_MAX = 256;
