import { definePrompt } from '@mcp/core';
import * as z from 'zod/v4';

/** The usual French request ("fais-moi un dossier sur …"), as a prompt a client can offer its user. */
export const dossierEntreprise = definePrompt({
  name: 'dossier_entreprise',
  title: 'Dossier entreprise',
  description:
    'Un dossier sur une entreprise française : identité au registre, dirigeants, finances, site et mentions légales, nom de domaine, LinkedIn, avec les contrôles croisés et leurs sources.',
  arguments: z.object({
    entreprise: z
      .string()
      .trim()
      .min(2, 'give a company name or a SIREN')
      .max(300)
      .describe('Nom de l’entreprise ou SIREN (ou SIRET, numéro de TVA, domaine)'),
  }),
  render: ({ entreprise }) => ({
    description: `Dossier entreprise : ${entreprise}`,
    messages: [
      {
        role: 'user',
        content: {
          type: 'text',
          text: [
            `Prépare un dossier sur l’entreprise « ${entreprise} ».`,
            `1. Appelle l’outil research_company avec query = « ${entreprise} » (toutes les sections).`,
            '2. Si la réponse propose des alternatives, dis lesquelles pourraient aussi correspondre et pourquoi, puis poursuis avec la meilleure.',
            '3. Résume en français : identité (dénomination, SIREN, forme juridique, activité, siège, date de création, état), dirigeants, derniers chiffres financiers, site web et éditeur déclaré dans ses mentions légales, titulaire et date de création du nom de domaine, page LinkedIn.',
            '4. Présente chaque signal (signals) : ce qui concorde et ce qui ne concorde pas, avec son détail.',
            '5. Termine par les sources (sources) : pour chaque étape, son statut (ok, not_found, skipped, failed, timed_out) et ce qui manque. N’invente rien qui ne soit pas dans le dossier.',
          ].join('\n'),
        },
      },
    ],
  }),
});
