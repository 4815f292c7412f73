import type { AllInOneFigures, AppFigures } from './figures.js';
import type { Row } from './measure.js';

const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '–');
const met = (ok: boolean) => (ok ? 'met' : '**not met**');

/** One target line: the figure, its target, whether it is met, and the baseline it is measured against. */
const target = (label: string, value: string, goal: string, ok: boolean, baseline: string) =>
  `- ${label} = **${value}** (target ${goal}: ${met(ok)}; issue baseline ${baseline})`;

/** The Markdown section `pnpm bench` writes: the targets first, then the tables. */
export const renderReport = (r: {
  machine: string;
  load: string;
  settings: string;
  date: string;
  baselines: Row[];
  payloadBaselines: Row[];
  payloadApp: string;
  floor: Array<{ step: string; rssMb: number }>;
  nodeArgs: string[];
  apps: AppFigures[];
  /** The payload app's cached call from a 2026-07-28 client, same process and load. */
  modern?: Row;
  allInOne?: AllInOneFigures;
  singleFlight: number;
}): string => {
  const [raw, sdk, core] = r.baselines as [Row, Row, Row];
  const [rawSame, sdkSame] = r.payloadBaselines as [Row, Row];
  const cached = r.apps.find((a) => a.app === r.payloadApp);
  const floorMb = r.floor.at(-1)?.rssMb ?? 0;
  const cachedRow = cached?.row;
  const lines = [
    `Run ${r.date} UTC on ${r.machine}; ${r.load}.`,
    `Command: \`pnpm bench\` (${r.settings}). Apps run with the image's Node flags: \`${r.nodeArgs.join(' ') || '(none)'}\`; the baselines with Node's defaults.`,
    '',
    '**Targets (ratios from this one run)**',
    '',
    ...(cachedRow
      ? [
          target(
            `${r.payloadApp} cached \`${cached.tool}\` (${cached.answerBytes} bytes) / bare Fastify sending the same bytes`,
            `${ratio(cachedRow.rps, rawSame.rps)}×`,
            '≥ 0.8×',
            cachedRow.rps / rawSame.rps >= 0.8,
            '0.31–0.45×',
          ),
          `- SDK stateless pattern sending the same bytes / bare Fastify = **${ratio(sdkSame.rps, rawSame.rps)}×** (issue baseline 0.23–0.31×)`,
          target(
            `${r.payloadApp} loaded RSS / bare Fastify's under the same load`,
            `${ratio(cachedRow.loadedRssMb, rawSame.loadedRssMb)}×`,
            '≤ 1.3×',
            cachedRow.loadedRssMb <= 1.3 * rawSame.loadedRssMb,
            'annuaire 175–214 MB vs Fastify 106–131 MB',
          ),
          target(
            `${r.payloadApp} idle RSS vs the floor of its libraries (${floorMb} MB) + 5 MB`,
            `${cachedRow.idleRssMb} MB`,
            `≤ ${(floorMb + 5).toFixed(1)} MB`,
            cachedRow.idleRssMb <= floorMb + 5,
            '111–112 MB, then with its loopback replay upstreams in the same process',
          ),
          ...(r.modern
            ? [
                target(
                  `${r.payloadApp} cached \`${cached.tool}\` from a 2026-07-28 client / the same call from a 2025 client`,
                  `${ratio(r.modern.rps, cachedRow.rps)}×`,
                  '≈ 1×, ≥ 0.9×',
                  r.modern.rps >= 0.9 * cachedRow.rps,
                  'the SDK handler, 1.6× the SDK pattern only',
                ),
                `- ${r.payloadApp} cached \`${cached.tool}\`, 2026-07-28 client / bare Fastify sending the same bytes = **${ratio(r.modern.rps, rawSame.rps)}×**`,
              ]
            : []),
          ...(r.allInOne
            ? [
                target(
                  `all-in-one idle RSS / ${r.payloadApp}'s idle RSS`,
                  `${ratio(r.allInOne.idleRssMb, cachedRow.idleRssMb)}× (${r.allInOne.idleRssMb} vs ${cachedRow.idleRssMb} MB)`,
                  '≤ 1.3×',
                  r.allInOne.idleRssMb <= 1.3 * cachedRow.idleRssMb,
                  'none (new)',
                ),
                ...[r.allInOne.prefixed, r.allInOne.endpoint].map((row) =>
                  target(
                    `${row.name} / ${r.payloadApp} alone`,
                    `${ratio(row.rps, cachedRow.rps)}×`,
                    'as fast, ≥ 0.9×',
                    row.rps >= 0.9 * cachedRow.rps,
                    'none (new)',
                  ),
                ),
              ]
            : []),
        ]
      : []),
    target(
      '@mcp/core trivial tool (echo) / raw Fastify echo',
      `${ratio(core.rps, raw.rps)}×`,
      '≥ 0.5×',
      core.rps / raw.rps >= 0.5,
      '0.53–0.63×',
    ),
    target(
      '@mcp/core trivial tool (echo) / SDK stateless pattern',
      `${ratio(core.rps, sdk.rps)}×`,
      '≥ 5×',
      core.rps / sdk.rps >= 5,
      '16–18×',
    ),
    ...r.apps.map(
      (a) =>
        `- ${a.app} cached \`${a.tool}\` / raw Fastify echo = **${ratio(a.row.rps, raw.rps)}×**, / SDK pattern echo = **${ratio(a.row.rps, sdk.rps)}×**`,
    ),
    '',
    '| target | req/s | p50 ms | p99 ms | idle RSS MB | loaded RSS MB |',
    '|---|---:|---:|---:|---:|---:|',
    ...[
      ...r.baselines,
      ...r.payloadBaselines,
      ...r.apps.map((a) => a.row),
      ...(r.modern ? [r.modern] : []),
      ...(r.allInOne ? [r.allInOne.prefixed, r.allInOne.endpoint] : []),
    ].map((m) => `| ${m.name} | ${m.rps} | ${m.p50} | ${m.p99} | ${m.idleRssMb} | ${m.loadedRssMb} |`),
    '',
    '**Idle RSS floor** (a process loading only the libraries every app requires, listening on loopback):',
    '',
    '| step | idle RSS MB |',
    '|---|---:|',
    ...r.floor.map((f) => `| ${f.step} | ${f.rssMb} |`),
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
