// Typed tool filters → the API's query parameters, and the API's paging limits.
import type { Filters } from './inputs.js';

export type ApiQuery = Record<string, string | number | boolean>;

/** The API refuses per_page > 25, page > 1000 and page × per_page > 10 000 (HTTP 400). */
export const API_MAX_PER_PAGE = 25;
export const API_MAX_PAGE = 1000;
export const API_MAX_RESULTS = 10_000;

export const maxReachablePage = (perPage: number): number =>
  Math.min(API_MAX_PAGE, Math.floor(API_MAX_RESULTS / perPage));

const BOOLEAN_FILTERS = [
  'est_ess',
  'est_association',
  'est_entrepreneur_individuel',
  'est_administration',
  'est_collectivite_territoriale',
  'est_rge',
  'est_bio',
  'est_qualiopi',
  'est_organisme_formation',
  'est_finess',
  'est_uai',
  'est_siae',
  'est_societe_mission',
  'est_entrepreneur_spectacle',
  'est_patrimoine_vivant',
  'est_achats_responsables',
  'est_alim_confiance',
  'egapro_renseignee',
  'convention_collective_renseignee',
] as const satisfies readonly (keyof Filters)[];

const LIST_FILTERS = {
  postal_code: 'code_postal',
  department: 'departement',
  region: 'region',
  commune_code: 'code_commune',
  epci: 'epci',
  naf_code: 'activite_principale',
  naf_section: 'section_activite_principale',
  legal_form: 'nature_juridique',
  category: 'categorie_entreprise',
  headcount_band: 'tranche_effectif_salarie',
} as const satisfies Partial<Record<keyof Filters, string>>;

const SCALAR_FILTERS = {
  idcc: 'id_convention_collective',
  finess_id: 'id_finess',
  uai_id: 'id_uai',
  rge_id: 'id_rge',
  revenue_min: 'ca_min',
  revenue_max: 'ca_max',
  net_result_min: 'resultat_net_min',
  net_result_max: 'resultat_net_max',
  officer_last_name: 'nom_personne',
  officer_first_names: 'prenoms_personne',
  matching_establishments_limit: 'limite_matching_etablissements',
} as const satisfies Partial<Record<keyof Filters, string>>;

/** Cross-field checks zod cannot express per field: a sentence and the fields it names, or null. */
export const checkFilterRanges = (f: Filters): { message: string; fields: string[] } | null => {
  const pairs = [
    ['revenue_min', 'revenue_max'],
    ['net_result_min', 'net_result_max'],
    ['officer_birth_year_min', 'officer_birth_year_max'],
  ] as const;
  for (const [lo, hi] of pairs) {
    const a = f[lo];
    const b = f[hi];
    if (a !== undefined && b !== undefined && a > b) {
      return { message: `${lo} (${a}) must not exceed ${hi} (${b}).`, fields: [lo, hi] };
    }
  }
  return null;
};

export const hasAnyFilter = (f: Filters): boolean =>
  Object.entries(f).some(
    ([key, value]) =>
      value !== undefined && key !== 'matching_establishments_limit' && key !== 'sort_by_size',
  );

export const toApiQuery = (f: Filters): ApiQuery => {
  const q: ApiQuery = {};
  for (const [key, param] of Object.entries(LIST_FILTERS)) {
    const value = f[key as keyof typeof LIST_FILTERS];
    if (value && value.length > 0) q[param] = value.join(',');
  }
  for (const [key, param] of Object.entries(SCALAR_FILTERS)) {
    const value = f[key as keyof typeof SCALAR_FILTERS];
    if (value !== undefined) q[param] = value;
  }
  for (const key of BOOLEAN_FILTERS) {
    const value = f[key];
    if (value !== undefined) q[key] = value;
  }
  if (f.state) q.etat_administratif = f.state === 'active' ? 'A' : 'C';
  if (f.officer_type) q.type_personne = f.officer_type.toUpperCase();
  if (f.officer_birth_year_min !== undefined)
    q.date_naissance_personne_min = `${f.officer_birth_year_min}-01-01`;
  if (f.officer_birth_year_max !== undefined)
    q.date_naissance_personne_max = `${f.officer_birth_year_max}-12-31`;
  if (f.sort_by_size) q.sort_by_size = true;
  return q;
};
