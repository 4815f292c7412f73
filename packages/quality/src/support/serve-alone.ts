// Process entry of `pnpm bench` and `pnpm test:load`: `node serve-alone.mjs <app>` serves one app — and
// nothing else: no fixtures, no replay upstreams (serve-upstreams runs those in another process; their
// env comes in APP_ENV_JSON, with the credentials: this entry imports nothing of the test kit, so the
// process holds what a deployed app holds) — on 127.0.0.1, then prints `READY {json}`. "gc" on stdin
// answers `GC {json}` (after a full collection when run with --expose-gc), for the soak's readings.
import type { ServerDefinition } from '@mcp/core';
import { prepareServer } from '@mcp/core';
import { pino } from 'pino';
import { answerStdin } from './stdin-answers.js';

const as = (definition: unknown) => definition as ServerDefinition;
const DEFINITIONS: Record<string, () => Promise<ServerDefinition>> = {
  annuaire: async () => as((await import('@mcp/annuaire')).annuaireServer),
  serp: async () => as((await import('@mcp/serp')).serpServer),
  rdap: async () => as((await import('@mcp/rdap')).rdapServer),
  linkedin: async () => as((await import('@mcp/linkedin')).linkedinServer),
  'siret-extractor': async () => as((await import('@mcp/siret-extractor')).extractorServer),
  'all-in-one': async () => as((await import('@mcp/all-in-one')).allInOneServer),
};

const name = process.argv[2] ?? '';
const load = DEFINITIONS[name];
if (!load) {
  process.stderr.write(`unknown app ${name}; one of ${Object.keys(DEFINITIONS).join(', ')}\n`);
  process.exit(2);
}
const prepared = await prepareServer(await load(), {
  env: {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    AUTH_MAX_FAILURES: '1000000',
    ...(JSON.parse(process.env.APP_ENV_JSON ?? '{}') as Record<string, string>),
  },
  argv: [],
  log: pino({ level: 'silent' }),
});
const server = await prepared.buildHttp();
await server.listen({ host: '127.0.0.1', port: 0 });
const address = server.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
answerStdin();
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
process.stdout.write(
  `READY ${JSON.stringify({ url: `http://127.0.0.1:${port}`, env: {}, pid: process.pid })}\n`,
);
