import { createServer } from '@mcp/core';
// The version comes from the app's package.json, which `pnpm release:version` sets for every package.
import manifest from '../package.json' with { type: 'json' };
import { rdapEnv } from './config.js';
import { createRdapDeps } from './deps.js';
import { rdapTools } from './tools/index.js';

export const INSTRUCTIONS = [
  'Who owns a domain name, an IP address or an autonomous system, from the registries themselves.',
  'lookup_domain gives the holder (titulaire), registrar, dates, nameservers and DNSSEC of one domain (RDAP, WHOIS',
  'fallback; .fr from AFNIC); check_availability tells for up to 50 names whether each is available, registered or',
  'unknown (with the reason). lookup_ip and lookup_asn show who operates the network hosting a site.',
  'Registries redact personal data (GDPR): fields listed in `redacted` are hidden by the registry, not missing.',
].join(' ');

/** The rdap MCP server: one set of registry clients per process, shared by the four tools. */
export const rdapServer = createServer({
  name: 'rdap',
  version: manifest.version,
  title: 'RDAP / WHOIS (domaines, IP, AS)',
  instructions: INSTRUCTIONS,
  env: rdapEnv,
  tools: (ctx) => rdapTools(createRdapDeps(ctx)),
});
