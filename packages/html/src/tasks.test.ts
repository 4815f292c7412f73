import { describe, expect, it } from 'vitest';
import { DEFAULT_HTML_LIMITS } from './limits.js';
import { createWorkerPool } from './pool.js';
import { runHtmlTask, workerEntry } from './tasks.js';
import { echoTask } from './test-tasks.js';

describe('runHtmlTask', () => {
  const limits = { ...DEFAULT_HTML_LIMITS, maxBytes: 1000, maxDepth: 20, timeoutMs: 20_000 };

  it('refuses pages over the limits before any worker starts', async () => {
    const pool = createWorkerPool({ ...workerEntry(), size: 1, idleMs: 1000, maxQueue: 4 });
    const big = await runHtmlTask(echoTask, { html: 'x'.repeat(1001) }, { limits, pool });
    const deep = await runHtmlTask(echoTask, { html: '<div>'.repeat(21) }, { limits, pool });
    expect(big).toMatchObject({ ok: false, error: { reason: 'too_large', measured: 1001 } });
    expect(deep).toMatchObject({ ok: false, error: { reason: 'too_deep', limit: 20 } });
    expect(pool.stats().workers).toBe(0);
  });

  it('runs a page within the limits in the shared pool', async () => {
    const out = await runHtmlTask(echoTask, { html: '<div><span>a</span></div>' }, { limits });
    expect(out).toEqual({ ok: true, value: { length: 25, depth: 2 } });
  });
});
