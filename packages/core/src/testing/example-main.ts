// Process entry for tests that need a real process (stdio, signals, production refusal).
import { runMain } from '../main.js';
import { exampleServer } from './example-server.js';

await runMain(exampleServer);
