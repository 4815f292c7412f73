import { headcountLabel, nafLabel } from '../codes/index.js';
import type { Establishment } from '../schemas.js';
import type { Nullable, RawEstablishment } from '../upstream/types.js';

/** What the API writes in place of every withheld name or address field. */
export const NON_DIFFUSIBLE = '[NON-DIFFUSIBLE]';

/** Empty strings and missing values alike become null; "[NON-DIFFUSIBLE]" is kept so the agent sees it. */
export const text = (value: Nullable<string>): string | null => {
  const v = value?.trim();
  return v ? v : null;
};

export const num = (value: Nullable<string | number>): number | null => {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
};

export const list = (value: Nullable<string[]>): string[] =>
  (value ?? []).map((v) => v.trim()).filter((v) => v.length > 0);

/** Establishments say A (active) or F (fermé); companies A or C (cessée). */
export const stateOf = (code: Nullable<string>): 'active' | 'closed' | null =>
  code === 'A' ? 'active' : code === 'C' || code === 'F' ? 'closed' : null;

export const mapEstablishment = (raw: RawEstablishment): Establishment => {
  const names = [text(raw.nom_commercial), ...list(raw.liste_enseignes)].filter((v): v is string => !!v);
  const city = text(raw.libelle_commune) ?? text(raw.libelle_commune_etranger);
  return {
    siret: text(raw.siret),
    is_head_office: raw.est_siege ?? null,
    state: stateOf(raw.etat_administratif),
    address: text(raw.adresse),
    postal_code: text(raw.code_postal),
    city,
    commune_code: text(raw.commune),
    department: text(raw.departement),
    region: text(raw.region),
    latitude: num(raw.latitude),
    longitude: num(raw.longitude),
    naf_code: text(raw.activite_principale),
    naf_label: nafLabel(raw.activite_principale),
    headcount_band: text(raw.tranche_effectif_salarie),
    headcount_label: headcountLabel(raw.tranche_effectif_salarie),
    trade_names: [...new Set(names)],
    created_on: text(raw.date_creation),
    closed_on: text(raw.date_fermeture),
  };
};

/** The ghost records of the API carry `siege: {}`: no SIRET means no establishment to show. */
export const mapHeadOffice = (raw: Nullable<RawEstablishment>): Establishment | null =>
  raw && text(raw.siret) ? mapEstablishment(raw) : null;
