// Public surface of @mcp/rdap. Named exports only; types apart.

export type { RdapEnv } from './config.js';
export { rdapEnv } from './config.js';
export type { RdapDeps } from './deps.js';
export { createRdapDeps } from './deps.js';
export type { AsnRecord, Contact, DomainRecord, IpRecord, Registrar } from './schemas.js';
export { INSTRUCTIONS, rdapServer } from './server.js';
export type { NormalizedDomain } from './service/domain.js';
export { normalizeDomain } from './service/domain.js';
export { normalizeRdapDomain } from './service/rdap/normalize-domain.js';
export { normalizeRdapAsn, normalizeRdapIp } from './service/rdap/normalize-network.js';
export { parseWhois } from './service/whois/parse.js';
export type { WhoisParsed } from './service/whois/types.js';
export { rdapTools } from './tools/index.js';
export type { BootstrapFile, BootstrapKind } from './upstream/bootstrap.js';
