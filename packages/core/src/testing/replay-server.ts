import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the loopback upstream saw it. */
export interface RecordedRequest {
  method: string;
  url: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
  /** `performance.now()` at arrival, for rate-limit assertions. */
  at: number;
}

export interface ReplayReply {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer | object;
  /** Wait before answering (timeouts, slow upstreams). */
  delayMs?: number;
}

export interface ReplayRoute extends ReplayReply {
  method?: string;
  /** Exact pathname, or a RegExp tested against pathname + search. */
  path: string | RegExp;
  /** Full control: answer the raw response yourself (drip, reset, redirect loops…). */
  handle?: (req: IncomingMessage, res: ServerResponse, recorded: RecordedRequest) => void | Promise<void>;
}

export type ReplayResolver = (req: RecordedRequest) => ReplayRoute | ReplayReply | undefined;

export interface ReplayServer {
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** Requests whose pathname matches. */
  count: (path?: string | RegExp) => number;
  reset: () => void;
  close: () => Promise<void>;
}

const matches = (route: ReplayRoute, req: RecordedRequest): boolean => {
  if (route.method && route.method.toUpperCase() !== req.method) return false;
  return typeof route.path === 'string' ? route.path === req.path : route.path.test(req.url);
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A real HTTP server on 127.0.0.1 (random port) that answers from fixture bodies by route. Tests point
 * an app's upstream base URL at `url` and count what arrived in `requests`.
 */
export const startReplayServer = async (routes: ReplayRoute[] | ReplayResolver): Promise<ReplayServer> => {
  const requests: RecordedRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    // Concatenated, not resolved: a request path such as `////` is a path, not a protocol-relative URL.
    const url = URL.parse(`http://127.0.0.1${req.url ?? '/'}`) ?? new URL('http://127.0.0.1/');
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      url: url.pathname + url.search,
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
      at: performance.now(),
    };
    requests.push(recorded);
    const route = typeof routes === 'function' ? routes(recorded) : routes.find((r) => matches(r, recorded));
    if (!route) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'no fixture route', url: recorded.url }));
      return;
    }
    if (route.delayMs) await sleep(route.delayMs);
    const handle = (route as ReplayRoute).handle;
    if (handle) {
      await handle(req, res, recorded);
      return;
    }
    const body = route.body ?? '';
    const isObject = typeof body === 'object' && !Buffer.isBuffer(body);
    const headers = {
      ...(isObject ? { 'content-type': 'application/json' } : {}),
      ...route.headers,
    };
    if (!res.destroyed) {
      res.writeHead(route.status ?? 200, headers);
      res.end(isObject ? JSON.stringify(body) : body);
    }
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    count: (path) =>
      path === undefined
        ? requests.length
        : requests.filter((r) => (typeof path === 'string' ? r.path === path : path.test(r.url))).length,
    reset: () => {
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
