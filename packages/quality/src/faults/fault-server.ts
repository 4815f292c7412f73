import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export const FAULTS = [
  'timeout',
  'slow-drip',
  'reset',
  '429-retry-after',
  '503-burst',
  'malformed-json',
  '50mb-body',
  'redirect-loop',
] as const;
export type Fault = (typeof FAULTS)[number];

export interface FaultServer {
  url: string;
  port: number;
  /** Switches how every following request is answered. */
  set: (fault: Fault) => void;
  requests: () => number;
  close: () => Promise<void>;
}

const MB = 1024 * 1024;

/** Streams `total` bytes of a JSON-looking body without holding them in memory. */
const streamBig = (res: ServerResponse, total: number) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(total) });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let sent = 0;
  const pump = () => {
    while (sent < total) {
      const n = Math.min(chunk.length, total - sent);
      sent += n;
      if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) {
        res.once('drain', pump);
        return;
      }
    }
    res.end();
  };
  pump();
};

/**
 * A loopback upstream that misbehaves on command. Every socket it opens is tracked and destroyed on
 * close, and its own timers stop when the client goes away, so the only leaks a test can see are the
 * app's.
 */
export const startFaultServer = async (): Promise<FaultServer> => {
  let fault: Fault = 'timeout';
  let count = 0;
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    count += 1;
    req.resume();
    switch (fault) {
      case 'timeout':
        return; // never answers
      case 'slow-drip': {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"results": [');
        const timer = setInterval(() => res.write(' '), 200);
        res.once('close', () => clearInterval(timer));
        return;
      }
      case 'reset':
        req.socket.destroy();
        return;
      case '429-retry-after':
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' });
        res.end('{"erreur":"Too many requests"}');
        return;
      case '503-burst':
        res.writeHead(503, { 'content-type': 'text/html' });
        res.end('<html><body>503 Service Unavailable</body></html>');
        return;
      case 'malformed-json':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"results": [{"siren": "356000000", "nom_complet": ');
        return;
      case '50mb-body':
        streamBig(res, 50 * MB);
        return;
      case 'redirect-loop':
        res.writeHead(302, { location: req.url ?? '/' });
        res.end();
        return;
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    set: (f) => {
      fault = f;
    },
    requests: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
};
