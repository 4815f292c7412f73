import { defineTool } from '@mcp/core';
import * as z from 'zod/v4';
import type { AnnuaireDeps } from '../deps.js';
import { verifyBatch } from '../service/verify-batch.js';

const MAX_BATCH = 300;

const line = z.object({
  input: z.string(),
  kind: z
    .enum(['siren', 'siret', 'tva'])
    .nullable()
    .describe('null when the input is not an identifier at all'),
  normalized: z.string().nullable(),
  siren: z.string().nullable(),
  valid: z.boolean().describe('Well-formed and checksum OK'),
  reason: z.string().nullable().describe('Why it is not valid'),
  register: z
    .enum(['active', 'closed', 'not_found', 'unchecked'])
    .nullable()
    .describe('What the register says; null for an invalid number (never looked up)'),
  company_name: z.string().nullable(),
  unchecked_reason: z
    .string()
    .nullable()
    .describe('"deadline" when time ran out, else the error code of the register check'),
});

const output = z.object({
  results: z.array(line).describe('One line per input, in input order'),
  totals: z.object({
    inputs: z.number(),
    valid: z.number(),
    invalid: z.number(),
    active: z.number(),
    closed: z.number(),
    unknown: z.number().describe('Valid but not found in the register'),
    unchecked: z
      .number()
      .describe('Valid, but the register was not asked (deadline, error, check_register false)'),
  }),
  register_checks: z.number().describe('Distinct register lookups the batch needed (SIRENs and SIRETs)'),
  note: z.string().nullable(),
});

export const verifySirets = ({ api }: AnnuaireDeps) =>
  defineTool({
    name: 'verify_sirets',
    title: 'Verify many SIRET/SIREN/TVA numbers (vérification en masse)',
    description:
      `Checks up to ${MAX_BATCH} SIREN, SIRET or French TVA numbers at once, e.g. to clean a CRM: format and ` +
      'checksums offline for all, then the register for the valid ones (one lookup per distinct SIREN, ' +
      'plus one per distinct SIRET), within the API limit of 7 requests/s. Answers within max_seconds: what ' +
      'could not be checked by then comes back marked unchecked, never dropped. One line per input, in ' +
      'order, plus totals (valid, invalid, active, closed, unknown, unchecked). Reports progress.',
    input: z.object({
      ids: z
        .array(z.string().max(40))
        .min(1)
        .max(MAX_BATCH)
        .describe(`1–${MAX_BATCH} SIREN, SIRET or TVA numbers; spaces and dots allowed`),
      check_register: z
        .boolean()
        .default(true)
        .describe('Also look the valid numbers up in the register (default true); false = checksums only'),
      max_seconds: z
        .number()
        .min(1)
        .max(50)
        .default(45)
        .describe('Time budget for the register checks, 1–50 s (default 45): the answer comes before 55 s'),
    }),
    output,
    annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: true },
    async handler({ ids, check_register, max_seconds }, { signal, progress }) {
      const { lines: results, registerChecks } = await verifyBatch(api, ids, {
        checkRegister: check_register,
        deadlineMs: max_seconds * 1000,
        signal,
        onChecked: (done, total) => progress(done, total, `${done}/${total} register checks`),
      });
      const count = (f: (l: (typeof results)[number]) => boolean) => results.filter(f).length;
      const totals = {
        inputs: results.length,
        valid: count((l) => l.valid),
        invalid: count((l) => !l.valid),
        active: count((l) => l.register === 'active'),
        closed: count((l) => l.register === 'closed'),
        unknown: count((l) => l.register === 'not_found'),
        unchecked: count((l) => l.register === 'unchecked'),
      };
      const late = count((l) => l.unchecked_reason === 'deadline');
      return {
        results,
        totals,
        register_checks: registerChecks,
        note: late
          ? `${late} valid numbers were not checked within ${max_seconds} s (the register allows 7 requests/s); call again with those.`
          : null,
      };
    },
  });
