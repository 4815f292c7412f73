// Badge wording copied from the Annuaire des Entreprises site
// (annuaire-entreprises-data-gouv-fr/site@e20f7342, src/components/badges-section/labels-and-certificates/index.tsx
// and src/components/advanced-search/filter-structure.tsx). Flags without a badge there keep a plain
// description of what the API field says.

/** `complements` flag → French label, in the site's display order. */
export const COMPLEMENT_LABELS = {
  est_ess: 'ESS - Économie Sociale et Solidaire',
  est_societe_mission: 'Société à mission',
  est_siae: 'Entreprise Sociale Inclusive',
  est_finess: 'Finess - Établissement Sanitaire et Social',
  est_qualiopi: 'Organisme de formation (certifié Qualiopi)',
  est_organisme_formation: 'Organisme de formation',
  est_bio: 'Professionnel du Bio',
  egapro_renseignee: 'Égalité professionnelle',
  est_rge: 'RGE - Reconnu Garant de l’Environnement',
  est_entrepreneur_spectacle: 'Entrepreneur de spectacles vivants',
  est_achats_responsables: 'Achats Responsables',
  est_patrimoine_vivant: 'Entreprise du Patrimoine Vivant',
  est_alim_confiance: "Alim'Confiance",
  bilan_ges_renseigne: 'Bilans GES (Gaz à Effet de Serre)',
  est_uai: 'Établissement scolaire (UAI)',
  est_association: 'Association',
  est_entrepreneur_individuel: 'Entrepreneur individuel',
  est_administration: 'Administration',
  est_service_public: 'Service public',
  est_l100_3: 'Administration au sens de l’article L100-3 du CRPA',
  est_avocat: 'Avocat',
  convention_collective_renseignee: 'Convention collective renseignée',
} as const satisfies Record<string, string>;

export type ComplementFlag = keyof typeof COMPLEMENT_LABELS;
