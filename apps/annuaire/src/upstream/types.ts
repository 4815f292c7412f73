// Raw shapes of the API Recherche d'entreprises `/search` and `/near_point` answers, as recorded in
// fixtures/annuaire. Every field may be null (non-diffusible units, ghost records).

export type Nullable<T> = T | null | undefined;

export interface RawEstablishment {
  siret?: Nullable<string>;
  adresse?: Nullable<string>;
  activite_principale?: Nullable<string>;
  activite_principale_naf25?: Nullable<string>;
  annee_tranche_effectif_salarie?: Nullable<string>;
  caractere_employeur?: Nullable<string>;
  code_postal?: Nullable<string>;
  commune?: Nullable<string>;
  libelle_commune?: Nullable<string>;
  departement?: Nullable<string>;
  region?: Nullable<string>;
  epci?: Nullable<string>;
  coordonnees?: Nullable<string>;
  latitude?: Nullable<string>;
  longitude?: Nullable<string>;
  date_creation?: Nullable<string>;
  date_debut_activite?: Nullable<string>;
  date_fermeture?: Nullable<string>;
  est_siege?: Nullable<boolean>;
  ancien_siege?: Nullable<boolean>;
  /** A = active, F = fermé (closed). */
  etat_administratif?: Nullable<string>;
  liste_enseignes?: Nullable<string[]>;
  liste_idcc?: Nullable<string[]>;
  liste_finess?: Nullable<string[]>;
  liste_id_bio?: Nullable<string[]>;
  liste_rge?: Nullable<string[]>;
  liste_uai?: Nullable<string[]>;
  liste_id_organisme_formation?: Nullable<string[]>;
  nom_commercial?: Nullable<string>;
  statut_diffusion_etablissement?: Nullable<string>;
  tranche_effectif_salarie?: Nullable<string>;
  libelle_pays_etranger?: Nullable<string>;
  libelle_commune_etranger?: Nullable<string>;
}

export interface RawPersonOfficer {
  type_dirigeant: 'personne physique';
  nom?: Nullable<string>;
  prenoms?: Nullable<string>;
  annee_de_naissance?: Nullable<string>;
  date_de_naissance?: Nullable<string>;
  qualite?: Nullable<string>;
  nationalite?: Nullable<string>;
}

export interface RawCompanyOfficer {
  type_dirigeant: 'personne morale';
  siren?: Nullable<string>;
  denomination?: Nullable<string>;
  sigle?: Nullable<string>;
  qualite?: Nullable<string>;
}

export type RawOfficer = RawPersonOfficer | RawCompanyOfficer;

export interface RawImmatriculation {
  date_debut_activite?: Nullable<string>;
  date_immatriculation?: Nullable<string>;
  date_radiation?: Nullable<string>;
  duree_personne_morale?: Nullable<number>;
  date_fin_existence?: Nullable<string>;
  nature_entreprise?: Nullable<string[]>;
  /** ddmm, e.g. "3112". */
  date_cloture_exercice?: Nullable<string>;
  capital_social?: Nullable<number>;
  capital_variable?: Nullable<boolean>;
  devise_capital?: Nullable<string>;
  indicateur_associe_unique?: Nullable<boolean>;
}

/** `complements`: `est_*` booleans plus a few identifier lists. */
export type RawComplements = Record<string, unknown> & {
  liste_idcc?: Nullable<string[]>;
  liste_finess_juridique?: Nullable<string[]>;
  liste_id_organisme_formation?: Nullable<string[]>;
  identifiant_association?: Nullable<string>;
  type_siae?: Nullable<string>;
  statut_entrepreneur_spectacle?: Nullable<string>;
  collectivite_territoriale?: Nullable<{
    code?: Nullable<string>;
    code_insee?: Nullable<string>;
    niveau?: Nullable<string>;
  }>;
};

export interface RawCompany {
  siren: string;
  nom_complet?: Nullable<string>;
  nom_raison_sociale?: Nullable<string>;
  sigle?: Nullable<string>;
  nombre_etablissements?: Nullable<number>;
  nombre_etablissements_ouverts?: Nullable<number>;
  siege?: Nullable<RawEstablishment>;
  activite_principale?: Nullable<string>;
  activite_principale_naf25?: Nullable<string>;
  categorie_entreprise?: Nullable<string>;
  annee_categorie_entreprise?: Nullable<string>;
  caractere_employeur?: Nullable<string>;
  date_creation?: Nullable<string>;
  date_fermeture?: Nullable<string>;
  date_mise_a_jour?: Nullable<string>;
  dirigeants?: Nullable<RawOfficer[]>;
  /** A = active, C = cessée (closed). */
  etat_administratif?: Nullable<string>;
  nature_juridique?: Nullable<string>;
  section_activite_principale?: Nullable<string>;
  tranche_effectif_salarie?: Nullable<string>;
  annee_tranche_effectif_salarie?: Nullable<string>;
  /** O = diffusible, P = partiellement diffusible (non-diffusible fields come as "[NON-DIFFUSIBLE]"). */
  statut_diffusion?: Nullable<string>;
  matching_etablissements?: Nullable<RawEstablishment[]>;
  immatriculation?: Nullable<RawImmatriculation>;
  finances?: Nullable<Record<string, { ca?: Nullable<number>; resultat_net?: Nullable<number> }>>;
  complements?: Nullable<RawComplements>;
  admin?: Nullable<{ slug?: Nullable<string> }>;
}

export interface RawSearchResponse {
  results: RawCompany[];
  total_results: number;
  page: number;
  per_page: number;
  total_pages: number;
}
