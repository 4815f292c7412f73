// The SDK's documented stateless pattern (docs/serving/fastify.md): a new McpServer with its tools
// registered on every request, mounted with toNodeHandler. No auth.
import { readFileSync } from 'node:fs';
import { toNodeHandler } from '@modelcontextprotocol/node';
import { type CallToolResult, createMcpHandler, McpServer } from '@modelcontextprotocol/server';
import Fastify from 'fastify';
import * as z from 'zod/v4';

// BENCH_PAYLOAD (a file holding a tools/call result): a `get_company` tool answering that result, so
// this side sends the same bytes as the app it is compared with.
const payload = process.env.BENCH_PAYLOAD
  ? (JSON.parse(readFileSync(process.env.BENCH_PAYLOAD, 'utf8')) as CallToolResult)
  : undefined;

const handler = createMcpHandler(() => {
  const server = new McpServer({ name: 'bench', version: '1.0.0' });
  if (payload) {
    server.registerTool(
      'get_company',
      { description: 'A recorded company record.', inputSchema: z.object({ siren: z.string() }) },
      async () => payload,
    );
  }
  server.registerTool(
    'echo',
    {
      description: 'Returns the text it is given, with its length.',
      inputSchema: z.object({ text: z.string() }),
      outputSchema: z.object({ text: z.string(), length: z.number() }),
    },
    async ({ text }) => {
      const out = { text, length: text.length };
      return { content: [{ type: 'text', text: JSON.stringify(out) }], structuredContent: out };
    },
  );
  return server;
});
const app = Fastify();
const node = toNodeHandler(handler);
app.all('/mcp', async (request, reply) => {
  reply.hijack();
  await node(request.raw, reply.raw, request.body);
});
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(`PORT=${typeof address === 'object' && address ? address.port : 0}\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(0));
