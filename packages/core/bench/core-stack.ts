// @mcp/core's full stack: Basic auth, throttle, Origin check, then tools/call through the registry.
import { pino } from 'pino';
import { prepareServer } from '../src/server.js';
import { exampleServer } from '../src/testing/example-server.js';

const prepared = await prepareServer(exampleServer, {
  env: {
    NODE_ENV: 'production',
    AUTH_USERNAME: 'bench',
    // Generated per run by bench/run.ts; secrets never live in the tree.
    AUTH_PASSWORD: process.env.BENCH_PASSWORD,
    LOG_LEVEL: 'warn',
  },
  argv: [],
  log: pino({ level: 'warn' }),
});
const app = await prepared.buildHttp();
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(`PORT=${typeof address === 'object' && address ? address.port : 0}\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(0));
