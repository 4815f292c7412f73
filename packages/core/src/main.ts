import { serveStdio } from '@modelcontextprotocol/server/stdio';
import type * as z from 'zod/v4';
import { guessablePasswords } from './auth/strength.js';
import { ConfigError } from './config.js';
import { devCredentialsBanner, prepareServer, type ServerDefinition, StartupError } from './server.js';

export interface RunningServer {
  /** `http://host:port` when serving HTTP. */
  url?: string;
  close: () => Promise<void>;
}

const fatal = (name: string, problems: string[]): never => {
  process.stderr.write(`${name}: refusing to start: ${problems.join('; ')}\n`);
  process.exit(1);
};

/**
 * Entry point of every app: validates env, then serves HTTP (default) or stdio (`--stdio` or
 * MCP_TRANSPORT=stdio). SIGTERM/SIGINT stop accepting, let in-flight requests finish (bounded by
 * SHUTDOWN_TIMEOUT_MS) and exit 0.
 */
export const runMain = async <S extends z.ZodObject>(
  definition: ServerDefinition<S>,
): Promise<RunningServer> => {
  let prepared: Awaited<ReturnType<typeof prepareServer>>;
  try {
    prepared = await prepareServer(definition);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof StartupError)
      return fatal(definition.name, error.problems);
    throw error;
  }
  const { config, log, host } = prepared;
  // Async and heavy (dictionaries), so outside prepareServer: only a production HTTP start pays for it.
  if (config.NODE_ENV === 'production' && prepared.transport === 'http') {
    const guessable = await guessablePasswords(prepared.credentials.basic);
    if (guessable.length > 0) return fatal(definition.name, guessable);
  }

  // Handlers go in before listening, so a SIGTERM during start-up also exits cleanly.
  let close: () => Promise<void> = async () => {};
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing in-flight requests');
    const timer = setTimeout(() => {
      log.warn({ timeout_ms: config.SHUTDOWN_TIMEOUT_MS }, 'shutdown timed out; exiting');
      process.exit(0);
    }, config.SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    close().then(
      () => {
        log.flush?.();
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  if (prepared.transport === 'stdio') process.stdin.once('end', () => stop('stdin closed'));

  let url: string | undefined;
  if (prepared.transport === 'stdio') {
    const handle = serveStdio(prepared.factory);
    close = async () => {
      await handle.close();
      await prepared.dispose();
    };
    log.info({ transport: 'stdio' }, `${definition.name} serving MCP on stdio`);
  } else {
    const app = await prepared.buildHttp();
    try {
      await app.listen({ port: config.PORT, host });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return fatal(definition.name, [
        code === 'EADDRINUSE'
          ? `port ${config.PORT} on ${host} is already in use (set PORT)`
          : `cannot listen on ${host}:${config.PORT}: ${(error as Error).message}`,
      ]);
    }
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
    url = `http://${shownHost}:${port}`;
    log.info({ transport: 'http', url: `${url}/mcp` }, `${definition.name} listening`);
    const banner = devCredentialsBanner(prepared.credentials, `${url}/mcp`);
    if (banner) process.stderr.write(`${banner}\n`);
    close = () => app.close();
  }

  return url === undefined ? { close } : { url, close };
};
