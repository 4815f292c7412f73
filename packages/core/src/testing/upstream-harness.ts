import { afterEach } from 'vitest';
import type { Upstream, UpstreamOptions } from '../upstream/types.js';
import { createUpstream } from '../upstream/upstream.js';
import { type ReplayRoute, type ReplayServer, startReplayServer } from './replay-server.js';

// Shared by the upstream tests: loopback servers and clients that close after each test.

type Closable = { close: () => Promise<void> };

export type UpstreamHarness = {
  /** Closes `x` after the current test. */
  track: <T extends Closable>(x: T) => T;
  serve: (routes: ReplayRoute[]) => Promise<ReplayServer>;
  /** A client on `server` with short backoff; `options` override the file's defaults. */
  client: (server: ReplayServer, options?: Partial<UpstreamOptions>) => Upstream;
};

/** Call once at the top of a test file, with that file's client defaults (at least the upstream name). */
export const upstreamHarness = (
  defaults: Partial<UpstreamOptions> & Pick<UpstreamOptions, 'name'>,
): UpstreamHarness => {
  const open: Closable[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((x) => x.close()));
  });

  const track = <T extends Closable>(x: T): T => {
    open.push(x);
    return x;
  };

  const serve = async (routes: ReplayRoute[]): Promise<ReplayServer> =>
    track(await startReplayServer(routes));

  const client = (server: ReplayServer, options: Partial<UpstreamOptions> = {}): Upstream =>
    track(
      createUpstream({
        baseUrl: server.url,
        backoff: { baseMs: 10, maxMs: 40 },
        ...defaults,
        ...options,
      }),
    );

  return { track, serve, client };
};
