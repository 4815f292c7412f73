import type { CannonResult } from '../support/cannon.js';
import { measureCall } from './alone.js';
import type { Row } from './measure.js';

/** One side of a comparison: a running server and the request it is sent. */
export interface Side {
  name: string;
  url: string;
  body: string;
  authorization: string;
  headers?: Record<string, string>;
  idleRssMb: number;
  rssMb: () => number;
}

export interface SideFigures {
  /** The run of the median round (by req/s), with the RSS read right after this side's last run. */
  row: Row;
  rps: number[];
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/** `a / b` per round, and their median: a ratio both sides measured in the same minute. */
export const ratioOf = (a: SideFigures, b: SideFigures) => {
  const rounds = a.rps.map((v, i) => (b.rps[i] ? v / (b.rps[i] ?? 1) : 0));
  return { median: median(rounds), rounds };
};
export type Ratio = ReturnType<typeof ratioOf>;

/**
 * Measures every side in turn, round after round (a 2 s warm-up each time, then `seconds`; odd rounds
 * in reverse order): on a shared machine the speed of the whole box drifts by ±30 % within minutes, so
 * two sides measured minutes apart compare the drift as much as the servers. Each ratio is taken within a round; the report gives
 * the median round's. Any error or non-2xx fails the bench.
 */
export const interleave = async (
  sides: readonly Side[],
  load: { rounds: number; seconds: number; connections: number },
): Promise<Map<string, SideFigures>> => {
  const runs = new Map<string, CannonResult[]>(sides.map((s) => [s.name, []]));
  const loaded = new Map<string, number>();
  for (let round = 0; round < load.rounds; round++) {
    // Every other round in reverse order: a drift of the machine's speed during a round then favours
    // the first sides in one round and the last in the next, instead of always the same ones.
    const order = round % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) {
      runs.get(side.name)?.push(await measureCall(side.name, side, load));
      loaded.set(side.name, side.rssMb());
    }
  }
  return new Map(
    sides.map((side) => {
      const all = runs.get(side.name) ?? [];
      const rps = all.map((r) => r.rps);
      const mid = median(rps);
      const closest = all.reduce((best, r) => (Math.abs(r.rps - mid) < Math.abs(best.rps - mid) ? r : best));
      return [
        side.name,
        {
          rps,
          row: {
            name: side.name,
            ...closest,
            rps: Math.round(mid),
            idleRssMb: side.idleRssMb,
            loadedRssMb: loaded.get(side.name) ?? 0,
          },
        },
      ];
    }),
  );
};
