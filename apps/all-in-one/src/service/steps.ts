import type { ErrorPayload, Result, ToolContext } from '@mcp/core';
import { type Source, STEPS, type StepName } from '../schemas.js';

interface StepRecord {
  status: Source['status'] | 'running';
  code: string | null;
  detail: string | null;
  started: number;
  duration_ms: number;
}

export interface StepRunner {
  /** Runs one step under the dossier's deadline; its value, or undefined when it did not succeed. */
  run: <T>(step: StepName, work: (ctx: ToolContext) => Promise<Result<T>>) => Promise<T | undefined>;
  skip: (step: StepName, detail: string) => void;
  /** Records a step whose outcome another step already gave (e.g. identify by the legal notice). */
  settle: (step: StepName, status: Source['status'], detail: string) => void;
  /** The step's outcome so far; undefined before it finished. */
  status: (step: StepName) => Source['status'] | undefined;
  /** One entry per step, in pipeline order: unfinished steps are timed_out once the deadline passed. */
  sources: () => Source[];
}

const statusOf = (error: ErrorPayload): Source['status'] =>
  error.code === 'not_found' ? 'not_found' : 'failed';

/**
 * The dossier's steps share the call's context (its fetch budget, its logger) under one deadline: a
 * step stopped by the deadline is `timed_out`, never `failed`, and each finished step sends a progress
 * notification when the client asked for them.
 */
export const createStepRunner = (parent: ToolContext, deadline: AbortSignal): StepRunner => {
  const records = new Map<StepName, StepRecord>();
  const signal = AbortSignal.any([parent.signal, deadline]);
  let done = 0;
  const finish = (step: StepName, rec: StepRecord) => {
    records.set(step, rec);
    done += 1;
    void parent.progress(done, STEPS.length, `${step}: ${rec.status}`).catch(() => undefined);
  };
  const timedOut = () => deadline.aborted && !parent.signal.aborted;

  return {
    async run(step, work) {
      const started = performance.now();
      records.set(step, { status: 'running', code: null, detail: null, started, duration_ms: 0 });
      const ctx: ToolContext = {
        ...parent,
        signal,
        log: parent.log.child({ step }),
        // The dossier reports its own progress, one notification per step.
        progress: async () => undefined,
      };
      const res = await work(ctx);
      const duration_ms = Math.round(performance.now() - started);
      if (res.ok) {
        finish(step, { status: 'ok', code: null, detail: null, started, duration_ms });
        return res.value;
      }
      const status = timedOut() ? 'timed_out' : statusOf(res.error);
      finish(step, {
        status,
        code: status === 'failed' ? res.error.code : null,
        detail: status === 'timed_out' ? 'Stopped at the dossier’s deadline (timeout_s).' : res.error.message,
        started,
        duration_ms,
      });
      return undefined;
    },
    skip(step, detail) {
      finish(step, { status: 'skipped', code: null, detail, started: performance.now(), duration_ms: 0 });
    },
    settle(step, status, detail) {
      finish(step, { status, code: null, detail, started: performance.now(), duration_ms: 0 });
    },
    status(step) {
      const rec = records.get(step);
      return rec && rec.status !== 'running' ? rec.status : undefined;
    },
    sources() {
      const now = performance.now();
      return STEPS.map((step): Source => {
        const rec = records.get(step);
        if (!rec || rec.status === 'running') {
          const expired = deadline.aborted;
          return {
            step,
            status: expired ? 'timed_out' : 'skipped',
            code: null,
            detail: expired
              ? rec
                ? 'Still running at the dossier’s deadline (timeout_s).'
                : 'Not reached before the dossier’s deadline (timeout_s).'
              : 'Not needed for the sections asked.',
            duration_ms: rec ? Math.round(now - rec.started) : 0,
          };
        }
        return { step, status: rec.status, code: rec.code, detail: rec.detail, duration_ms: rec.duration_ms };
      });
    },
  };
};
