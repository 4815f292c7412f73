// Output shapes shared by the tools. zod is the source of the types; fields are snake_case.
import * as z from 'zod/v4';

const str = z.string().nullable();

export const StateSchema = z
  .enum(['active', 'closed'])
  .nullable()
  .describe(
    'active (A) or closed (C for a company, F for an establishment); null when the register has no state',
  );

export const EstablishmentSchema = z.object({
  siret: str,
  is_head_office: z.boolean().nullable(),
  state: StateSchema,
  non_diffusible: z.boolean().describe('Address withheld at the owner’s request (statut de diffusion P)'),
  address: str.describe('One line, as the register writes it; "[NON-DIFFUSIBLE]" when withheld'),
  postal_code: str,
  city: str,
  commune_code: str.describe('INSEE commune code (code officiel géographique)'),
  department: str,
  region: str,
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  naf_code: str,
  naf_label: str,
  headcount_band: str,
  headcount_label: str,
  trade_names: z.array(z.string()).describe('Nom commercial and enseignes'),
  created_on: str,
  closed_on: str,
});
export type Establishment = z.infer<typeof EstablishmentSchema>;

export const OfficerSchema = z.object({
  kind: z.enum(['person', 'company']).describe('personne physique or personne morale'),
  name: z.string().describe('Display name: "First names LAST NAME" or the company name'),
  role: str.describe('Qualité, e.g. "Président de SAS", "Gérant", "Commissaire aux comptes titulaire"'),
  last_name: str,
  first_names: str,
  birth_date: str.describe('YYYY-MM (the register publishes month and year only)'),
  nationality: str,
  siren: str.describe('For a company officer'),
});
export type Officer = z.infer<typeof OfficerSchema>;

export const CompanySummarySchema = z.object({
  siren: z.string(),
  name: str.describe('nom_complet; "[NON-DIFFUSIBLE]" when withheld'),
  sigle: str,
  state: StateSchema,
  non_diffusible: z.boolean().describe('true when the unit asked INSEE not to publish some data'),
  head_office_siret: str,
  head_office_address: str,
  naf_code: str,
  naf_label: str,
  legal_form_code: str,
  legal_form_label: str,
  category: z.enum(['PME', 'ETI', 'GE']).nullable(),
  headcount_band: str,
  headcount_label: str,
  created_on: str,
  closed_on: str,
  open_establishments: z.number().nullable(),
  matching_establishments: z
    .array(EstablishmentSchema)
    .describe('Establishments that matched the query or filters (address, postcode, SIRET…)'),
});
export type CompanySummary = z.infer<typeof CompanySummarySchema>;

/** A company in one line: what get_officers lists beside officers. */
export const CompanyRefSchema = z.object({
  siren: z.string(),
  name: z.string().nullable(),
  state: StateSchema,
  legal_form_label: z.string().nullable(),
  naf_label: z.string().nullable(),
  head_office_address: z.string().nullable(),
});
export type CompanyRef = z.infer<typeof CompanyRefSchema>;

export const PageInfoSchema = z.object({
  total_results: z.number(),
  page: z.number(),
  per_page: z.number(),
  total_pages: z.number(),
  max_reachable_page: z
    .number()
    .describe('Last page the API will serve at this per_page (page ≤ 1000 and page × per_page ≤ 10 000)'),
  capped: z.boolean().describe('true when more results exist than the API lets anyone page through'),
  note: str.describe('What to do when the result set is capped or the page is past the end'),
});

export const LinksSchema = z.object({
  annuaire_entreprises: z.string(),
  pappers: z.string(),
  societe_com: z.string(),
  inpi: z.string(),
});

export const FinanceYearSchema = z.object({
  year: z.number(),
  revenue: z.number().nullable().describe("Chiffre d'affaires, EUR"),
  net_result: z.number().nullable().describe('Résultat net, EUR'),
});

export const CompanySchema = z.object({
  siren: z.string(),
  name: str,
  legal_name: str.describe('Raison sociale'),
  sigle: str,
  state: StateSchema,
  non_diffusible: z.boolean(),
  created_on: str,
  closed_on: str,
  updated_at: str,
  vat_number_computed: str.describe(
    'Numéro de TVA intracommunautaire computed from the SIREN (FR + key + SIREN): the number the company would have, not proof it is registered',
  ),
  vat_numbers_registered: z
    .array(z.string())
    .describe('Active French intra-EU VAT numbers the register lists (source DGFiP); [] when it lists none'),
  head_office: EstablishmentSchema.nullable(),
  establishment: EstablishmentSchema.nullable().describe('The establishment asked for by SIRET, else null'),
  activity: z.object({
    naf_code: str,
    naf_label: str,
    naf25_code: str,
    naf25_label: str,
    section: str,
    section_label: str,
  }),
  legal_form: z.object({ code: str, label: str }),
  category: z.object({ code: str, label: str, year: str }),
  headcount: z.object({
    band: str,
    label: str,
    year: str,
    employer: z
      .boolean()
      .nullable()
      .describe(
        'caractère employeur of the company; when the register gives none, true if the head office employs, else null',
      ),
  }),
  establishments: z.object({ total: z.number().nullable(), open: z.number().nullable() }),
  registration: z.object({
    registered_on: str.describe("Date d'immatriculation (RNE)"),
    struck_off_on: str.describe('Date de radiation'),
    activity_started_on: str,
    share_capital: z.number().nullable(),
    capital_currency: str,
    variable_capital: z.boolean().nullable(),
    fiscal_year_end: str.describe('DD/MM'),
    business_nature: z.array(z.string()),
    single_shareholder: z.boolean().nullable(),
  }),
  officers: z.array(OfficerSchema),
  finances: z.object({
    latest: FinanceYearSchema.nullable(),
    by_year: z.array(FinanceYearSchema).describe('Most recent first'),
  }),
  labels: z.array(z.object({ code: z.string(), label: z.string() })).describe('Labels and certifications'),
  collective_agreements: z.array(z.string()).describe('IDCC codes (conventions collectives)'),
  identifiers: z.object({
    rna: str.describe('Numéro RNA of an association (W + 9 digits)'),
    finess: z.array(z.string()),
    training_body: z.array(z.string()).describe("Numéros de déclaration d'activité (organisme de formation)"),
    uai: z.array(z.string()),
    rge: z.array(z.string()),
    bio: z.array(z.string()),
  }),
  links: LinksSchema.extend({
    establishment: str.describe('annuaire-entreprises page of the establishment asked for by SIRET'),
  }),
});
export type Company = z.infer<typeof CompanySchema>;
