import type { AddressInfo } from 'node:net';
import { createServer, type Socket } from 'node:net';

export interface WhoisServer {
  port: number;
  queries: () => number;
  close: () => Promise<void>;
}

/** A port-43 server on 127.0.0.1: one query line in, `answer(query)` out, then close (as WHOIS does). */
export const startWhois = async (answer: (query: string) => string): Promise<WhoisServer> => {
  const sockets = new Set<Socket>();
  let count = 0;
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      const end = buffer.indexOf('\r\n');
      if (end === -1) return;
      count += 1;
      socket.end(answer(buffer.slice(0, end)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    queries: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
};
