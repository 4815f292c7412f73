// Process entry: HTTP on $PORT, or stdio with --stdio.
import { runMain } from '@mcp/core';
import { serpServer } from './server.js';

await runMain(serpServer);
