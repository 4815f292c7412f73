#!/usr/bin/env node
// Workspace entry: runs the TypeScript sources through tsx (no build step). The published
// @mcp-fr/cli bundle has its own bin built from src/main.ts.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
