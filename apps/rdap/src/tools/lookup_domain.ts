import { defineTool, fail } from '@mcp/core';
import * as z from 'zod/v4';
import type { RdapDeps } from '../deps.js';
import { domainRecordSchema } from '../schemas.js';
import { normalizeDomain } from '../service/domain.js';
import { lookupDomainRecord } from '../service/lookup-domain.js';

export const lookupDomain = (deps: RdapDeps) =>
  defineTool({
    name: 'lookup_domain',
    title: 'Domain registration (RDAP / WHOIS)',
    description:
      'Who holds a domain name (titulaire, bureau d’enregistrement, dates, serveurs DNS, DNSSEC): RDAP from the ' +
      'registry found in the IANA bootstrap (.fr via AFNIC), the registrar’s RDAP when the registry is thin, ' +
      'WHOIS port 43 when there is no RDAP. Accepts URLs and Unicode names. Personal data redacted by the ' +
      'registry is reported in `redacted`, never guessed.',
    input: z.object({
      domain: z
        .string()
        .min(1)
        .max(2048)
        .describe('Domain or URL, e.g. "lemonde.fr", "https://www.lemonde.fr/", "café.fr"'),
    }),
    output: domainRecordSchema,
    annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: true },
    async handler({ domain }, { signal, progress }) {
      const name = normalizeDomain(domain, 'domain');
      if (!name.ok) return fail(name.error);
      await progress(0, 1, `looking up ${name.value.ascii}`);
      const record = await lookupDomainRecord(deps, name.value, { followRelated: true, signal });
      if (!record.ok) return fail(record.error);
      await progress(1, 1);
      return record.value;
    },
  });
