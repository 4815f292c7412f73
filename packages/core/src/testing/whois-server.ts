import type { AddressInfo } from 'node:net';
import { createServer, type Socket } from 'node:net';

export interface WhoisReply {
  text?: string | Buffer;
  /** Never answer (timeouts). */
  hang?: boolean;
}

export interface WhoisTestServer {
  host: string;
  port: number;
  /** Query lines received, without CRLF. */
  queries: string[];
  close: () => Promise<void>;
}

/**
 * A port-43 server on 127.0.0.1 (random port) for tests: reads one query line, writes the reply and
 * closes, like a real WHOIS server. Unknown queries get an empty answer.
 */
export const startWhoisServer = async (
  reply: (query: string) => WhoisReply | string | Buffer | undefined,
): Promise<WhoisTestServer> => {
  const queries: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      const end = buffer.indexOf('\r\n');
      if (end === -1) return;
      const query = buffer.slice(0, end);
      queries.push(query);
      const r = reply(query);
      const answer: WhoisReply = typeof r === 'string' || Buffer.isBuffer(r) ? { text: r } : (r ?? {});
      if (answer.hang) return;
      socket.end(answer.text ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: '127.0.0.1',
    port,
    queries,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
};
