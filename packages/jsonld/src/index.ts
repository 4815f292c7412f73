// Public surface of @mcp/jsonld: schema.org JSON-LD read from pages. Named exports only; types apart.

export type { JsonLdNode, JsonLdWalkOptions } from './nodes.js';
export { hasJsonLdType, jsonLdNodes, jsonLdTypes } from './nodes.js';
export { ldNode, ldNodes, ldText, ldTexts, readJsonLd, readJsonLdAll } from './schema.js';
