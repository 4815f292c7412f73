import fc from 'fast-check';
import type { AppProcess } from '../support/spawn-app.js';
import { type Answer, outcomeOf, problemWith } from './check.js';
import { type FuzzRequest, requestArb, type ToolInfo } from './requests.js';

export interface FuzzReport {
  sent: number;
  seed: number;
  problems: Array<{ request: string; problem: string }>;
  outcomes: Record<string, number>;
  /** Total milliseconds spent per request kind (where the time goes). */
  msByKind: Record<string, number>;
  idleRssMb: number;
  peakRssMb: number;
  afterRssMb: number;
}

const post = async (app: AppProcess, headers: Record<string, string>, body: string): Promise<Answer> => {
  const res = await fetch(app.mcpUrl, {
    method: 'POST',
    headers: { authorization: app.authorization, ...headers },
    body,
    signal: AbortSignal.timeout(60_000),
  });
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text: await res.text() };
};

export const listTools = async (app: AppProcess): Promise<ToolInfo[]> => {
  const answer = await post(
    app,
    {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': '2025-06-18',
    },
    JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
  );
  return (JSON.parse(answer.text) as { result: { tools: ToolInfo[] } }).result.tools;
};

const describeRequest = (r: FuzzRequest) =>
  `${r.kind}${r.tool ? ` ${r.tool}` : ''} headers=${JSON.stringify(r.headers)} body=${
    r.body.length > 300 ? `${r.body.slice(0, 300)}… (${r.body.length} chars)` : r.body
  }`;

/**
 * Sends `runs` generated requests (in batches, `concurrency` at a time) and judges every answer.
 * Generation is seeded: FUZZ_SEED=<seed> replays a run.
 */
export const fuzzApp = async (
  app: AppProcess,
  options: { runs: number; seed: number; concurrency?: number; loopbackUrl?: string },
): Promise<FuzzReport> => {
  const tools = await listTools(app);
  const arb = requestArb(tools, options.loopbackUrl ? { loopbackUrl: options.loopbackUrl } : {});
  const report: FuzzReport = {
    sent: 0,
    seed: options.seed,
    problems: [],
    outcomes: {},
    msByKind: {},
    idleRssMb: app.rssMb(),
    peakRssMb: 0,
    afterRssMb: 0,
  };
  const batch = 250;
  for (let start = 0; start < options.runs; start += batch) {
    const requests = fc.sample(arb, {
      numRuns: Math.min(batch, options.runs - start),
      seed: options.seed + start,
    });
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const request = requests[next++] as FuzzRequest;
        let problem: string | undefined;
        const t0 = performance.now();
        try {
          const answer = await post(app, request.headers, request.body);
          problem = problemWith(request, answer);
          const label = `${request.kind}: ${outcomeOf(answer)}`;
          report.outcomes[label] = (report.outcomes[label] ?? 0) + 1;
        } catch (error) {
          problem = `no answer: ${(error as Error).message}`;
        }
        report.msByKind[request.kind] = Math.round(
          (report.msByKind[request.kind] ?? 0) + performance.now() - t0,
        );
        report.sent += 1;
        if (problem && report.problems.length < 20)
          report.problems.push({ request: describeRequest(request), problem });
      }
    };
    await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
    report.peakRssMb = Math.max(report.peakRssMb, app.rssMb());
    if (app.exitCode() !== undefined) {
      report.problems.push({
        request: '(process)',
        problem: `app exited with ${app.exitCode()}: ${app.stderr().slice(-3000)}`,
      });
      break;
    }
  }
  return report;
};
