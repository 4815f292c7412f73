import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod/v4';
import { createMemoryStore } from './store/memory.js';
import { startReplayServer } from './testing/replay-server.js';
import { toolContext } from './testing/tool-context.js';
import { defineTool } from './tool.js';
import { createToolRegistry } from './tool-registry.js';
import { createUpstream } from './upstream/upstream.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A tool reading one cached upstream answer, counting handler runs and output checks. */
const world = async (ttlMs = 60_000) => {
  let name = 'La Poste';
  const api = await startReplayServer(() => ({ body: { name } }));
  let now = 1_000_000; // lru-cache reads a start time of 0 as "no TTL"
  const store = createMemoryStore({ now: () => now });
  const upstream = createUpstream({ name: 'register', baseUrl: api.url, store, cache: { ttlMs } });
  closers.push(api.close, () => upstream.close());
  const counts = { runs: 0, checks: 0 };
  const output = z.object({ name: z.string() }).check(() => {
    counts.checks += 1;
  });
  const tool = defineTool({
    name: 'get_name',
    title: 'Name',
    description: 'The registered name.',
    input: z.object({ siren: z.string() }),
    output,
    handler: async ({ siren }) => {
      counts.runs += 1;
      const res = await upstream.json<{ name: string }>({ path: `/x/${siren}` });
      return res.ok ? { name: res.value.data.name } : { name: '?' };
    },
  });
  return {
    counts,
    requests: () => api.requests.length,
    rename: (next: string) => {
      name = next;
    },
    advance: (ms: number) => {
      now += ms;
    },
    registry: (reuseResults: boolean) => createToolRegistry([tool], { reuseResults }),
  };
};

describe('reusing the results of cached calls (production)', () => {
  it('answers a repeated cached call with the same result object, without running the handler again', async () => {
    const w = await world();
    const registry = w.registry(true);
    const first = await registry.call('get_name', { siren: '1' }, toolContext());
    const second = await registry.call('get_name', { siren: '1' }, toolContext());
    const third = await registry.call('get_name', { siren: '1' }, toolContext());
    const fourth = await registry.call('get_name', { siren: '1' }, toolContext());
    expect(first.structuredContent).toEqual({ name: 'La Poste' });
    // The first call fetched (nothing to replay), the second read the cache (traced), then replays.
    expect(w.counts.runs).toBe(2);
    expect(w.counts.checks).toBe(1);
    expect(third).toBe(second);
    expect(fourth).toBe(second);
    expect(fourth).toEqual(first);
    expect(w.requests()).toBe(1);
  });

  it('runs the handler again once the cache entry it read has expired, and answers the new data', async () => {
    const w = await world(1000);
    const registry = w.registry(true);
    await registry.call('get_name', { siren: '1' }, toolContext());
    await registry.call('get_name', { siren: '1' }, toolContext());
    w.rename('La Poste SA');
    w.advance(1001);
    const after = await registry.call('get_name', { siren: '1' }, toolContext());
    expect(after.structuredContent).toEqual({ name: 'La Poste SA' });
    expect(w.requests()).toBe(2);
  });

  it('keys on the arguments: other arguments run the handler', async () => {
    const w = await world();
    const registry = w.registry(true);
    await registry.call('get_name', { siren: '1' }, toolContext());
    await registry.call('get_name', { siren: '1' }, toolContext());
    await registry.call('get_name', { siren: '2' }, toolContext());
    expect(w.counts.runs).toBe(3);
  });

  it('validates every answer when off (tests, development)', async () => {
    const w = await world();
    const registry = w.registry(false);
    for (let i = 0; i < 3; i++) await registry.call('get_name', { siren: '1' }, toolContext());
    expect(w.counts.runs).toBe(3);
    expect(w.counts.checks).toBe(3);
  });
});
