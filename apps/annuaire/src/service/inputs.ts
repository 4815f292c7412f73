// Input field schemas shared by the tools: identifiers accept "356 000 000", codes are checked against
// the shipped tables so a typo fails here with the field's name instead of as an API 400.
import { parseSiren, parseSiret, stripSeparators } from '@mcp/fr-ids';
import * as z from 'zod/v4';
import {
  COMPANY_CATEGORY_CODES,
  HEADCOUNT_BAND_CODES,
  isLegalFormCode,
  isNafCode,
  NAF_SECTION_CODES,
  normalizeNafCode,
} from './codes/index.js';
import { type PlaceMatch, resolveDepartment, resolveRegion } from './codes/places.js';

export const sirenField = z
  .string()
  .transform((value, ctx) => {
    const res = parseSiren(value);
    if (res.ok) return res.value;
    ctx.addIssue({ code: 'custom', message: res.error.message, input: value });
    return z.NEVER;
  })
  .describe('SIREN, 9 digits; spaces and dots allowed ("356 000 000")');

export const siretField = z
  .string()
  .transform((value, ctx) => {
    const res = parseSiret(value);
    if (res.ok) return res.value.siret;
    ctx.addIssue({ code: 'custom', message: res.error.message, input: value });
    return z.NEVER;
  })
  .describe('SIRET, 14 digits; spaces allowed ("356 000 000 00048")');

/**
 * One value, a list, or a comma-separated string (agents send all three), each item normalized and
 * checked; a bad item fails the whole field with a message naming the value (never a bare "Invalid input").
 */
const listOf = (
  label: string,
  normalize: (v: string) => string | null,
  known: (v: string) => boolean = () => true,
) =>
  z.union([z.string(), z.array(z.string()).min(1)]).transform((value, ctx) => {
    const items = (Array.isArray(value) ? value : value.split(',')).map((v) => v.trim()).filter(Boolean);
    const out: string[] = [];
    for (const item of items) {
      const v = normalize(item);
      if (v === null || !known(v)) {
        ctx.addIssue({ code: 'custom', message: `unknown ${label} "${item}"`, input: value });
        return z.NEVER;
      }
      out.push(v);
    }
    if (out.length === 0) {
      ctx.addIssue({ code: 'custom', message: `give at least one ${label}`, input: value });
      return z.NEVER;
    }
    return out;
  });

