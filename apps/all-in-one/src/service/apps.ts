import { annuaireServer } from '@mcp/annuaire';
import { type AnyTool, type ServerDefinition, type ToolsContext, toolSetOf } from '@mcp/core';
import { linkedinServer } from '@mcp/linkedin';
import { rdapServer } from '@mcp/rdap';
import { serpServer } from '@mcp/serp';
import { extractorServer } from '@mcp/siret-extractor';

/** The five servers, as they define themselves; the all-in-one process runs their tools unchanged. */
export const APPS: readonly ServerDefinition[] = [
  annuaireServer,
  serpServer,
  rdapServer,
  linkedinServer,
  extractorServer,
] as readonly ServerDefinition[];

/** `siret-extractor` → `siret_extractor`: tool names are snake_case. */
export const toolPrefix = (app: string): string => app.replace(/-/g, '_');

/** Builds one app's tools (and so its deps: clients, caches) once, on the shared context. */
export const buildAppTools = (app: ServerDefinition, ctx: ToolsContext<object>): readonly AnyTool[] =>
  typeof app.tools === 'function'
    ? toolSetOf(app.tools({ ...ctx, log: ctx.log.child({ part: app.name }) } as never)).tools
    : app.tools;

/** The same tool under its combined name; nothing else about it changes. */
export const prefixTool = (app: string, tool: AnyTool): AnyTool => ({
  ...tool,
  name: `${toolPrefix(app)}_${tool.name}`,
});
