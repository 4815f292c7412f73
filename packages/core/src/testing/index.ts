// Test kit of @mcp/core: loopback upstreams (HTTP and port 43) replaying fixtures, in-process apps and clients.

// The Redis store itself: apps get it through REDIS_URL (loaded on demand), tests build it directly.
export type { RedisStoreOptions, SharedStore } from '../store/redis.js';
export { createRedisStore } from '../store/redis.js';
export { busiestSecond } from './arrivals.js';
export type { ConformanceServer } from './conformance-server.js';
export { startConformanceServer } from './conformance-server.js';
export {
  fixturePath,
  fixturesDir,
  readFixture,
  readFixtureJson,
  readFixtureText,
  workspaceRoot,
} from './fixtures.js';
export type {
  Perturbation,
  PerturbationEdit,
  PerturbationOp,
  PerturbationOutcome,
  PerturbationReport,
  RunPerturbationsOptions,
} from './perturb.js';
export {
  applyPerturbation,
  FORBIDDEN_OUTCOMES,
  outcomeOf,
  PERTURBATION_OPS,
  perturbationRuns,
  perturbationSeed,
  perturbationTestTimeoutMs,
  perturbationTimeLimitMs,
  perturbedJson,
  runPerturbations,
} from './perturb.js';
export type { SpawnedServer } from './process.js';
export { spawnServer, tsxNodeArgs } from './process.js';
export { recordingStore } from './recording-store.js';
export type { TestRedis } from './redis-server.js';
export { deleteRedisKeys, freePort, startRedisServer, uniqueRedisPrefix } from './redis-server.js';
export type {
  RecordedRequest,
  ReplayReply,
  ReplayResolver,
  ReplayRoute,
  ReplayServer,
} from './replay-server.js';
export { startReplayServer } from './replay-server.js';
export type { ProtocolMode, TestServer } from './start.js';
export { startTestServer, TEST_CREDENTIAL } from './start.js';
export { toolContext } from './tool-context.js';
export { toolErrorOf } from './tool-error.js';
export type { TestToolsContext } from './tools-context.js';
export { testToolsContext } from './tools-context.js';
export type { WhoisReply, WhoisTestServer } from './whois-server.js';
export { startWhoisServer } from './whois-server.js';
