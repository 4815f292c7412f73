import { foldName as fold } from '@mcp/fr-ids';
import type * as z from 'zod/v4';
import type { LinksSchema } from '../../schemas.js';
import { NON_DIFFUSIBLE } from './establishment.js';

export type Links = z.infer<typeof LinksSchema>;

/** "SARL L'Épicerie d'Alphonse" → "sarl-l-epicerie-d-alphonse". */
export const slugify = (value: string): string => fold(value).replace(/ /g, '-');

/**
 * `<name>-<siren>`: the form Pappers, Societe.com and the Annuaire use (they all also resolve a bare
 * SIREN). The API's own `admin.slug` wins when it ends in the SIREN.
 */
export const companySlug = (siren: string, name: string | null, apiSlug?: string | null): string => {
  if (apiSlug?.endsWith(siren)) return apiSlug;
  const base = name && name !== NON_DIFFUSIBLE ? slugify(name) : '';
  return base ? `${base}-${siren}` : siren;
};

export const companyLinks = (siren: string, name: string | null, apiSlug?: string | null): Links => {
  const slug = companySlug(siren, name, apiSlug);
  return {
    annuaire_entreprises: `https://annuaire-entreprises.data.gouv.fr/entreprise/${slug}`,
    pappers: `https://www.pappers.fr/entreprise/${slug}`,
    societe_com: `https://www.societe.com/societe/${slug}.html`,
    inpi: `https://data.inpi.fr/entreprises/${siren}`,
  };
};

export const establishmentLink = (siret: string): string =>
  `https://annuaire-entreprises.data.gouv.fr/etablissement/${siret}`;
