import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNet } from 'node:net';

export interface FakeServer {
  url: string;
  close: () => Promise<void>;
}

/** A loopback HTTP server standing for a misconfigured deployment (another service, a proxy, an old image). */
export const startFake = async (
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  existing?: Server,
): Promise<FakeServer> => {
  const server = existing ?? createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const scheme = existing ? 'https' : 'http';
  return {
    url: `${scheme}://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
};

/** A port that was free a moment ago and has nothing listening: connection refused. */
export const closedPort = async (): Promise<number> => {
  const server = createNet();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return address.port;
};

export const send = (res: ServerResponse, status: number, type: string, body: string, headers = {}) => {
  res.writeHead(status, { 'content-type': type, ...headers });
  res.end(body);
};
