// core's upstream client and safeFetch. Imported by path until @mcp/core exports them from its index;
// then these lines become `export { createSafeFetch, createUpstream } from '@mcp/core';`.

export { safeFetchOptionsFromEnv } from '../../../packages/core/src/safe-fetch/env.js';
export { createSafeFetch } from '../../../packages/core/src/safe-fetch/safe-fetch.js';
export { createUpstream } from '../../../packages/core/src/upstream/upstream.js';
