// Public surface of @mcp/all-in-one. Named exports only; types apart.

export type { AllInOneEnv } from './config.js';
export { allInOneEnv } from './config.js';
export type { AllInOneDeps } from './deps.js';
export { createAllInOneDeps } from './deps.js';
export type { Dossier, Section, Signal, Source } from './schemas.js';
export { dossierSchema } from './schemas.js';
export { allInOneServer, INSTRUCTIONS } from './server.js';
export { allInOneTools } from './tools/index.js';
