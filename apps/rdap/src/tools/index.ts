import type { AnyTool } from '@mcp/core';
import type { RdapDeps } from '../deps.js';
import { checkAvailability } from './check_availability.js';
import { lookupAsn } from './lookup_asn.js';
import { lookupDomain } from './lookup_domain.js';
import { lookupIp } from './lookup_ip.js';

export const rdapTools = (deps: RdapDeps): AnyTool[] => [
  lookupDomain(deps),
  checkAvailability(deps),
  lookupIp(deps),
  lookupAsn(deps),
];
