// Process entry: HTTP on $PORT, or stdio with --stdio.
import { runMain } from '@mcp/core';
import { rdapServer } from './server.js';

await runMain(rdapServer);
