// Public surface of @mcp/rdap. Named exports only; types apart.

export type { BootstrapFile, BootstrapKind } from './bootstrap/bootstrap.js';
export type { RdapEnv } from './config.js';
export { rdapEnvSchema } from './config.js';
export type { RdapDeps } from './deps.js';
export { createRdapDeps } from './deps.js';
export type { NormalizedDomain } from './domain.js';
export { normalizeDomain } from './domain.js';
export { normalizeRdapDomain } from './rdap/normalize-domain.js';
export { normalizeRdapAsn, normalizeRdapIp } from './rdap/normalize-network.js';
export type { AsnRecord, Contact, DomainRecord, IpRecord, Registrar } from './schemas.js';
export { INSTRUCTIONS, rdapServer } from './server.js';
export { rdapTools } from './tools/index.js';
export { parseWhois } from './whois/parse.js';
export type { WhoisParsed } from './whois/types.js';
