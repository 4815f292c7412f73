// `pnpm bench` in packages/core: raw Fastify, the SDK's documented stateless pattern and @mcp/core's
// full stack, measured one after another in the same run on loopback; prints the ratios first.
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { build } from 'tsdown';
import { type Measurement, measure } from './measure.js';

const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
// Servers run as plain JavaScript bundles, as in production, so RSS is not inflated by a TS loader.
await build({
  entry: [here('./raw-fastify.ts'), here('./sdk-pattern.ts'), here('./core-stack.ts')],
  outDir: here('./dist'),
  format: 'esm',
  platform: 'node',
  target: 'node22',
  dts: false,
  logLevel: 'warn',
});
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const call = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'tools/call',
  params: { name: 'echo', arguments: { text: 'hello' } },
});
// The same call as a 2026-07-28 client sends it: per-request envelope and Mcp-* headers.
const modernCall = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'tools/call',
  params: {
    name: 'echo',
    arguments: { text: 'hello' },
    _meta: {
      'io.modelcontextprotocol/protocolVersion': '2026-07-28',
      'io.modelcontextprotocol/clientInfo': { name: 'bench', version: '1.0.0' },
      'io.modelcontextprotocol/clientCapabilities': {},
    },
  },
});
const modernHeaders = {
  'mcp-protocol-version': '2026-07-28',
  'mcp-method': 'tools/call',
  'mcp-name': 'echo',
};
process.env.BENCH_PASSWORD ??= randomBytes(18).toString('base64url');
const basic = `Basic ${Buffer.from(`bench:${process.env.BENCH_PASSWORD}`).toString('base64')}`;

const results: Measurement[] = [];
for (const target of [
  { name: 'raw Fastify JSON echo', entry: here('./dist/raw-fastify.mjs'), body: call },
  { name: 'SDK stateless pattern', entry: here('./dist/sdk-pattern.mjs'), body: call },
  {
    name: '@mcp/core full stack',
    entry: here('./dist/core-stack.mjs'),
    body: call,
    headers: { authorization: basic },
  },
  {
    name: '@mcp/core, 2026-07-28 client',
    entry: here('./dist/core-stack.mjs'),
    body: modernCall,
    headers: { authorization: basic, ...modernHeaders },
  },
]) {
  const m = await measure(target, { seconds, connections });
  if (m.errors > 0 || m.non2xx > 0)
    throw new Error(`${m.name}: ${m.errors} errors, ${m.non2xx} non-2xx answers`);
  results.push(m);
}

const [raw, sdk, core, modern] = results as [Measurement, Measurement, Measurement, Measurement];
const ratio = (a: number, b: number) => (a / b).toFixed(2);
console.log(
  `\n@mcp/core benchmark — ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, Node ${process.version}`,
);
console.log(
  `autocannon: ${connections} connections, ${seconds} s per target after a 2 s warm-up, tools/call echo\n`,
);
console.log(`core / raw Fastify  = ${ratio(core.rps, raw.rps)}×   (target ≥ 0.45×)`);
console.log(`core / SDK pattern  = ${ratio(core.rps, sdk.rps)}×   (target ≥ 4×)`);
console.log(`core idle RSS       = ${core.idleRssMb} MB (target ≤ 70 MB)`);
console.log(
  `2026-07-28 client  = ${ratio(modern.rps, sdk.rps)}× the SDK pattern (served by the SDK handler)\n`,
);
console.log('| target | req/s | p50 ms | p99 ms | idle RSS MB | loaded RSS MB |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const m of results)
  console.log(`| ${m.name} | ${m.rps} | ${m.p50} | ${m.p99} | ${m.idleRssMb} | ${m.loadedRssMb} |`);
