import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import type { LightMyRequestResponse } from 'fastify';
import { type Logger, pino } from 'pino';
import type * as z from 'zod/v4';
import { type BasicCredential, basicHeader } from '../auth/credentials.js';
import { type PreparedServer, prepareServer, type ServerDefinition } from '../server.js';

export const TEST_CREDENTIAL: BasicCredential = {
  username: 'tester',
  password: 'correct-horse-battery-staple',
};

export type ProtocolMode = 'legacy' | 'modern';

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  mcpUrl: string;
  /** `Basic …` for TEST_CREDENTIAL (or the credential given in env). */
  authorization: string;
  /**
   * An official SDK client, Basic auth, connected over Streamable HTTP. `legacy` = 2025 initialize;
   * `path`: another endpoint of the server (`/<name>/mcp`), default `/mcp`.
   */
  connect: (mode?: ProtocolMode, path?: string) => Promise<Client>;
  inject: Awaited<ReturnType<PreparedServer['buildHttp']>>['inject'];
  /** An authenticated in-process `POST /mcp` as a 2025-06-18 client sends it; `headers` override. */
  post: (body: string | object, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
  close: () => Promise<void>;
}

/**
 * Starts an app in-process on 127.0.0.1 and a random port, with test credentials and a silent logger
 * unless the env says otherwise. Every client it hands out is closed by `close()`.
 */
export const startTestServer = async <S extends z.ZodObject>(
  definition: ServerDefinition<S>,
  options: { env?: Record<string, string | undefined>; logLevel?: string; log?: Logger } = {},
): Promise<TestServer> => {
  const env = {
    NODE_ENV: 'test',
    AUTH_USERNAME: TEST_CREDENTIAL.username,
    AUTH_PASSWORD: TEST_CREDENTIAL.password,
    HOST: '127.0.0.1',
    PORT: '0',
    ...options.env,
  };
  const prepared = await prepareServer(definition, {
    env,
    argv: [],
    log: options.log ?? pino({ level: options.logLevel ?? 'silent' }),
  });
  const app = await prepared.buildHttp();
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('test server has no port');
  const url = `http://127.0.0.1:${address.port}`;
  const cred =
    env.AUTH_USERNAME && env.AUTH_PASSWORD
      ? { username: env.AUTH_USERNAME, password: env.AUTH_PASSWORD }
      : TEST_CREDENTIAL;
  const authorization = basicHeader(cred);
  const clients: Client[] = [];

  const connect = async (mode: ProtocolMode = 'modern', path = '/mcp') => {
    const client = new Client(
      { name: 'mcp-core-test', version: '1.0.0' },
      mode === 'modern' ? { versionNegotiation: { mode: { pin: '2026-07-28' } } } : {},
    );
    const transport = new StreamableHTTPClientTransport(new URL(`${url}${path}`), {
      requestInit: { headers: { authorization } },
    });
    await client.connect(transport);
    clients.push(client);
    return client;
  };

  const inject = app.inject.bind(app);
  return {
    url,
    mcpUrl: `${url}/mcp`,
    authorization,
    connect,
    inject,
    post: (body, headers = {}) =>
      inject({
        method: 'POST',
        url: '/mcp',
        headers: {
          authorization,
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          'mcp-protocol-version': '2025-06-18',
          ...headers,
        },
        payload: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    close: async () => {
      await Promise.allSettled(clients.map((c) => c.close()));
      await app.close();
    },
  };
};
