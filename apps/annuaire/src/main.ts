// Process entry: HTTP on $PORT, or stdio with --stdio.
import { runMain } from '@mcp/core';
import { annuaireServer } from './server.js';

await runMain(annuaireServer);
