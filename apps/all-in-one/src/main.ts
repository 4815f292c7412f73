// Process entry: HTTP on $PORT, or stdio with --stdio.
import { runMain } from '@mcp/core';
import { allInOneServer } from './server.js';

await runMain(allInOneServer);
