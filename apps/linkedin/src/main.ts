// Process entry: HTTP on $PORT, or stdio with --stdio.
import { runMain } from '@mcp/core';
import { linkedinServer } from './server.js';

await runMain(linkedinServer);
