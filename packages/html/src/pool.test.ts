import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWorkerPool, type WorkerPool } from './pool.js';
import { workerEntry } from './tasks.js';
import { echoTask, spinTask, throwTask } from './test-tasks.js';

const pools: WorkerPool[] = [];
const newPool = (over: { size?: number; idleMs?: number; maxQueue?: number } = {}) => {
  const pool = createWorkerPool({ ...workerEntry(), size: 1, idleMs: 60_000, maxQueue: 8, ...over });
  pools.push(pool);
  return pool;
};
afterEach(async () => {
  for (const pool of pools.splice(0)) await pool.close();
});

const job = (task: { name: string; module: string }, html = '<div><b>x</b></div>') => ({
  task: task.name,
  module: task.module,
  input: { html },
});

describe('worker pool', () => {
  it('starts no worker until a job arrives, then runs the task in a worker thread', async () => {
    const pool = newPool();
    expect(pool.stats().workers).toBe(0);
    const out = await pool.run(job(echoTask), { timeoutMs: 20_000 });
    expect(out).toEqual({ ok: true, value: { length: 19, depth: 2 } });
    expect(pool.stats()).toEqual({ workers: 1, busy: 0, queued: 0 });
  });

  it('stops a job past its time limit, and the next job gets a fresh worker', async () => {
    const pool = newPool();
    await pool.run(job(echoTask), { timeoutMs: 20_000 }); // worker started and warm
    const stuck = await pool.run(job(spinTask), { timeoutMs: 200 });
    expect(stuck).toMatchObject({ ok: false, error: { reason: 'timeout' } });
    const after = await pool.run(job(echoTask), { timeoutMs: 20_000 });
    expect(after.ok).toBe(true);
  });

  it('reports a task that throws as crashed and keeps serving', async () => {
    const pool = newPool();
    const out = await pool.run(job(throwTask), { timeoutMs: 20_000 });
    expect(out).toMatchObject({ ok: false, error: { reason: 'crashed' } });
    expect(out.ok || out.error.message).toContain('Maximum call stack size exceeded');
    expect((await pool.run(job(echoTask), { timeoutMs: 20_000 })).ok).toBe(true);
  });

  it('stops idle workers, so an idle pool holds no thread', async () => {
    const pool = newPool({ idleMs: 50 });
    await pool.run(job(echoTask), { timeoutMs: 20_000 });
    await vi.waitFor(() => expect(pool.stats().workers).toBe(0), { timeout: 5000, interval: 20 });
    expect((await pool.run(job(echoTask), { timeoutMs: 20_000 })).ok).toBe(true);
  });

  it('refuses past a bounded queue as busy', async () => {
    const pool = newPool({ maxQueue: 1 });
    const running = pool.run(job(spinTask), { timeoutMs: 20_000 });
    const queued = pool.run(job(echoTask), { timeoutMs: 20_000 });
    await vi.waitFor(() => expect(pool.stats()).toMatchObject({ busy: 1, queued: 1 }));
    expect(await pool.run(job(echoTask), { timeoutMs: 20_000 })).toMatchObject({
      ok: false,
      error: { reason: 'busy' },
    });
    await pool.close();
    expect(await running).toMatchObject({ ok: false, error: { reason: 'aborted' } });
    expect(await queued).toMatchObject({ ok: false, error: { reason: 'aborted' } });
  });

  it('kills the worker of a job whose caller aborts', async () => {
    const pool = newPool();
    const controller = new AbortController();
    const pending = pool.run(job(spinTask), { timeoutMs: 20_000, signal: controller.signal });
    await vi.waitFor(() => expect(pool.stats().busy).toBe(1));
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, error: { reason: 'aborted' } });
    expect(pool.stats().workers).toBe(0);
  });
});
