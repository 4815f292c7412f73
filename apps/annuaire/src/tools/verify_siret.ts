import { defineTool, fail, toolError } from '@mcp/core';
import {
  digitSum,
  formatSiren,
  formatSiret,
  isAllDigits,
  LA_POSTE_SIREN,
  luhnValid,
  normalizeSpaces,
  parseSiren,
  parseSiret,
  stripSeparators,
  tvaFromSiren,
} from '@mcp/fr-ids';
import * as z from 'zod/v4';
import type { AnnuaireDeps } from '../deps.js';
import { lookupCompany } from '../lookup.js';
import { mapEstablishment, stateOf, text } from '../mappers/establishment.js';
import { EstablishmentSchema, StateSchema } from '../schemas.js';

const output = z.object({
  input: z.string(),
  kind: z.enum(['siren', 'siret']),
  normalized: z.string().describe('Digits only'),
  formatted: z.string().describe('"356 000 000 00048"'),
  siren: z.string(),
  luhn_valid: z.boolean().describe('Luhn checksum over all digits'),
  la_poste_exception: z
    .boolean()
    .describe(
      'true when a La Poste SIRET (356000000…) is valid by its digit sum being a multiple of 5, not by Luhn',
    ),
  valid: z.boolean().describe('Well-formed and checksum OK'),
  reason: z.string().nullable().describe('Why it is not valid'),
  checked_register: z.boolean().describe('Whether the API was asked (only for valid numbers)'),
  exists: z.boolean().nullable().describe('Found in the register; null when not checked'),
  company_name: z.string().nullable(),
  company_state: StateSchema,
  establishment: EstablishmentSchema.nullable().describe(
    'The establishment (SIRET) or the head office (SIREN)',
  ),
  vat_number: z.string().nullable(),
  verdict: z.string().describe('One sentence summing it up'),
});
type Output = z.infer<typeof output>;

export const verifySiret = ({ api }: AnnuaireDeps) =>
  defineTool({
    name: 'verify_siret',
    title: 'Verify a SIRET or SIREN',
    description:
      'Checks a SIRET (14 digits) or SIREN (9 digits): format, Luhn checksum (with the La Poste exception: ' +
      'SIREN 356000000, whose SIRETs pass on Luhn or on a digit sum divisible by 5), then existence in the ' +
      'register, active or closed, establishment address and company name. A number failing its checksum ' +
      'is answered at once without calling the API.',
    input: z.object({
      id: z.string().min(1).max(40).describe('SIRET or SIREN; spaces and dots allowed ("356 000 000 00048")'),
      check_register: z
        .boolean()
        .default(true)
        .describe('Also look the number up in the register (default true); false = checksum only'),
    }),
    output,
    annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: true },
    async handler({ id, check_register }, { signal }) {
      const digits = stripSeparators(normalizeSpaces(id).trim());
      if (!isAllDigits(digits)) {
        return toolError('invalid_input', `id must contain only digits (and spaces or dots), got "${id}".`, {
          fields: ['id'],
          reason: 'non_digit',
        });
      }
      if (digits.length !== 9 && digits.length !== 14) {
        return toolError(
          'invalid_input',
          `id must have 9 digits (SIREN) or 14 digits (SIRET), got ${digits.length}.`,
          { fields: ['id'], reason: 'length' },
        );
      }
      const kind = digits.length === 14 ? 'siret' : 'siren';
      const siren = digits.slice(0, 9);
      const parsed = kind === 'siret' ? parseSiret(digits) : parseSiren(digits);
      const luhn = luhnValid(digits);
      const base: Output = {
        input: id,
        kind,
        normalized: digits,
        formatted: kind === 'siret' ? formatSiret(digits) : formatSiren(digits),
        siren,
        luhn_valid: luhn,
        la_poste_exception:
          kind === 'siret' && !luhn && siren === LA_POSTE_SIREN && digitSum(digits) % 5 === 0,
        valid: parsed.ok,
        reason: parsed.ok ? null : parsed.error.message,
        checked_register: false,
        exists: null,
        company_name: null,
        company_state: null,
        establishment: null,
        vat_number: parsed.ok ? tvaFromSiren(siren) : null,
        verdict: '',
      };
      const label = kind === 'siret' ? 'SIRET' : 'SIREN';
      if (!parsed.ok) return { ...base, verdict: `Invalid ${label}: ${parsed.error.message}.` };
      if (!check_register)
        return {
          ...base,
          verdict: `${label} ${base.formatted} is well-formed (checksum OK); register not checked.`,
        };

      const found = await lookupCompany(api, kind === 'siret' ? { siren, siret: digits } : { siren }, signal);
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
        ? `Company ${siren} (${name ?? 'unnamed'}) exists but has no establishment ${digits}.`
        : kind === 'siret'
          ? `SIRET ${base.formatted} exists: ${estState === 'closed' ? 'closed' : 'active'} establishment of ${name ?? siren} (company ${state ?? 'state unknown'}).`
          : `SIREN ${base.formatted} exists: ${name ?? 'unnamed'}, ${state ?? 'state unknown'}.`;
      return {
        ...base,
        checked_register: true,
        exists,
        company_name: name,
        company_state: state,
        establishment: shown && text(shown.siret) ? mapEstablishment(shown) : null,
        verdict,
      };
    },
  });
