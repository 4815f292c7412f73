import type { AppFigures } from './figures.js';
import type { Row } from './measure.js';

const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '–');
const met = (ok: boolean) => (ok ? 'met' : '**not met**');

/** The Markdown section `pnpm bench` writes: ratios first, then the tables. */
export const renderReport = (r: {
  machine: string;
  load: string;
  settings: string;
  date: string;
  baselines: Row[];
  apps: AppFigures[];
  singleFlight: number;
}): string => {
  const [raw, sdk, core] = r.baselines as [Row, Row, Row];
  const lines = [
    `Run ${r.date} UTC on ${r.machine}; ${r.load}.`,
    `Command: \`pnpm --filter @mcp/quality bench\` (${r.settings}).`,
    '',
    '**Ratios (same run)**',
    '',
    `- @mcp/core / raw Fastify = **${ratio(core.rps, raw.rps)}×** (target ≥ 0.45×: ${met(core.rps / raw.rps >= 0.45)})`,
    `- @mcp/core / SDK stateless pattern = **${ratio(core.rps, sdk.rps)}×** (target ≥ 4×: ${met(core.rps / sdk.rps >= 4)})`,
    `- @mcp/core idle RSS = **${core.idleRssMb} MB** (target ≤ 70 MB: ${met(core.idleRssMb <= 70)})`,
    ...r.apps.map(
      (a) =>
        `- ${a.app} cached \`${a.tool}\` / raw Fastify = **${ratio(a.row.rps, raw.rps)}×**, / SDK pattern = **${ratio(a.row.rps, sdk.rps)}×**`,
    ),
    '',
    '| target | req/s | p50 ms | p99 ms | idle RSS MB | loaded RSS MB |',
    '|---|---:|---:|---:|---:|---:|',
    ...[...r.baselines, ...r.apps.map((a) => a.row)].map(
      (m) => `| ${m.name} | ${m.rps} | ${m.p50} | ${m.p99} | ${m.idleRssMb} | ${m.loadedRssMb} |`,
    ),
    '',
    `| app · tool | answer bytes | cold start to first answer ms | upstream requests, one call alone | upstream requests, ${r.singleFlight} identical concurrent calls | upstream requests per cached call |`,
    '|---|---:|---:|---:|---:|---:|',
    ...r.apps.map(
      (a) =>
        `| ${a.app} · ${a.tool} | ${a.answerBytes} | ${a.coldStartMs} | ${a.sampleUpstream} | ${a.singleFlightUpstream} | ${a.cachedUpstreamPerCall} |`,
    ),
  ];
  return lines.join('\n');
};
