import { defineTool, fail, toolError } from '@mcp/core';
import * as z from 'zod/v4';
import type { AnnuaireDeps } from '../deps.js';
import { CompanySchema } from '../schemas.js';
import { sirenField, siretField } from '../service/inputs.js';
import { lookupCompany } from '../service/lookup.js';
import { mapCompany } from '../service/mappers/company.js';

export const getCompany = ({ api }: AnnuaireDeps) =>
  defineTool({
    name: 'get_company',
    title: 'Company record (fiche entreprise)',
    description:
      'The full public record of a French company by SIREN or SIRET: identity, head office (address, ' +
      'coordinates), activity (code NAF/APE), legal form (catégorie juridique), headcount band, officers ' +
      '(dirigeants: people and companies, with role), latest finances (chiffre d’affaires, résultat net), ' +
      'labels and certifications, collective agreements (IDCC), the intra-EU VAT number computed from the ' +
      'SIREN, and links to annuaire-entreprises.data.gouv.fr, Pappers, Societe.com and INPI. A SIRET also ' +
      'returns that establishment.',
    input: z.object({
      siren: sirenField.optional(),
      siret: siretField.optional(),
    }),
    output: CompanySchema,
    annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: true },
    async handler({ siren, siret }, { signal }) {
      if (!siren && !siret) {
        return toolError('invalid_input', 'Give either siren (9 digits) or siret (14 digits).', {
          fields: ['siren', 'siret'],
        });
      }
      if (siren && siret && !siret.startsWith(siren)) {
        return toolError('invalid_input', `siret ${siret} does not belong to siren ${siren}.`, {
          fields: ['siren', 'siret'],
        });
      }
      const id = siret ? { siren: siret.slice(0, 9), siret } : { siren: siren as string };
      const found = await lookupCompany(api, id, signal);
      if (!found.ok) return fail(found.error);
      if (siret && !found.value.establishment) {
        return toolError(
          'not_found',
          `L'entreprise ${id.siren} existe mais pas l'établissement ${siret}. Company ${id.siren} exists but has no establishment ${siret}.`,
          { siren: id.siren, siret },
        );
      }
      return mapCompany(found.value.company, siret);
    },
  });
