// Process entry: HTTP on $PORT, or stdio with --stdio.
import { runMain } from '@mcp/core';
import { extractorServer } from './server.js';

await runMain(extractorServer);
