import { defineTool } from '@mcp/core';
import * as z from 'zod/v4';
import type { AllInOneDeps } from '../deps.js';
import { dossierSchema, SECTIONS } from '../schemas.js';
import { researchCompany } from '../service/dossier.js';

// Past the dossier's own deadline: the time to assemble what the steps gave, below an SDK v1 client's
// 60 s default request timeout.
const HARD_DEADLINE_MS = 58_000;

export const researchCompanyTool = ({ dossierTools }: AllInOneDeps) =>
  defineTool({
    name: 'research_company',
    title: 'Dossier entreprise: one company, cross-checked',
    description:
      'One call for a French company dossier: identity in the register (Sirene + RNE), officers (dirigeants), ' +
      'finances, its website and the publisher named by its legal notice (mentions légales), who holds its domain ' +
      '(RDAP/WHOIS), its LinkedIn page, and its Pappers, Societe.com, annuaire-entreprises and Infogreffe pages. ' +
      'Then `signals` say what agrees and what does not: a site published by another company, a domain held by ' +
      'someone else or older than the company, a closed company whose site still answers, a LinkedIn page linking ' +
      'elsewhere. `query` is a name, SIREN, SIRET, TVA number, domain or URL; a name gives the best match and up to ' +
      '5 `alternatives`. Each step is listed in `sources` (ok, not_found, skipped, failed, timed_out); a failed step ' +
      'never fails the call, and at `timeout_s` the dossier comes back as it stands.',
    input: z.object({
      query: z
        .string()
        .trim()
        .min(2)
        .max(300)
        .describe(
          'Company name, SIREN, SIRET, TVA number (FR…), domain or URL, e.g. "Ganymede" or "880 878 145"',
        ),
      city: z.string().trim().min(2).max(100).optional().describe('Commune, to tell namesakes apart'),
      postal_code: z
        .string()
        .trim()
        .regex(/^(?:\d{5}|2[AB]\d{3})$/i, 'a 5-character French postcode')
        .optional()
        .describe('Code postal of the head office, to tell namesakes apart'),
      sections: z
        .array(z.enum(SECTIONS))
        .min(1)
        .optional()
        .describe(
          'Parts wanted (default all): identity, officers, finances, website, domain, linkedin, pages',
        ),
      timeout_s: z
        .number()
        .int()
        .min(5)
        .max(55)
        .default(30)
        .describe('Seconds before the dossier is returned as it stands (default 30, at most 55)'),
    }),
    output: dossierSchema,
    annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: true },
    deadlineMs: HARD_DEADLINE_MS,
    handler: ({ sections, ...rest }, ctx) =>
      researchCompany({ ...rest, sections: sections ?? SECTIONS }, dossierTools, ctx),
  });
