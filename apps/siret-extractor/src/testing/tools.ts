import { createFetchBudget, createToolRegistry, type ToolContext } from '@mcp/core';
import {
  type ReplayServer,
  readFixtureJson,
  readFixtureText,
  startReplayServer,
  type TestToolsContext,
  testToolsContext,
} from '@mcp/core/testing';
import { warmHtmlPool } from '@mcp/html';
import { pino } from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { type ExtractorEnv, extractorEnv } from '../config.js';
import { createExtractorDeps } from '../deps.js';
import { readPageTask } from '../service/extract/tasks.js';
import { extractorTools } from '../tools/index.js';

export interface ToolResult {
  isError?: boolean;
  structuredContent: Record<string, unknown>;
}

/** One progress notification: [progress, total, message]. */
export type ProgressUpdate = [number, number | undefined, string | undefined];

/**
 * The four tools as the server builds them (createExtractorDeps on a test context), against loopback:
 * a site whose home page links to the recorded P11 legal notice, and the registry replaying recorded
 * answers (La Poste 356000000 active, Ganymede 880878145 closed, anything else unknown). Starts once per
 * test file (vitest hooks); the accessors are valid inside tests.
 */
export const useTools = () => {
  let site: ReplayServer | undefined;
  let annuaire: ReplayServer | undefined;
  let app: TestToolsContext<ExtractorEnv> | undefined;
  let registry: ReturnType<typeof createToolRegistry> | undefined;
  const progress: ProgressUpdate[] = [];
  const ctx = (): ToolContext => ({
    signal: new AbortController().signal,
    log: pino({ level: 'silent' }),
    fetchBudget: createFetchBudget(100),
    progress: async (p, t, m) => {
      progress.push([p, t, m]);
    },
  });

  beforeAll(async () => {
    site = await startReplayServer([
      {
        path: '/',
        headers: { 'content-type': 'text/html' },
        body: '<footer><a href="/mentions-legales.html">Mentions légales</a></footer>',
      },
      {
        path: '/mentions-legales.html',
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body: readFixtureText('siret', 'P11_8digriz-fr.html'),
      },
    ]);
    annuaire = await startReplayServer((req) => {
      const q = req.query.get('q');
      const file =
        q === '356000000'
          ? 'search_356000000.json'
          : q === '880878145'
            ? 'search_880878145.json'
            : 'search_12345678900003.json';
      return { path: '/search', body: readFixtureJson('annuaire', file) as object };
    });
    app = testToolsContext(extractorEnv, {
      ANNUAIRE_BASE_URL: annuaire.url,
      SAFE_FETCH_ALLOW_HOSTS: '127.0.0.1',
      SAFE_FETCH_ALLOW_PORTS: String(site.port),
    });
    registry = createToolRegistry(extractorTools(createExtractorDeps(app.ctx)));
  });
  afterAll(async () => {
    await app?.close();
    await site?.close();
    await annuaire?.close();
  });
  // Workers start from source under tsx: seconds on a busy machine, paid once here, not by a test.
  beforeAll(() => warmHtmlPool(readPageTask), 60_000);

  const tools = () => {
    if (!registry) throw new Error('tools not started');
    return registry;
  };
  return {
    siteUrl: (): string => {
      if (!site) throw new Error('site not started');
      return site.url;
    },
    registry: tools,
    ctx,
    /** Progress notifications of the calls so far (clear it with `.length = 0`). */
    progress,
    call: async (name: string, args: unknown): Promise<ToolResult> =>
      (await tools().call(name, args, ctx())) as ToolResult,
  };
};
