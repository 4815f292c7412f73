// Process entry: `node --import tsx serve-app.ts <app>` starts the app's loopback upstreams and the app on
// 127.0.0.1 (random ports, test credentials), then prints one `READY {json}` line with the URLs.
// The suites run each app in its own process so a crash, a leak or RSS is the app's alone.
import { prepareServer } from '@mcp/core';
import { TEST_CREDENTIAL } from '@mcp/core/testing';
import { pino } from 'pino';
import { APP_NAMES, loadAppCase } from '../apps/load.js';
import { answerStdin } from './stdin-answers.js';

const name = process.argv[2] ?? '';
const app = await loadAppCase(name);
if (!app) {
  process.stderr.write(`unknown app ${name}; one of ${APP_NAMES.join(', ')}\n`);
  process.exit(2);
}

const upstreams = await app.upstreams();
const extra = JSON.parse(process.env.APP_ENV_JSON ?? '{}') as Record<string, string>;
const prepared = await prepareServer(app.definition, {
  env: {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    AUTH_USERNAME: TEST_CREDENTIAL.username,
    AUTH_PASSWORD: TEST_CREDENTIAL.password,
    // The fuzzer sends thousands of requests from one IP with good credentials; bad ones are separate.
    AUTH_MAX_FAILURES: '1000000',
    ...upstreams.env,
    ...extra,
  },
  argv: [],
  log: pino({ level: process.env.APP_LOG_LEVEL ?? 'silent' }),
});
const server = await prepared.buildHttp();
await server.listen({ host: '127.0.0.1', port: 0 });
const address = server.server.address();
const port = typeof address === 'object' && address ? address.port : 0;

// The parent asks over stdin for upstream request counts ("count" → "COUNT n") and, when the process
// runs with --expose-gc, for a full collection before it reads RSS ("gc" → "GC").
answerStdin({ count: () => `COUNT ${upstreams.requests()}` });

const shutdown = async () => {
  await server.close();
  await upstreams.close();
  process.exit(0);
};
process.once('SIGTERM', () => void shutdown());
process.once('SIGINT', () => void shutdown());
process.stdout.write(
  `READY ${JSON.stringify({ url: `http://127.0.0.1:${port}`, env: upstreams.env, pid: process.pid })}\n`,
);
