// Test-only bridge to core's upstream client until @mcp/core exports `createUpstream` from its index.
export { createUpstream } from '../../core/src/upstream/upstream.js';
