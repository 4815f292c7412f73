// @mcp/quality: suites that measure the whole system (conformance, Inspector, fuzz, faults, load, bench).
// Nothing here is imported by the apps; the exports serve the suites' own scripts.
export { binPath } from './support/bins.js';
export type { RunResult } from './support/run.js';
export { runNode } from './support/run.js';
