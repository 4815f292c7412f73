import { startTestServer, toolErrorOf } from '@mcp/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULT_CASES, startBootstrap } from './cases.js';
import { FAULTS, type Fault, type FaultServer, startFaultServer } from './fault-server.js';

/*
 * Every tool of every app against loopback upstreams that misbehave on command. Each answer must be a
 * typed error (or a result that carries the failure as data), within the deadline, never
 * internal_error; the app stays healthy; and once closed it leaves no socket or timer behind.
 */

const UPSTREAM_CODES = new Set([
  'upstream_timeout',
  'upstream_http',
  'upstream_bad_response',
  'upstream_too_large',
  'rate_limited',
  'blocked',
  'not_found',
]);

/** Open handles by type (sockets, timers, servers…), from Node's own accounting. */
const handles = () => {
  const counts: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
};

type Row = { fault: Fault; tool: string; outcome: string; ms: number };

describe.each(FAULT_CASES)('upstream faults against $app.app', (fc) => {
  let fault: FaultServer;
  let bootstrap: Awaited<ReturnType<typeof startBootstrap>>;
  let before: Record<string, number>;
  const rows: Row[] = [];

  beforeAll(async () => {
    before = handles();
    fault = await startFaultServer();
    bootstrap = await startBootstrap();
  });
  afterAll(async () => {
    await fault?.close();
    await bootstrap?.close();
    process.stdout.write(
      `[faults] ${fc.app.app}\n${rows.map((r) => `  ${r.fault.padEnd(16)} ${r.tool.padEnd(24)} ${r.outcome.padEnd(40)} ${r.ms} ms`).join('\n')}\n`,
    );
  });

  it('answers every tool with a typed error within its deadline, stays healthy, leaks nothing', async () => {
    const server = await startTestServer(fc.app.definition, {
      env: fc.env(fault, { bootstrapUrl: bootstrap.url }),
    });
    const client = await server.connect('legacy');
    try {
      for (const mode of FAULTS) {
        fault.set(mode);
        await Promise.all(
          fc.calls(fault).map(async (call) => {
            const t0 = performance.now();
            const result = await client.callTool(call, { timeout: fc.deadlineMs + 30_000 });
            const ms = Math.round(performance.now() - t0);
            const error = result.isError ? toolErrorOf(result) : undefined;
            const outcome = result.isError ? `error ${error?.code}` : 'result (failure as data)';
            rows.push({ fault: mode, tool: call.name, outcome, ms });
            expect(ms, `${mode} ${call.name}`).toBeLessThan(fc.deadlineMs);
            if (result.isError) {
              expect(UPSTREAM_CODES.has(error?.code ?? ''), `${mode} ${call.name}: ${error?.code}`).toBe(
                true,
              );
              expect(error?.message).toBeTruthy();
            }
          }),
        );
        const health = await fetch(`${server.url}/`);
        expect(health.status, `healthy after ${mode}`).toBe(200);
      }
      // No pile-up while running: timers and sockets settle back once the faults stop.
      fault.set('503-burst');
      await new Promise((r) => setTimeout(r, 2000));
      const during = handles();
      expect(during.Timeout ?? 0).toBeLessThan((before.Timeout ?? 0) + 40);
    } finally {
      await server.close();
    }
    await fault.close();
    await bootstrap.close();
    await new Promise((r) => setTimeout(r, 500));
    const after = handles();
    for (const type of ['TCPSocketWrap', 'TCPServerWrap', 'Timeout'])
      expect(after[type] ?? 0, `${type} after close`).toBeLessThanOrEqual(before[type] ?? 0);
  });
});
