// The tools' typed filters → the register's query parameters (the package's own names).
import { BOOLEAN_PARAMS, type ListParam, type RegisterFilters } from '@mcp/recherche-entreprises';
import type { Filters } from './inputs.js';

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
} as const satisfies Partial<Record<keyof Filters, ListParam>>;

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
} as const satisfies Partial<Record<keyof Filters, keyof RegisterFilters>>;

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

/** The birth-year bounds as the API's date range: from 1 January of the first year to 31 December of the last. */
export const birthDateRange = (min: number | undefined, max: number | undefined): RegisterFilters => ({
  ...(min !== undefined ? { date_naissance_personne_min: `${min}-01-01` } : {}),
  ...(max !== undefined ? { date_naissance_personne_max: `${max}-12-31` } : {}),
});

export const toRegisterFilters = (f: Filters): RegisterFilters => {
  const q: Record<string, unknown> = {};
  for (const [key, param] of Object.entries(LIST_FILTERS)) {
    const value = f[key as keyof typeof LIST_FILTERS];
    if (value && value.length > 0) q[param] = value;
  }
  for (const [key, param] of Object.entries(SCALAR_FILTERS)) {
    const value = f[key as keyof typeof SCALAR_FILTERS];
    if (value !== undefined) q[param] = value;
  }
  for (const key of BOOLEAN_PARAMS) {
    const value = f[key];
    if (value !== undefined) q[key] = value;
  }
  const typed = q as RegisterFilters;
  return {
    ...typed,
    ...(f.state ? { etat_administratif: f.state === 'active' ? 'A' : 'C' } : {}),
    ...(f.officer_type ? { type_personne: f.officer_type === 'elu' ? 'ELU' : 'DIRIGEANT' } : {}),
    ...birthDateRange(f.officer_birth_year_min, f.officer_birth_year_max),
    ...(f.sort_by_size ? { sort_by_size: true } : {}),
  };
};
