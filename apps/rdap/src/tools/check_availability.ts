import { defineTool, toolError } from '@mcp/core';
import * as z from 'zod/v4';
import type { RdapDeps } from '../deps.js';
import { checkAvailability as check } from '../service/availability.js';
import { type NormalizedDomain, normalizeDomain } from '../service/domain.js';

const MAX_DOMAINS = 50;

const itemSchema = z.object({
  domain: z.string(),
  domain_unicode: z.string(),
  status: z.enum(['available', 'registered', 'unknown']),
  reason: z.string().describe('Why: which registry said what, or the error that left it unknown'),
  expiration: z.string().nullable(),
  source: z.enum(['rdap', 'whois']).nullable(),
  server: z.string().nullable(),
});

export const checkAvailability = (deps: RdapDeps) =>
  defineTool({
    name: 'check_availability',
    title: 'Domain availability',
    description:
      `Whether up to ${MAX_DOMAINS} domain names are free (disponibles) or registered, asking each TLD's ` +
      'registry (RDAP, else WHOIS). "available" only when the authoritative registry says the name does not ' +
      'exist; "unknown" with the reason when it could not be told. Not a reservation: premium or reserved ' +
      'names may still be refused by the registry.',
    input: z.object({
      domains: z
        .array(z.string().min(1).max(2048))
        .min(1)
        .max(MAX_DOMAINS)
        .describe('Domain names or URLs, e.g. ["monentreprise.fr", "monentreprise.com"]'),
    }),
    output: z.object({
      results: z.array(itemSchema),
      summary: z.object({ available: z.number(), registered: z.number(), unknown: z.number() }),
    }),
    annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: true },
    async handler({ domains }, { signal, progress }) {
      const names: NormalizedDomain[] = [];
      const problems: string[] = [];
      const fields: string[] = [];
      domains.forEach((raw, i) => {
        const r = normalizeDomain(raw, `domains[${i}]`);
        if (r.ok) names.push(r.value);
        else {
          problems.push(r.error.message);
          fields.push(`domains[${i}]`);
        }
      });
      if (problems.length > 0) return toolError('invalid_input', problems.join(' '), { fields });
      const results = await check(deps, names, {
        signal,
        onDone: (done, total) => void progress(done, total),
      });
      const count = (s: string) => results.filter((r) => r.status === s).length;
      return {
        results,
        summary: {
          available: count('available'),
          registered: count('registered'),
          unknown: count('unknown'),
        },
      };
    },
  });
