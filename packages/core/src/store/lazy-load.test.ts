import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const tsx = createRequire(import.meta.url).resolve('tsx');
const serverUrl = new URL('../server.ts', import.meta.url).href;
const exampleUrl = new URL('../testing/example-server.ts', import.meta.url).href;
const coreDir = fileURLToPath(new URL('../..', import.meta.url));

/**
 * A child process records every module it resolves (Node's in-thread resolve hook sees ESM imports and
 * CommonJS requires alike), imports @mcp/core, starts the example server over HTTP and stops it, then
 * prints which of the optional libraries it loaded.
 */
const script = `
import { registerHooks } from 'node:module';
const seen = new Set();
registerHooks({ resolve(specifier, context, next) { const r = next(specifier, context); seen.add(r.url); return r; } });
const core = await import('@mcp/core');
const { prepareServer } = await import(${JSON.stringify(serverUrl)});
const { exampleServer } = await import(${JSON.stringify(exampleUrl)});
const { pino } = await import('pino');
const prepared = await prepareServer(exampleServer, {
  env: JSON.parse(process.env.CHILD_ENV), argv: [], log: pino({ level: 'silent' }),
});
const app = await prepared.buildHttp();
await app.listen({ host: '127.0.0.1', port: 0 });
const loaded = (name) => [...seen].some((url) => url.includes('/node_modules/' + name + '/'));
process.stdout.write(JSON.stringify({
  exports: typeof core.prepareServer, ioredis: loaded('ioredis'), promClient: loaded('prom-client'),
}));
await app.close().catch(() => {});
process.exit(0);
`;

const loadedBy = async (env: Record<string, string>) => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--conditions=@mcp/source', '--import', tsx, '--input-type=module', '-e', script],
    {
      cwd: coreDir,
      timeout: 60_000,
      env: {
        PATH: process.env.PATH ?? '',
        CHILD_ENV: JSON.stringify({
          NODE_ENV: 'production',
          HOST: '127.0.0.1',
          PORT: '0',
          AUTH_USERNAME: 'bench',
          AUTH_PASSWORD: 'a-long-enough-password-for-the-check',
          ...env,
        }),
      },
    },
  );
  return JSON.parse(stdout) as { exports: string; ioredis: boolean; promClient: boolean };
};

describe('optional libraries load only when configured', () => {
  it('without REDIS_URL nor METRICS_ENABLED, a started server has loaded neither ioredis nor prom-client', async () => {
    expect(await loadedBy({})).toEqual({ exports: 'function', ioredis: false, promClient: false });
  }, 60_000);

  it('with them set, it loads both (the check sees a library that is loaded)', async () => {
    // Port 1 refuses at once: the store starts on its local fallback, as it does while Redis is down.
    expect(await loadedBy({ REDIS_URL: 'redis://127.0.0.1:1', METRICS_ENABLED: 'true' })).toEqual({
      exports: 'function',
      ioredis: true,
      promClient: true,
    });
  }, 60_000);
});
