import type { ToolsContext } from '@mcp/core';
import { createRegisterClient, type RegisterClient, registerClientOptions } from '@mcp/recherche-entreprises';
import type { AnnuaireEnv } from './config.js';

/** What every tool of this app closes over. */
export interface AnnuaireDeps {
  api: RegisterClient;
}

/**
 * One register client per process, made by the server (closed at shutdown): with Redis, its cache is
 * shared by the replicas and its rate budget by every app calling the API (one bucket per API host).
 */
export const createAnnuaireDeps = (ctx: ToolsContext<AnnuaireEnv>): AnnuaireDeps => ({
  api: createRegisterClient({ ...registerClientOptions(ctx.env), createUpstream: ctx.createUpstream }),
});
