// The RSS floor of an app: Node plus only the libraries every app requires at run time, loaded the way
// an app loads them, listening on loopback and doing nothing else. BENCH_FLOOR_UPTO=<n> stops after
// the first n libraries (the breakdown: Node alone, + each library).
import { createServer } from 'node:http';
import { FLOOR_LIBRARIES } from './floor-libraries.js';

const LIBRARIES = FLOOR_LIBRARIES;
const upto = Number(process.env.BENCH_FLOOR_UPTO ?? LIBRARIES.length);
const loaders: Record<(typeof LIBRARIES)[number], () => Promise<unknown>> = {
  fastify: () => import('fastify'),
  '@modelcontextprotocol/server': () => import('@modelcontextprotocol/server'),
  '@modelcontextprotocol/node': () => import('@modelcontextprotocol/node'),
  pino: () => import('pino'),
  zod: () => import('zod/v4'),
  undici: () => import('undici'),
  'lru-cache': () => import('lru-cache'),
  'ipaddr.js': () => import('ipaddr.js'),
};
for (const name of LIBRARIES.slice(0, upto)) await loaders[name]();
const server = createServer((_req, res) => res.end('{}'));
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`PORT=${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.stdout.write(`LIBRARIES=${LIBRARIES.slice(0, upto).join(',')}\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(0));
