// Process entry: HTTP on $PORT, or stdio with --stdio.
import { runMain } from '@mcp/core';
import { isHtmlWorker } from '@mcp/html';
import { allInOneServer } from './server.js';

// The HTML parse pool's workers run this same bundle: there it serves parse tasks, not HTTP.
if (!isHtmlWorker()) await runMain(allInOneServer);
