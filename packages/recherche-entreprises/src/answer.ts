// The API Recherche d'entreprises `/search` and `/near_point` answers, read without trusting them.
// Recorded answers (fixtures/annuaire) and real ones differ from the OpenAPI file: `liste_*` arrays
// that hold numbers, numbers sent as strings, null or missing members, undocumented extras. Every field
// but the SIREN is read leniently (see @mcp/core's lenient helpers): what can be coerced is, what
// cannot becomes null or [], and only an unreadable identity fails the answer (upstream_bad_response).
import {
  lenientArray,
  lenientBoolean,
  lenientInt,
  lenientNumber,
  lenientObject,
  lenientString,
  lenientText,
} from '@mcp/core';
import * as z from 'zod/v4';

export type Nullable<T> = T | null | undefined;

const str = lenientString;
const strings = () => lenientArray(lenientText());

/** A SIREN as the API writes it; a number (leading zeros lost) is padded back to 9 digits. */
const sirenValue = z
  .union([z.string(), z.number().int().nonnegative()])
  .transform((v) => (typeof v === 'number' ? String(v).padStart(9, '0') : v.trim()))
  .pipe(z.string().regex(/^\d{9}$/, 'a SIREN of 9 digits'));

export const rawEstablishmentShape = {
  siret: str(),
  adresse: str(),
  activite_principale: str(),
  activite_principale_naf25: str(),
  annee_tranche_effectif_salarie: str(),
  caractere_employeur: str(),
  code_postal: str(),
  commune: str(),
  libelle_commune: str(),
  departement: str(),
  region: str(),
  epci: str(),
  coordonnees: str(),
  latitude: str(),
  longitude: str(),
  date_creation: str(),
  date_debut_activite: str(),
  date_fermeture: str(),
  est_siege: lenientBoolean(),
  ancien_siege: lenientBoolean(),
  /** A = active, F = fermé (closed). */
  etat_administratif: str(),
  liste_enseignes: strings(),
  liste_idcc: strings(),
  liste_finess: strings(),
  liste_id_bio: strings(),
  liste_rge: strings(),
  liste_uai: strings(),
  liste_id_organisme_formation: strings(),
  nom_commercial: str(),
  statut_diffusion_etablissement: str(),
  tranche_effectif_salarie: str(),
  libelle_pays_etranger: str(),
  libelle_commune_etranger: str(),
};
export const rawEstablishmentSchema = lenientObject(rawEstablishmentShape);
export type RawEstablishment = Partial<z.output<z.ZodObject<typeof rawEstablishmentShape>>>;

const rawOfficerSchema = lenientObject({
  type_dirigeant: str(),
  nom: str(),
  prenoms: str(),
  annee_de_naissance: str(),
  date_de_naissance: str(),
  qualite: str(),
  nationalite: str(),
  siren: str(),
  denomination: str(),
  sigle: str(),
});
export type RawOfficer = Partial<NonNullable<z.output<typeof rawOfficerSchema>>>;

const rawImmatriculationSchema = lenientObject({
  date_debut_activite: str(),
  date_immatriculation: str(),
  date_radiation: str(),
  duree_personne_morale: lenientNumber(),
  date_fin_existence: str(),
  nature_entreprise: strings(),
  /** ddmm, e.g. "3112". */
  date_cloture_exercice: str(),
  capital_social: lenientNumber(),
  capital_variable: lenientBoolean(),
  devise_capital: str(),
  indicateur_associe_unique: lenientBoolean(),
});
export type RawImmatriculation = Partial<NonNullable<z.output<typeof rawImmatriculationSchema>>>;

/** `complements`: `est_*` flags (kept as sent, read with `=== true`) plus a few identifier lists. */
const rawComplementsSchema = z.preprocess(
  (v) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? v : null),
  z
    .looseObject({
      liste_idcc: strings(),
      liste_finess_juridique: strings(),
      liste_id_organisme_formation: strings(),
      identifiant_association: str(),
      type_siae: str(),
      statut_entrepreneur_spectacle: str(),
    })
    .nullable(),
);
export type RawComplements = Partial<NonNullable<z.output<typeof rawComplementsSchema>>> &
  Record<string, unknown>;

/** `finances`: year → figures; a year whose figures are not an object reads as no figures. */
const rawFinancesSchema = z.preprocess(
  (v) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? v : null),
  z.record(z.string(), lenientObject({ ca: lenientNumber(), resultat_net: lenientNumber() })).nullable(),
);

export const rawCompanySchema = z.object({
  siren: sirenValue,
  nom_complet: str(),
  nom_raison_sociale: str(),
  sigle: str(),
  nombre_etablissements: lenientInt(),
  nombre_etablissements_ouverts: lenientInt(),
  siege: rawEstablishmentSchema,
  activite_principale: str(),
  activite_principale_naf25: str(),
  categorie_entreprise: str(),
  annee_categorie_entreprise: str(),
  caractere_employeur: str(),
  date_creation: str(),
  date_fermeture: str(),
  date_mise_a_jour: str(),
  dirigeants: lenientArray(rawOfficerSchema),
  /** A = active, C = cessée (closed). */
  etat_administratif: str(),
  nature_juridique: str(),
  section_activite_principale: str(),
  tranche_effectif_salarie: str(),
  annee_tranche_effectif_salarie: str(),
  /** O = diffusible, P = partiellement diffusible (withheld fields come as "[NON-DIFFUSIBLE]"). */
  statut_diffusion: str(),
  matching_etablissements: lenientArray(rawEstablishmentSchema),
  /** Every establishment, 100 a page: only with `include_admin=etablissements` and `page_etablissements`. */
  etablissements: z.preprocess(
    (v) => (Array.isArray(v) ? v : null),
    z.array(rawEstablishmentSchema).nullable(),
  ),
  immatriculation: rawImmatriculationSchema,
  finances: rawFinancesSchema,
  complements: rawComplementsSchema,
  /** Active French intra-EU VAT numbers (source DGFiP), as `FR…` without spaces, each once. */
  tva: strings().transform((numbers) => [...new Set(numbers.map((v) => v.replace(/\s/g, '').toUpperCase()))]),
  admin: lenientObject({ slug: str() }),
});
export type RawCompany = z.output<typeof rawCompanySchema>;

export const rawSearchResponseSchema = z.object({
  results: z.array(rawCompanySchema),
  total_results: lenientInt(),
  page: lenientInt(),
  per_page: lenientInt(),
  total_pages: lenientInt(),
});

/** An answer with its paging filled in: the API's own figures, else what the request and results say. */
export interface RawSearchResponse {
  results: RawCompany[];
  total_results: number;
  page: number;
  per_page: number;
  total_pages: number;
}

export const toSearchAnswer = (
  parsed: z.output<typeof rawSearchResponseSchema>,
  asked: { page?: unknown; per_page?: unknown },
): RawSearchResponse => {
  const perPage = parsed.per_page ?? (typeof asked.per_page === 'number' ? asked.per_page : 10);
  const total = parsed.total_results ?? parsed.results.length;
  return {
    results: parsed.results,
    total_results: total,
    page: parsed.page ?? (typeof asked.page === 'number' ? asked.page : 1),
    per_page: perPage,
    total_pages: parsed.total_pages ?? Math.ceil(total / Math.max(perPage, 1)),
  };
};
