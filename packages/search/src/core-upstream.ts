// core's upstream client. Imported by path until @mcp/core exports `createUpstream` from its index;
// then this line becomes `export { createUpstream } from '@mcp/core';`.
export { createUpstream } from '../../core/src/upstream/upstream.js';
