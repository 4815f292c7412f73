// core's upstream client, imported by path until @mcp/core exports it from its index; then this file
// becomes `export { createUpstream, type Upstream } from '@mcp/core';` (or goes away).
export type { Upstream } from '../../../../packages/core/src/upstream/types.js';
export { createUpstream } from '../../../../packages/core/src/upstream/upstream.js';
