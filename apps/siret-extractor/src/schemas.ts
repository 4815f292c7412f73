import * as z from 'zod/v4';

export const candidateSchema = z.object({
  type: z.enum(['siren', 'siret', 'tva', 'rcs', 'rna']),
  value: z.string().describe('As written on the page'),
  normalized: z.string().describe('Digits, FR… or W…'),
  siren: z.string().nullable().describe('SIREN this identifier belongs to (null for RNA, foreign VAT)'),
  valid: z.boolean().describe('Passes its checks: Luhn / La Poste rule, TVA key, RNA shape'),
  invalid_reason: z.string().nullable().describe('luhn, key, length, placeholder, foreign_vat…'),
  role: z.enum(['publisher', 'host', 'third_party', 'unknown']),
  context: z.string().describe('About 80 characters either side'),
  page_url: z.string().nullable(),
  recovered: z
    .boolean()
    .describe('Read from a garbled form that still pins down one SIREN (lower confidence)'),
  recovery_rule: z
    .enum(['tva_siret_body', 'odd_spacing', 'rcs_truncated'])
    .nullable()
    .describe('The rule that recovered it: tva_siret_body, odd_spacing or rcs_truncated'),
});

export const verificationSchema = z.object({
  siren: z.string(),
  found: z.boolean().describe('Known to the Recherche d’entreprises API'),
  name: z.string().nullable().describe('nom_complet in the registry'),
  active: z.boolean().nullable().describe('etat_administratif A (active) or C (closed)'),
  name_similarity: z
    .number()
    .nullable()
    .describe('0–1 between the stated company_name and the registry names'),
  error: z.string().nullable().describe('Why the check could not be made'),
});

export const extractionSchema = z.object({
  siren: z.string().nullable().describe('The publisher’s SIREN, never the host’s'),
  siret: z.string().nullable(),
  tva: z.string().nullable().describe('TVA intracommunautaire as stated on the page'),
  rcs: z.object({ city: z.string().nullable(), number: z.string() }).nullable(),
  rna: z.string().nullable().describe('Association number (W + 9 digits) when stated'),
  company_name: z.string().nullable().describe('When the page states it (raison sociale, "La société X")'),
  confidence: z.number().min(0).max(1),
  source_url: z.string().nullable().describe('Page the publisher’s identifiers came from'),
  pages_fetched: z.number().int(),
  co_publishers: z.array(z.string()).describe('Other publishers’ SIRENs (co-editors)'),
  candidates: z.array(candidateSchema),
  reason: z
    .enum(['no_identifier_found', 'no_publisher_identifier', 'invalid_identifier'])
    .nullable()
    .describe('Why the top level is empty; null when a publisher was found'),
  notes: z.array(z.string()),
  verification: z.array(verificationSchema).optional().describe('With verify: true'),
  budget_exhausted: z
    .literal(true)
    .optional()
    .describe(
      'Present when the crawl was cut short because this HTTP request used its outbound page fetches (FETCH_BUDGET): the answer may miss a page',
    ),
});

export const verifyInput = z
  .boolean()
  .default(false)
  .describe('Cross-check each publisher SIREN with the Recherche d’entreprises API (name, active or closed)');

export const READ_ONLY = { readOnlyHint: true, idempotentHint: true, openWorldHint: true } as const;

export const errorSchema = z.object({ code: z.string(), message: z.string() });
