// What a caller may ask the API, typed with the API's own parameter names. Apps map their tool input
// to these objects; the client turns them into the query string.

/** Booleans the API filters on (`true` keeps only those, `false` only the others). */
export const BOOLEAN_PARAMS = [
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
] as const;
export type BooleanParam = (typeof BOOLEAN_PARAMS)[number];

/** Filters that take several codes at once (sent comma-separated). */
export type ListParam =
  | 'code_postal'
  | 'departement'
  | 'region'
  | 'code_commune'
  | 'epci'
  | 'activite_principale'
  | 'section_activite_principale'
  | 'nature_juridique'
  | 'categorie_entreprise'
  | 'tranche_effectif_salarie';

/** The filters of `/search`; `/near_point` applies only the activity ones (see NearPointQuery). */
export type RegisterFilters = Partial<Record<ListParam, readonly string[]>> &
  Partial<Record<BooleanParam, boolean>> & {
    /** A = active, C = cessée (closed). */
    etat_administratif?: 'A' | 'C';
    id_convention_collective?: string;
    id_finess?: string;
    id_uai?: string;
    id_rge?: string;
    /** Euros. */
    ca_min?: number;
    ca_max?: number;
    resultat_net_min?: number;
    resultat_net_max?: number;
    nom_personne?: string;
    prenoms_personne?: string;
    /** YYYY-MM-DD. */
    date_naissance_personne_min?: string;
    date_naissance_personne_max?: string;
    type_personne?: 'DIRIGEANT' | 'ELU';
    /** Matching establishments returned per company, 1–100 (API default 10). */
    limite_matching_etablissements?: number;
    sort_by_size?: boolean;
  };

export interface Paging {
  /** 1–1000. */
  page?: number;
  /** 1–25. */
  per_page?: number;
}

/** `GET /search`: a 9- or 14-digit `q` is an identifier lookup, other filters are then ignored. */
export type SearchQuery = RegisterFilters &
  Paging & {
    q?: string;
    /** Leaner answers; `include` (e.g. `siege`) works only with it. */
    minimal?: boolean;
    include?: string;
    /** `etablissements` with `page_etablissements`: every establishment of one SIREN, 100 a page. */
    include_admin?: string;
    page_etablissements?: number;
  };

/** `GET /near_point`: the API names the longitude `long`; radius in km, at most 50. */
export type NearPointQuery = Pick<
  RegisterFilters,
  'activite_principale' | 'section_activite_principale' | 'limite_matching_etablissements'
> &
  Paging & { lat: number; long: number; radius: number };

export type QueryParams = Record<string, string | number | boolean>;

/** The query string's parameters: lists comma-joined (as the API reads them), unset ones left out. */
export const toQueryParams = (query: SearchQuery | NearPointQuery): QueryParams => {
  const params: QueryParams = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params[key] = value.join(',');
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      params[key] = value;
    }
  }
  return params;
};
