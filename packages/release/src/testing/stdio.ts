import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_IN_ONE, type AppId, STANDALONE_IDS } from '@mcp/cli';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';

/** Tools declared one per file in an app: `src/tools/<tool>.ts` containing `name: '<tool>'`. */
const ownTools = (root: string, app: AppId): string[] => {
  const dir = join(root, 'apps', app, 'src', 'tools');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -3))
    .filter((tool) => readFileSync(join(dir, `${tool}.ts`), 'utf8').includes(`name: '${tool}'`));
};

/**
 * What an app lists over stdio: its own tools; the all-in-one's `/mcp` lists each of the five's as
 * `<app>_<tool>` (`-` turned into `_`), plus its own.
 */
export const declaredTools = (root: string, app: AppId): string[] =>
  (app === ALL_IN_ONE
    ? [
        ...STANDALONE_IDS.flatMap((a) => ownTools(root, a).map((t) => `${a.replaceAll('-', '_')}_${t}`)),
        ...ownTools(root, app),
      ]
    : ownTools(root, app)
  ).sort();

export interface StdioAnswer {
  serverName: string | undefined;
  serverVersion: string | undefined;
  tools: string[];
  toolsHaveObjectSchemas: boolean;
}

/** Starts a server the way a client does (official SDK client over stdio): initialize, then tools/list. */
export const initializeAndListTools = async (spawn: {
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
}): Promise<StdioAnswer> => {
  const transport = new StdioClientTransport({ ...spawn, stderr: 'pipe' });
  let stderr = '';
  transport.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const client = new Client({ name: 'release-test', version: '1.0.0' });
  try {
    await client.connect(transport);
    const { tools } = await client.listTools();
    const info = client.getServerVersion();
    return {
      serverName: info?.name,
      serverVersion: info?.version,
      tools: tools.map((t) => t.name).sort(),
      toolsHaveObjectSchemas: tools.every((t) => t.inputSchema.type === 'object'),
    };
  } catch (error) {
    throw new Error(`${spawn.command} ${spawn.args.join(' ')}: ${(error as Error).message}\n${stderr}`);
  } finally {
    await client.close();
  }
};
