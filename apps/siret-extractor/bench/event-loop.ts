// Event-loop delay while one hostile page is handled: the old inline parse vs guards + worker pool.
// Run: pnpm --filter @mcp/siret-extractor bench
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { DEFAULT_HTML_LIMITS, runHtmlTask, warmHtmlPool } from '@mcp/html';
import { findLegalLinks } from '../src/service/crawl/links.js';
import { analyzeHtml } from '../src/service/extract/index.js';
import { readPageTask } from '../src/service/extract/tasks.js';

const depth = Number(process.env.BENCH_DEPTH ?? 20_000);
const page = `${'<div>'.repeat(depth)}SIREN 732 829 320`;
const slow = `${'<div>'.repeat(500)}SIREN 732 829 320${'</b>'.repeat(200_000)}`;

const measure = async (label: string, run: () => Promise<unknown>) => {
  // monitorEventLoopDelay for percentiles, plus the longest gap between 5 ms ticks: a stall that ends
  // with the run is caught by the gap even when the histogram's timer has not fired yet.
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  let last = performance.now();
  let maxGap = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
  }, 5);
  await new Promise((r) => setTimeout(r, 20));
  const t = performance.now();
  await run();
  const ms = performance.now() - t;
  await new Promise((r) => setTimeout(r, 20));
  clearInterval(probe);
  h.disable();
  return {
    label,
    wall_ms: Math.round(ms),
    max_loop_stall_ms: Math.round(maxGap),
    p99_delay_ms: Math.round(h.percentile(99) / 1e6),
  };
};

await warmHtmlPool(readPageTask);
const tick = () => new Promise((r) => setImmediate(r));
const rows = [];
for (const [name, html] of [
  [`${depth} nested divs`, page],
  ['500 deep + 200k stray </b> (passes the guards)', slow],
] as const) {
  rows.push(
    await measure(`before, inline: ${name}`, async () => {
      await tick();
      analyzeHtml(html, 'https://x.fr/');
      findLegalLinks(html, 'https://x.fr/');
      await tick();
    }),
  );
  rows.push(
    await measure(`after, guards + worker: ${name}`, () =>
      runHtmlTask(
        readPageTask,
        { html, url: 'https://x.fr/', kind: 'html', links: true },
        { limits: DEFAULT_HTML_LIMITS },
      ),
    ),
  );
}
console.table(rows);
process.exit(0);