/** Régions and départements: each item a code or a name; an unknown name fails naming the closest ones. */
const placesOf = (label: string, resolve: (v: string) => PlaceMatch) =>
  z.union([z.string(), z.array(z.string()).min(1)]).transform((value, ctx) => {
    const items = (Array.isArray(value) ? value : value.split(',')).map((v) => v.trim()).filter(Boolean);
    const out = new Set<string>();
    for (const item of items) {
      const match = resolve(item);
      if ('closest' in match) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown ${label} "${item}"; closest: ${match.closest.join(', ')}`,
          input: value,
        });
        return z.NEVER;
      }
      for (const code of match.codes) out.add(code);
    }
    if (out.size === 0) {
      ctx.addIssue({ code: 'custom', message: `give at least one ${label}`, input: value });
      return z.NEVER;
    }
    return [...out];
  });

const upper = (v: string) => v.toUpperCase();
const digits = (v: string) => stripSeparators(v);
const matching = (re: RegExp) => (v: string) => (re.test(v) ? v : null);
const oneOf = (values: readonly string[]) => (v: string) => values.includes(v);

/**
 * Whole euros as a number or as written by people: "1 000 000", "1.000.000", "-50 000". A dot is a
 * thousands separator only in groups of three, so "1.5" is refused rather than read as 15.
 */
const amount = (what: string) =>
  z.union([z.number().int(), z.string()]).transform((value, ctx) => {
    if (typeof value === 'number') return value;
    const v = value.trim().replace(/[\s\u00a0\u202f]/g, ' ');
    if (/^-?(\d+|\d{1,3}([ .]\d{3})+)$/.test(v)) return Number(v.replace(/[ .]/g, ''));
    ctx.addIssue({
      code: 'custom',
      message: `${what} must be a whole number of euros, got "${value}"`,
      input: value,
    });
    return z.NEVER;
  });

export const filterShape = {
  postal_code: listOf('postcode (5 characters, e.g. 35000)', (v) =>
    matching(/^(0[1-9]|[1-8]\d|9[0-8]|2[AB])\d{3}$/)(upper(digits(v))),
  )
    .optional()
    .describe('Code postal of an establishment, e.g. "35000" or ["75008","75009"] (code_postal)'),
  department: placesOf('département', resolveDepartment)
    .optional()
    .describe(
      'Département code or name, e.g. "35", "2A", "971", "Ille-et-Vilaine", "corse du sud"; accents and case do not matter (departement)',
    ),
  region: placesOf('région', resolveRegion)
    .optional()
    .describe(
      'Région INSEE code or name, e.g. "53", "Bretagne", "Île-de-France", "PACA"; accents and case do not matter (region)',
    ),
  commune_code: listOf('INSEE commune code', (v) => matching(/^([013-9]\d|2[AB1-9])\d{3}$/)(v.toUpperCase()))
    .optional()
    .describe('INSEE commune code (not the postcode), e.g. "75108" (code_commune)'),
  epci: listOf('EPCI SIREN (9 digits)', (v) => matching(/^\d{9}$/)(digits(v)))
    .optional()
    .describe('SIREN of an EPCI (intercommunalité), e.g. "200054781" Métropole du Grand Paris'),
  naf_code: listOf('NAF rév. 2 code', normalizeNafCode, isNafCode)
    .optional()
    .describe('NAF/APE activity code of the company, "62.02A" or "6202A" (activite_principale)'),
  naf_section: listOf('NAF section (A–U)', upper, oneOf(NAF_SECTION_CODES))
    .optional()
    .describe('NAF section letter A–U, e.g. "J" information et communication (section_activite_principale)'),
  legal_form: listOf('catégorie juridique', digits, isLegalFormCode)
    .optional()
    .describe(
      'Catégorie juridique niveau III, e.g. "5710" SAS, "5499" SARL, "1000" EI, "9220" association (nature_juridique)',
    ),
  category: listOf('category (PME, ETI or GE)', upper, oneOf(COMPANY_CATEGORY_CODES))
    .optional()
    .describe('Catégorie d’entreprise: PME, ETI or GE (categorie_entreprise)'),
  headcount_band: listOf('headcount band', upper, oneOf(HEADCOUNT_BAND_CODES))
    .optional()
    .describe(
      'Tranche d’effectif salarié: NN, 00, 01 (1-2), 02 (3-5), 03 (6-9), 11 (10-19), 12 (20-49), 21 (50-99), 22 (100-199), 31 (200-249), 32 (250-499), 41 (500-999), 42 (1000-1999), 51 (2000-4999), 52 (5000-9999), 53 (10000+)',
    ),
  state: z
    .enum(['active', 'closed'])
    .optional()
    .describe('active (A) or closed/cessée (C) companies only (etat_administratif)'),
  est_ess: z.boolean().optional().describe('Économie sociale et solidaire'),
  est_association: z.boolean().optional().describe('Associations'),
  est_entrepreneur_individuel: z
    .boolean()
    .optional()
    .describe('Entrepreneurs individuels (incl. micro-entrepreneurs)'),
  est_administration: z.boolean().optional().describe('Administrations and public services (service public)'),
  est_collectivite_territoriale: z.boolean().optional().describe('Collectivités territoriales'),
  est_rge: z.boolean().optional().describe('RGE - Reconnu Garant de l’Environnement'),
  est_bio: z.boolean().optional().describe('Professionnels du bio (Agence Bio)'),
  est_qualiopi: z.boolean().optional().describe('Certified Qualiopi (training bodies)'),
  est_organisme_formation: z.boolean().optional().describe('Organismes de formation'),
  est_finess: z.boolean().optional().describe('Établissements sanitaires et sociaux (FINESS)'),
  est_uai: z.boolean().optional().describe('Établissements scolaires (UAI)'),
  est_siae: z.boolean().optional().describe("Structures d'insertion par l'activité économique"),
  est_societe_mission: z.boolean().optional().describe('Sociétés à mission'),
  est_entrepreneur_spectacle: z.boolean().optional().describe('Entrepreneurs de spectacles vivants'),
  est_patrimoine_vivant: z.boolean().optional().describe('Entreprises du patrimoine vivant'),
  est_achats_responsables: z.boolean().optional().describe('Label Achats Responsables'),
  est_alim_confiance: z.boolean().optional().describe("Alim'Confiance sanitary inspection results published"),
  egapro_renseignee: z.boolean().optional().describe('Égalité professionnelle index (Egapro) published'),
  convention_collective_renseignee: z
    .boolean()
    .optional()
    .describe('A collective agreement (IDCC) is declared'),
  idcc: z
    .string()
    .regex(/^\d{4}$/, '4 digits')
    .optional()
    .describe('IDCC of a collective agreement, e.g. "1486" (id_convention_collective)'),
  finess_id: z
    .string()
    .regex(/^\w{9}$/, '9 characters')
    .optional()
    .describe('FINESS number (id_finess)'),
  uai_id: z
    .string()
    .regex(/^\w{8}$/, '8 characters')
    .optional()
    .describe('UAI number of a school (id_uai)'),
  rge_id: z.string().min(1).optional().describe('RGE certificate id (id_rge)'),
  revenue_min: amount('revenue_min').optional().describe("Minimum chiffre d'affaires, EUR (ca_min)"),
  revenue_max: amount('revenue_max').optional().describe("Maximum chiffre d'affaires, EUR (ca_max)"),
  net_result_min: amount('net_result_min')
    .optional()
    .describe('Minimum résultat net, EUR (resultat_net_min)'),
  net_result_max: amount('net_result_max')
    .optional()
    .describe('Maximum résultat net, EUR (resultat_net_max)'),
  officer_last_name: z
    .string()
    .min(1)
    .optional()
    .describe('Last name of an officer (dirigeant) or elected official (nom_personne)'),
  officer_first_names: z
    .string()
    .min(1)
    .optional()
    .describe('First name(s) of that person (prenoms_personne)'),
  officer_birth_year_min: z
    .number()
    .int()
    .min(1900)
    .max(2100)
    .optional()
    .describe('Officer born in or after this year'),
  officer_birth_year_max: z
    .number()
    .int()
    .min(1900)
    .max(2100)
    .optional()
    .describe('Officer born in or before this year'),
  officer_type: z
    .enum(['dirigeant', 'elu'])
    .optional()
    .describe('Restrict officer filters to company officers or to elected officials (type_personne)'),
  matching_establishments_limit: z
    .number()
    .int()
    .min(1)
    .max(100)
    .optional()
    .describe('How many matching establishments to return per company, 1–100 (default 10)'),
  sort_by_size: z.boolean().optional().describe('Largest companies first'),
};

export const filtersSchema = z.object(filterShape);
export type Filters = z.output<typeof filtersSchema>;

export const pagingShape = {
  page: z.number().int().min(1).max(1000).default(1).describe('Page number, 1–1000'),
  per_page: z.number().int().min(1).max(25).default(10).describe('Results per page, 1–25 (API maximum)'),
};
