import { tvaFromSiren } from '@mcp/fr-ids';
import type {
  RawCompany,
  RawComplements,
  RawEstablishment,
  RawImmatriculation,
} from '@mcp/recherche-entreprises';
import type { Company, CompanyRef, CompanySummary } from '../../schemas.js';
import {
  companyCategoryLabel,
  headcountLabel,
  legalFormLabel,
  nafLabel,
  nafSectionLabel,
} from '../codes/index.js';
import { COMPLEMENT_LABELS } from '../codes/labels.js';
import { list, mapEstablishment, mapHeadOffice, NON_DIFFUSIBLE, stateOf, text } from './establishment.js';
import { companyLinks, establishmentLink } from './links.js';
import { mapOfficer } from './officers.js';

const CATEGORIES = ['PME', 'ETI', 'GE'] as const;
const categoryOf = (code: string | null | undefined) => CATEGORIES.find((c) => c === code) ?? null;

/** Partially diffusible units (statut_diffusion P) come with "[NON-DIFFUSIBLE]" in place of names. */
export const isNonDiffusible = (raw: RawCompany): boolean =>
  (raw.statut_diffusion != null && raw.statut_diffusion !== 'O') ||
  raw.nom_complet === NON_DIFFUSIBLE ||
  raw.siege?.adresse === NON_DIFFUSIBLE;

export const mapCompanySummary = (raw: RawCompany): CompanySummary => {
  const siege: RawEstablishment = raw.siege ?? {};
  return {
    siren: raw.siren,
    name: text(raw.nom_complet),
    sigle: text(raw.sigle),
    state: stateOf(raw.etat_administratif),
    non_diffusible: isNonDiffusible(raw),
    head_office_siret: text(siege.siret),
    head_office_address: text(siege.adresse),
    naf_code: text(raw.activite_principale),
    naf_label: nafLabel(raw.activite_principale),
    legal_form_code: text(raw.nature_juridique),
    legal_form_label: legalFormLabel(raw.nature_juridique),
    category: categoryOf(raw.categorie_entreprise),
    headcount_band: text(raw.tranche_effectif_salarie),
    headcount_label: headcountLabel(raw.tranche_effectif_salarie),
    created_on: text(raw.date_creation),
    closed_on: text(raw.date_fermeture),
    open_establishments: raw.nombre_etablissements_ouverts ?? null,
    matching_establishments: (raw.matching_etablissements ?? []).map(mapEstablishment),
  };
};

export const mapLabels = (c: RawComplements | null | undefined): Company['labels'] => {
  if (!c) return [];
  const out: Company['labels'] = [];
  for (const [code, label] of Object.entries(COMPLEMENT_LABELS)) {
    // The site shows a single Qualiopi badge that already says "organisme de formation".
    if (code === 'est_organisme_formation' && c.est_qualiopi === true) continue;
    if (c[code] !== true) continue;
    out.push({
      code,
      label:
        code === 'est_siae' && typeof c.type_siae === 'string'
          ? `${label} (${c.type_siae})`
          : code === 'est_entrepreneur_spectacle' && c.statut_entrepreneur_spectacle !== 'valide'
            ? `${label} (pas de récépissé valide)`
            : label,
    });
  }
  return out;
};

export const mapFinances = (raw: RawCompany['finances']): Company['finances'] => {
  const byYear = Object.entries(raw ?? {})
    .map(([year, f]) => ({ year: Number(year), revenue: f?.ca ?? null, net_result: f?.resultat_net ?? null }))
    .filter((f) => Number.isInteger(f.year))
    .sort((a, b) => b.year - a.year);
  return { latest: byYear[0] ?? null, by_year: byYear };
};

/**
 * The company's own flag when the register gives one. A head office that employs proves the company
 * does; one that does not says nothing of the other establishments, so that reads as unknown.
 */
const employerOf = (company: string | null, headOffice: string | null | undefined): boolean | null => {
  if (company === 'O') return true;
  if (company === 'N') return false;
  return headOffice === 'O' ? true : null;
};

const ddmm = (value: string | null): string | null =>
  value && /^\d{4}$/.test(value) ? `${value.slice(0, 2)}/${value.slice(2)}` : value;

