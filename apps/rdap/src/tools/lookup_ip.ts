import { defineTool, fail } from '@mcp/core';
import * as z from 'zod/v4';
import type { RdapDeps } from '../deps.js';
import { ipRecordSchema } from '../schemas.js';
import { lookupIp as lookup, parseIpInput } from '../service/lookup-network.js';

export const lookupIp = (deps: RdapDeps) =>
  defineTool({
    name: 'lookup_ip',
    title: 'IP address owner (RDAP)',
    description:
      'Who holds an IP address block (hébergeur, opérateur): network name, owner organisation, country, CIDR ' +
      'prefixes and abuse contact, from the regional registry (RIPE NCC, ARIN, …) found in the IANA bootstrap. ' +
      'Useful to see who hosts a company’s website.',
    input: z.object({
      ip: z
        .string()
        .min(2)
        .max(64)
        .describe('IPv4 or IPv6 address, e.g. "193.51.224.1" or "2001:67c:2218::1"'),
    }),
    output: ipRecordSchema,
    annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: true },
    async handler({ ip }, { signal }) {
      const parsed = parseIpInput(ip, 'ip');
      if (!parsed.ok) return fail(parsed.error);
      const record = await lookup(deps, parsed.value, signal);
      return record.ok ? record.value : fail(record.error);
    },
  });
