// Baseline: the cheapest Fastify JSON echo, no auth, no MCP.
import Fastify from 'fastify';

const app = Fastify();
app.post('/mcp', async (request) => ({ jsonrpc: '2.0', id: 1, result: { echoed: request.body } }));
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(`PORT=${typeof address === 'object' && address ? address.port : 0}\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(0));
