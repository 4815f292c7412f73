import type { Ratio, SideFigures } from './interleave.js';
import type { Row } from './measure.js';

/** What the benchmark measured for one app: the run collects them, the report renders them. */
export interface AppFigures {
  app: string;
  tool: string;
  coldStartMs: number;
  answerBytes: number;
  singleFlightUpstream: number;
  sampleUpstream: number;
  cachedUpstreamPerCall: number;
  /** RSS after the single-flight and cache calls, before the throughput run (`row.idleRssMb`: at rest after start-up). */
  warmRssMb: number;
  row: Row;
}

/** The interleaved comparisons: echo (core vs raw Fastify and the SDK) and the payload app's cached call. */
export interface Comparisons {
  echo: { raw: SideFigures; sdk: SideFigures; core: SideFigures };
  payload: {
    raw: SideFigures;
    rawFlags: SideFigures;
    sdk: SideFigures;
    app: SideFigures;
    modern: SideFigures;
    aioMcp: SideFigures;
    aioEndpoint: SideFigures;
  };
  ratios: Record<
    | 'coreVsRaw'
    | 'coreVsSdk'
    | 'appVsRaw'
    | 'sdkVsRaw'
    | 'modernVsApp'
    | 'modernVsRaw'
    | 'aioMcpVsApp'
    | 'aioEndpointVsApp',
    Ratio
  >;
}
