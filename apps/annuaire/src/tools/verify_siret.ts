import { defineTool, fail, toolError } from '@mcp/core';
import { tvaFromSiren } from '@mcp/fr-ids';
import * as z from 'zod/v4';
import type { AnnuaireDeps } from '../deps.js';
import { EstablishmentSchema, StateSchema } from '../schemas.js';
import { identify, isUnreadable, vatVerdict } from '../service/identify.js';
import { lookupCompany } from '../service/lookup.js';
import { mapEstablishment, stateOf, text } from '../service/mappers/establishment.js';

const output = z.object({
  input: z.string(),
  kind: z.enum(['siren', 'siret', 'tva']),
  normalized: z.string().describe('Digits only; for a TVA number FR + key + SIREN'),
  formatted: z.string().describe('"356 000 000 00048", "FR 39 356 000 000"'),
  siren: z.string(),
  luhn_valid: z.boolean().describe('Luhn checksum over all digits (over the SIREN for a TVA number)'),
  la_poste_exception: z
    .boolean()
    .describe(
      'true when a La Poste SIRET (356000000…) is valid by its digit sum being a multiple of 5, not by Luhn',
    ),
  valid: z.boolean().describe('Well-formed and checksum OK (for a TVA number: its key and its SIREN)'),
  reason: z.string().nullable().describe('Why it is not valid'),
  checked_register: z.boolean().describe('Whether the API was asked (only for valid numbers)'),
  exists: z.boolean().nullable().describe('Found in the register; null when not checked'),
  company_name: z.string().nullable(),
  company_state: StateSchema,
  establishment: EstablishmentSchema.nullable().describe(
    'The establishment (SIRET) or the head office (SIREN)',
  ),
  vat_number_computed: z
    .string()
    .nullable()
    .describe('FR + key + SIREN, computed; not proof of registration'),
  vat_numbers_registered: z
    .array(z.string())
    .nullable()
    .describe('Active VAT numbers the register lists for the company (DGFiP); null when not checked'),
  verdict: z.string().describe('One sentence summing it up'),
});
type Output = z.infer<typeof output>;

export const verifySiret = ({ api }: AnnuaireDeps) =>
  defineTool({
    name: 'verify_siret',
    title: 'Verify a SIRET or SIREN',
    description:
      'Checks a SIRET (14 digits), a SIREN (9 digits) or a French TVA number (FR + 2-digit key + SIREN, ' +
      'numéro de TVA intracommunautaire): format, Luhn checksum (with the La Poste exception: SIREN ' +
      '356000000, whose SIRETs pass on Luhn or on a digit sum divisible by 5), the TVA key, then existence ' +
      'in the register, active or closed, establishment address and company name. A number failing its ' +
      'checksum is answered at once without calling the API. For many numbers at once, use verify_sirets.',
    input: z.object({
      id: z
        .string()
        .min(1)
        .max(40)
        .describe(
          'SIRET, SIREN or French TVA number; spaces and dots allowed ("356 000 000 00048", "FR 39 356000000")',
        ),
      check_register: z
        .boolean()
        .default(true)
        .describe('Also look the number up in the register (default true); false = checksum only'),
    }),
    output,
    annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: true },
    async handler({ id, check_register }, { signal }) {
      const known = identify(id);
      if (isUnreadable(known)) {
        return toolError('invalid_input', known.message, { fields: ['id'], reason: known.reason });
      }
      const { kind, siren } = known;
      const base: Output = {
        input: id,
        kind,
        normalized: known.normalized,
        formatted: known.formatted,
        siren,
        luhn_valid: known.luhn_valid,
        la_poste_exception: known.la_poste_exception,
        valid: known.valid,
        reason: known.reason,
        checked_register: false,
        exists: null,
        company_name: null,
        company_state: null,
        establishment: null,
        vat_number_computed: known.valid ? tvaFromSiren(siren) : null,
        vat_numbers_registered: null,
        verdict: '',
      };
      const label = kind === 'siret' ? 'SIRET' : kind === 'tva' ? 'TVA number' : 'SIREN';
      if (!known.valid) return { ...base, verdict: `Invalid ${label}: ${known.reason}.` };
      if (!check_register)
        return {
          ...base,
          verdict: `${label} ${base.formatted} is well-formed (checksum OK); register not checked.`,
        };

      const found = await lookupCompany(api, known.siret ? { siren, siret: known.siret } : { siren }, signal);
      if (!found.ok) {
        if (found.error.code !== 'not_found') return fail(found.error);
        return {
          ...base,
          checked_register: true,
          exists: false,
          verdict: `${label} ${base.formatted} is well-formed but not in the register.`,
        };
      }
      const { company, establishment } = found.value;
      const shown = kind === 'siret' ? establishment : company.siege;
      const state = stateOf(company.etat_administratif);
      const estState = establishment ? stateOf(establishment.etat_administratif) : null;
      const exists = kind === 'siret' ? establishment !== null : true;
      const name = text(company.nom_complet);
      const verdict = !exists
        ? `Company ${siren} (${name ?? 'unnamed'}) exists but has no establishment ${known.siret}.`
        : kind === 'siret'
          ? `SIRET ${base.formatted} exists: ${estState === 'closed' ? 'closed' : 'active'} establishment of ${name ?? siren} (company ${state ?? 'state unknown'}).`
          : kind === 'tva'
            ? `TVA number ${base.formatted} is well-formed; its SIREN ${siren} exists: ${name ?? 'unnamed'}, ${state ?? 'state unknown'}${vatVerdict(known.normalized, company.tva)}.`
            : `SIREN ${base.formatted} exists: ${name ?? 'unnamed'}, ${state ?? 'state unknown'}.`;
      return {
        ...base,
        checked_register: true,
        exists,
        company_name: name,
        company_state: state,
        establishment: shown && text(shown.siret) ? mapEstablishment(shown) : null,
        vat_numbers_registered: company.tva,
        verdict,
      };
    },
  });
