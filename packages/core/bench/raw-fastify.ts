// Baseline: the cheapest Fastify JSON route, no auth, no MCP. With BENCH_PAYLOAD (a file holding a
// JSON-RPC `result`), it answers that result to every request, serialized by Fastify each time as a
// bare Fastify app would; without it, it echoes the request body.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const payload = process.env.BENCH_PAYLOAD
  ? (JSON.parse(readFileSync(process.env.BENCH_PAYLOAD, 'utf8')) as unknown)
  : undefined;
const app = Fastify();
app.post('/mcp', async (request) => {
  const { id } = request.body as { id?: unknown };
  return payload === undefined
    ? { jsonrpc: '2.0', id: 1, result: { echoed: request.body } }
    : { jsonrpc: '2.0', id, result: payload };
});
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(`PORT=${typeof address === 'object' && address ? address.port : 0}\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(0));
