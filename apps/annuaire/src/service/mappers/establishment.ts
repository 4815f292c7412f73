import type { Nullable, RawEstablishment } from '@mcp/recherche-entreprises';
import type { Establishment } from '../../schemas.js';
import { headcountLabel, nafLabel } from '../codes/index.js';

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

/** Matching establishments come without `departement`: the INSEE commune code starts with it. */
const departmentOf = (raw: RawEstablishment): string | null => {
  const given = text(raw.departement);
  if (given) return given;
  const commune = text(raw.commune);
  if (!commune || !/^(\d{5}|2[AB]\d{3})$/.test(commune)) return null;
  return commune.startsWith('97') || commune.startsWith('98') ? commune.slice(0, 3) : commune.slice(0, 2);
};

export const mapEstablishment = (raw: RawEstablishment): Establishment => {
  const names = [text(raw.nom_commercial), ...list(raw.liste_enseignes)].filter((v): v is string => !!v);
  const city = text(raw.libelle_commune) ?? text(raw.libelle_commune_etranger);
  return {
    siret: text(raw.siret),
    is_head_office: raw.est_siege ?? null,
    state: stateOf(raw.etat_administratif),
    non_diffusible: raw.statut_diffusion_etablissement === 'P' || raw.adresse === NON_DIFFUSIBLE,
    address: text(raw.adresse),
    postal_code: text(raw.code_postal),
    city,
    commune_code: text(raw.commune),
    department: departmentOf(raw),
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

/** Whether an establishment is in the state asked for (`all` keeps every one). */
export const matchesState = (raw: RawEstablishment, state: 'active' | 'closed' | 'all'): boolean =>
  state === 'all' || stateOf(raw.etat_administratif) === state;