/**
 * The full record. `siret`, when given, picks that establishment out of `matching_etablissements`
 * (the API puts the establishment a SIRET query hit there) or the head office.
 */
export const mapCompany = (raw: RawCompany, siret?: string): Company => {
  const siege: RawEstablishment = raw.siege ?? {};
  const imm: RawImmatriculation = raw.immatriculation ?? {};
  const c: RawComplements = raw.complements ?? {};
  const name = text(raw.nom_complet);
  const headOffice = mapHeadOffice(raw.siege);
  const matched = siret
    ? [...(raw.matching_etablissements ?? []), siege].find((e) => e?.siret === siret)
    : undefined;
  const idcc = [...new Set([...list(c.liste_idcc), ...list(siege.liste_idcc)])];
  return {
    siren: raw.siren,
    name,
    legal_name: text(raw.nom_raison_sociale),
    sigle: text(raw.sigle),
    state: stateOf(raw.etat_administratif),
    non_diffusible: isNonDiffusible(raw),
    created_on: text(raw.date_creation),
    closed_on: text(raw.date_fermeture),
    updated_at: text(raw.date_mise_a_jour),
    vat_number_computed: tvaFromSiren(raw.siren),
    vat_numbers_registered: raw.tva,
    head_office: headOffice,
    establishment: matched ? mapEstablishment(matched) : null,
    activity: {
      naf_code: text(raw.activite_principale),
      naf_label: nafLabel(raw.activite_principale),
      naf25_code: text(raw.activite_principale_naf25),
      naf25_label: nafLabel(raw.activite_principale_naf25),
      section: text(raw.section_activite_principale),
      section_label: nafSectionLabel(raw.section_activite_principale),
    },
    legal_form: { code: text(raw.nature_juridique), label: legalFormLabel(raw.nature_juridique) },
    category: {
      code: text(raw.categorie_entreprise),
      label: companyCategoryLabel(raw.categorie_entreprise),
      year: text(raw.annee_categorie_entreprise),
    },
    headcount: {
      band: text(raw.tranche_effectif_salarie),
      label: headcountLabel(raw.tranche_effectif_salarie),
      year: text(raw.annee_tranche_effectif_salarie),
      employer: employerOf(raw.caractere_employeur, siege.caractere_employeur),
    },
    establishments: {
      total: raw.nombre_etablissements ?? null,
      open: raw.nombre_etablissements_ouverts ?? null,
    },
    registration: {
      registered_on: text(imm.date_immatriculation),
      struck_off_on: text(imm.date_radiation),
      activity_started_on: text(imm.date_debut_activite),
      share_capital: imm.capital_social ?? null,
      capital_currency: text(imm.devise_capital),
      variable_capital: imm.capital_social == null ? null : (imm.capital_variable ?? null),
      fiscal_year_end: ddmm(text(imm.date_cloture_exercice)),
      business_nature: list(imm.nature_entreprise),
      single_shareholder: imm.capital_social == null ? null : (imm.indicateur_associe_unique ?? null),
    },
    officers: (raw.dirigeants ?? []).map(mapOfficer),
    finances: mapFinances(raw.finances),
    labels: mapLabels(c),
    collective_agreements: idcc,
    identifiers: {
      rna: text(c.identifiant_association),
      finess: [...new Set([...list(c.liste_finess_juridique), ...list(siege.liste_finess)])],
      training_body: [
        ...new Set([...list(c.liste_id_organisme_formation), ...list(siege.liste_id_organisme_formation)]),
      ],
      uai: list(siege.liste_uai),
      rge: list(siege.liste_rge),
      bio: list(siege.liste_id_bio),
    },
    links: {
      ...companyLinks(raw.siren, name, raw.admin?.slug),
      establishment: matched?.siret ? establishmentLink(matched.siret) : null,
    },
  };
};

/** The one-line reference of a company (get_officers, both ways). */
export const toCompanyRef = (c: RawCompany): CompanyRef => {
  const s = mapCompanySummary(c);
  return {
    siren: s.siren,
    name: s.name,
    state: s.state,
    legal_form_label: s.legal_form_label,
    naf_label: s.naf_label,
    head_office_address: s.head_office_address,
  };
};
