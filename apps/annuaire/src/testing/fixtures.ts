// Test helpers (imported by *.test.ts only): the recorded /search bodies, a loopback upstream that
// replays them by `q`, and the tools wired to it through the same registry the server uses.
import { type AnyTool, createToolRegistry } from '@mcp/core';
import {
  type RecordedRequest,
  type ReplayServer,
  readFixtureJson,
  startReplayServer,
  toolContext,
} from '@mcp/core/testing';
import {
  createRegisterClient,
  type RawSearchResponse,
  type RegisterClient,
  rawSearchResponseSchema,
  toSearchAnswer,
} from '@mcp/recherche-entreprises';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { annuaireTools } from '../tools/index.js';

export const FIXTURES = {
  laPoste: 'search_356000000.json',
  laPosteByName: 'search_la_poste.json',
  ganymedeClosed: 'search_880878145.json',
  ganymedeSiret: 'search_88087814500015.json',
  ganymedeByName: 'search_Ganymede.json',
  dinum: 'search_130025265.json',
  ghost: 'search_123456789.json',
  empty: 'search_12345678900003.json',
  agRennes: 'search_ag-cp_dep-35000-cp_dep_type-cp.json',
  xavierJouppe: 'search_xavier_jouppe.json',
} as const;
export type FixtureName = keyof typeof FIXTURES;

/** A recorded body as the API sent it, for replay servers. */
export const fixture = (name: FixtureName): Record<string, unknown> =>
  readFixtureJson<Record<string, unknown>>('annuaire', FIXTURES[name]);

/** A recorded body read the way the client reads it, for the mappers. */
export const parsedFixture = (name: FixtureName): RawSearchResponse =>
  toSearchAnswer(rawSearchResponseSchema.parse(fixture(name)), {});

/** The `q` each fixture was recorded with (expected.json `searchTerms`). */
const BY_QUERY: Record<string, FixtureName> = {
  '356000000': 'laPoste',
  'la poste': 'laPosteByName',
  '880878145': 'ganymedeClosed',
  '88087814500015': 'ganymedeSiret',
  Ganymede: 'ganymedeByName',
  '130025265': 'dinum',
  '123456789': 'ghost',
  '12345678900003': 'empty',
  ag: 'agRennes',
  'xavier jouppe': 'xavierJouppe',
};

/**
 * Picks the recorded answer for a request: by `q`; a person search (no `q`) by "<prénoms> <nom>", as
 * the recorded officer search was made with the same words. Unknown queries get the recorded empty
 * answer, which is what the API sends for a number it does not know.
 */
export const fixtureFor = (req: RecordedRequest): FixtureName => {
  const q = req.query.get('q');
  const person = [req.query.get('prenoms_personne'), req.query.get('nom_personne')].filter(Boolean).join(' ');
  const key = q ?? person.toLowerCase();
  return BY_QUERY[key] ?? 'empty';
};

export const startAnnuaireReplay = (): Promise<ReplayServer> =>
  startReplayServer((req) =>
    req.path === '/search' || req.path === '/near_point' ? { body: fixture(fixtureFor(req)) } : undefined,
  );

export interface Harness {
  api: RegisterClient;
  tools: AnyTool[];
  call: (name: string, args: unknown) => ReturnType<ReturnType<typeof createToolRegistry>['call']>;
  close: () => Promise<void>;
}

/** The five tools on a client pointed at `baseUrl`, called through the registry (validation included). */
export const harness = (
  baseUrl: string,
  options: { cacheTtlMs?: number; timeoutMs?: number; perSecond?: number } = {},
): Harness => {
  const api = createRegisterClient({ baseUrl, ...options });
  const tools = annuaireTools({ api });
  const registry = createToolRegistry(tools);
  return {
    api,
    tools,
    call: (name, args) => registry.call(name, args, toolContext()),
    close: () => api.close(),
  };
};

/** `structuredContent` of a tool result, typed loosely for assertions. */
export const sc = (result: { structuredContent?: unknown }): Record<string, unknown> =>
  (result.structuredContent ?? {}) as Record<string, unknown>;

/**
 * Per test file: the replaying upstream and a harness on it, started once, reset before each test so
 * `upstream.requests` holds only that test's arrivals.
 */
export const useReplayHarness = (options: { cacheTtlMs?: number } = {}) => {
  const env = {} as { upstream: ReplayServer; h: Harness };
  beforeAll(async () => {
    env.upstream = await startAnnuaireReplay();
    env.h = harness(env.upstream.url, options);
  });
  afterAll(async () => {
    await env.h.close();
    await env.upstream.close();
  });
  beforeEach(() => env.upstream.reset());
  return env;
};
