import fc from 'fast-check';
import { badValue } from './payloads.js';
import { type ArbContext, type JsonSchema, objectArb, URL_FIELD } from './schema-arb.js';

export interface FuzzRequest {
  kind: string;
  headers: Record<string, string>;
  body: string;
  /** The tools/call target, for the verdict. */
  tool?: string;
}

export interface ToolInfo {
  name: string;
  inputSchema: JsonSchema;
}

const LEGACY = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };

/** Header sets: the fast path (2025 header), the SDK path (no header / SSE), and broken ones. */
const headersArb: fc.Arbitrary<Record<string, string>> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ ...LEGACY, 'mcp-protocol-version': '2025-06-18' }) },
  { weight: 2, arbitrary: fc.constant({ ...LEGACY, 'mcp-protocol-version': '2025-11-25' }) },
  { weight: 2, arbitrary: fc.constant({ ...LEGACY }) },
  {
    weight: 1,
    arbitrary: fc.record({
      'content-type': fc.constantFrom('application/json', 'text/plain', 'application/json; charset=latin1'),
      accept: fc.constantFrom('application/json', 'text/event-stream', '*/*', 'text/html'),
      'mcp-protocol-version': fc.constantFrom('2025-06-18', '1999-01-01', 'garbage', '2026-07-28'),
    }),
  },
);

const rpc = (method: string, params?: unknown, id: unknown = 1) =>
  JSON.stringify({ jsonrpc: '2.0', id, method, ...(params === undefined ? {} : { params }) });

const dotless = (v: unknown) => (typeof v === 'string' ? v.replace(/[.:/\\@]/g, '_') : v);

/** Mutations of valid arguments: wrong types, boundaries, payloads, missing or extra fields. */
const mutate = (args: Record<string, unknown>): fc.Arbitrary<unknown> => {
  const keys = Object.keys(args);
  const set = (key: string, value: unknown) => ({
    ...args,
    [key]: URL_FIELD.test(key) ? dotless(value) : value,
  });
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(args) },
    ...(keys.length > 0
      ? [
          {
            weight: 8,
            arbitrary: fc.tuple(fc.constantFrom(...keys), badValue).map(([k, v]) => set(k, v)),
          },
          {
            weight: 1,
            arbitrary: fc.constantFrom(...keys).map((k) => {
              const { [k]: _dropped, ...rest } = args;
              return rest;
            }),
          },
        ]
      : []),
    { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 12 }), badValue).map(([k, v]) => set(k, v)) },
    { weight: 1, arbitrary: fc.constant(JSON.parse('{"__proto__":{"polluted":true}}') as unknown) },
    { weight: 1, arbitrary: badValue },
  );
};

// One argument arbitrary per tool, built once: building them per sample dominated generation time.
const toolCallArb = (tools: readonly ToolInfo[], ctx: ArbContext): fc.Arbitrary<FuzzRequest> =>
  fc
    .oneof(
      ...tools.map((tool) =>
        fc.tuple(
          fc.constant(tool.name),
          objectArb(tool.inputSchema, ctx).chain(mutate),
          headersArb,
          fc.boolean(),
        ),
      ),
    )
    .map(([name, args, headers, progress]) => ({
      kind: 'tool-call',
      tool: name,
      headers,
      body: rpc('tools/call', {
        name,
        arguments: args,
        ...(progress ? { _meta: { progressToken: 'p1' } } : {}),
      }),
    }));

const deep = (depth: number, open: string, close: string) =>
  open === '[' ? open.repeat(depth) + close.repeat(depth) : `${open.repeat(depth)}1${close.repeat(depth)}`;

/** Everything else a client can get wrong before a tool ever runs. */
const protocolArb: fc.Arbitrary<FuzzRequest> = fc
  .oneof(
    {
      weight: 3,
      arbitrary: fc
        .oneof(
          fc.string({ maxLength: 200 }),
          fc.constantFrom('', '{', '{"jsonrpc":"2.0",', '[1,2', '{"a":1}}', '\uFEFF{}', 'nul', "{'a':1}"),
          fc.jsonValue().map((v) => `${JSON.stringify(v)}garbage`),
        )
        .map((body) => ({ kind: 'malformed-json', body })),
    },
    {
      weight: 3,
      arbitrary: fc
        .oneof(
          fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
          fc
            .record(
              {
                jsonrpc: fc.constantFrom<unknown>('2.0', '1.0', 2, null),
                id: fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.object(), fc.double()),
                method: fc.oneof(fc.constantFrom('tools/call', 'tools/list', 'initialize'), fc.integer()),
                params: fc.oneof(fc.string(), fc.integer(), fc.array(fc.integer()), fc.object()),
              },
              { requiredKeys: [] },
            )
            .map((v) => JSON.stringify(v)),
          fc
            .array(fc.constant(rpc('tools/list')), { minLength: 1, maxLength: 3 })
            .map((a) => `[${a.join(',')}]`),
        )
        .map((body) => ({ kind: 'rpc-shape', body })),
    },
    {
      weight: 2,
      arbitrary: fc
        .oneof(
          fc.string({ maxLength: 40 }),
          fc.constantFrom(
            'resources/list',
            'prompts/get',
            'logging/setLevel',
            'completion/complete',
            'tasks/get',
            'sampling/createMessage',
            'server/discover',
            'notifications/initialized',
            'ping',
          ),
        )
        .chain((method) => fc.tuple(fc.constant(method), fc.jsonValue({ maxDepth: 2 }), fc.boolean()))
        .map(([method, params, notification]) => ({
          kind: 'method',
          body: notification
            ? JSON.stringify({ jsonrpc: '2.0', method, params })
            : rpc(method, typeof params === 'object' && params !== null ? params : undefined),
        })),
    },
    {
      weight: 1,
      arbitrary: fc
        .oneof(
          fc.integer({ min: 1000, max: 200_000 }).map((d) => deep(d, '[', ']')),
          fc
            .integer({ min: 1000, max: 100_000 })
            .map(
              (d) =>
                `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"x","arguments":${deep(d, '{"a":', '}')}}}`,
            ),
          fc.constant(
            `{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{"x":"${'y'.repeat(1_100_000)}"}}`,
          ),
          fc.constant(`[${Array.from({ length: 2000 }, () => rpc('tools/list')).join(',')}]`),
        )
        .map((body) => ({ kind: 'huge-or-deep', body })),
    },
  )
  .chain((r) => headersArb.map((headers) => ({ ...r, headers })));

/** The mix the fuzzer sends: about half tool calls on the app's own schemas, half protocol abuse. */
export const requestArb = (tools: readonly ToolInfo[], ctx: ArbContext): fc.Arbitrary<FuzzRequest> =>
  fc.oneof({ weight: 5, arbitrary: toolCallArb(tools, ctx) }, { weight: 5, arbitrary: protocolArb });
