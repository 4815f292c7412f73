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
  row: Row;
}

/** all-in-one serving the payload app's cached call: on `/mcp` (prefixed name) and on `/<app>/mcp`. */
export interface AllInOneFigures {
  idleRssMb: number;
  prefixed: Row;
  endpoint: Row;
}
