import { defineTool, fail } from '@mcp/core';
import * as z from 'zod/v4';
import type { RdapDeps } from '../deps.js';
import { asnRecordSchema } from '../schemas.js';
import { lookupAsn as lookup, parseAsnInput } from '../service/lookup-network.js';

export const lookupAsn = (deps: RdapDeps) =>
  defineTool({
    name: 'lookup_asn',
    title: 'Autonomous system owner (RDAP)',
    description:
      'Who operates an autonomous system (AS): name, owner organisation, country and abuse contact, from the ' +
      'regional registry found in the IANA asn bootstrap.',
    input: z.object({
      asn: z
        .union([z.number().int().min(0), z.string().min(1).max(20)])
        .describe('AS number, e.g. 16276, "16276" or "AS16276"'),
    }),
    output: asnRecordSchema,
    annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: true },
    async handler({ asn }, { signal }) {
      const parsed = parseAsnInput(asn, 'asn');
      if (!parsed.ok) return fail(parsed.error);
      const record = await lookup(deps, parsed.value, signal);
      return record.ok ? record.value : fail(record.error);
    },
  });
