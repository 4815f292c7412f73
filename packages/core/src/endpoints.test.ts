import { describe, expect, it } from 'vitest';
import * as z from 'zod/v4';
import { createServer, prepareServer, StartupError } from './server.js';
import { defineTool } from './tool.js';

const echo = defineTool({
  name: 'echo',
  title: 'Echo',
  description: 'Echoes.',
  input: z.object({ text: z.string() }),
  output: z.object({ text: z.string() }),
  handler: async ({ text }) => ({ text }),
});

const withEndpoint = (path: string) =>
  createServer({
    name: 'multi',
    version: '0.0.0',
    tools: () => ({ tools: [echo], endpoints: [{ path, name: 'one', tools: [echo] }] }),
  });

const prepare = (path: string) =>
  prepareServer(withEndpoint(path), {
    env: { NODE_ENV: 'test', AUTH_USERNAME: 'tester', AUTH_PASSWORD: 'correct-horse-battery-staple' },
    argv: [],
  });

describe('extra endpoints', () => {
  it.each(['/mcp', '/One/mcp', '/a/b/mcp', 'one/mcp', '/one/mcp/'])(
    'refuses the path %s at start-up',
    async (path) => {
      await expect(prepare(path)).rejects.toBeInstanceOf(StartupError);
    },
  );

  it('accepts /<name>/mcp', async () => {
    const prepared = await prepare('/one-app/mcp');
    await prepared.dispose();
  });
});
