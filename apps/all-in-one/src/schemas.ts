// The dossier's shape. zod is the source of its types; fields are snake_case like every app's.
import * as z from 'zod/v4';

const str = z.string().nullable();

export const SECTIONS = [
  'identity',
  'officers',
  'finances',
  'website',
  'domain',
  'linkedin',
  'pages',
] as const;
export type Section = (typeof SECTIONS)[number];

export const STEPS = ['identify', 'register', 'pages', 'legal_notice', 'domain', 'linkedin'] as const;
export type StepName = (typeof STEPS)[number];

export const sourceSchema = z.object({
  step: z.enum(STEPS),
  status: z
    .enum(['ok', 'not_found', 'skipped', 'failed', 'timed_out'])
    .describe('ok; not_found; skipped (not asked, or nothing to look up); failed (see code); timed_out'),
  code: str.describe('The error code when failed (upstream_http, rate_limited, blocked…)'),
  detail: str.describe('Why it was skipped or failed, in one sentence'),
  duration_ms: z.number().int(),
});
export type Source = z.infer<typeof sourceSchema>;

export const signalSchema = z.object({
  kind: z.enum([
    'website_publisher_matches',
    'domain_registrant_matches',
    'domain_created_after_company',
    'closed_company_site_answers',
    'linkedin_website_matches',
  ]),
  ok: z.boolean().describe('true when the cross-check agrees with the register'),
  detail: z.string(),
});
export type Signal = z.infer<typeof signalSchema>;

export const alternativeSchema = z.object({
  siren: z.string(),
  name: str,
  city: str,
  postal_code: str,
  state: z.enum(['active', 'closed']).nullable(),
  why: z.array(z.string()).describe('What makes it fit the query: name, place, state'),
});
export type Alternative = z.infer<typeof alternativeSchema>;

const officerSchema = z.object({
  kind: z.enum(['person', 'company']),
  name: z.string(),
  role: str,
  birth_date: str,
  siren: str,
});

const financeYearSchema = z.object({
  year: z.number(),
  revenue: z.number().nullable(),
  net_result: z.number().nullable(),
});

const pageSchema = z.object({ url: z.string(), source: z.enum(['built', 'search']) });

export const dossierSchema = z.object({
  query: z.string(),
  query_kind: z.enum(['siren', 'siret', 'tva', 'domain', 'url', 'name']),
  siren: str.describe('The company the dossier is about; null when none could be identified'),
  identity: z
    .object({
      name: str,
      legal_name: str,
      sigle: str,
      state: z.enum(['active', 'closed']).nullable(),
      created_on: str,
      closed_on: str,
      legal_form: str,
      naf_code: str,
      naf_label: str,
      category: str,
      headcount: str,
      head_office_siret: str,
      head_office_address: str,
      head_office_city: str,
      vat_number_computed: str,
      vat_numbers_registered: z.array(z.string()),
      labels: z.array(z.string()),
    })
    .nullable(),
  officers: z.array(officerSchema).nullable(),
  finances: z
    .object({ latest: financeYearSchema.nullable(), by_year: z.array(financeYearSchema) })
    .nullable(),
  website: z
    .object({
      url: z.string(),
      found_by: z.enum(['query', 'search']).describe('given in the query, or found by a web search'),
      publisher_siren: str.describe('The SIREN its legal notice names as publisher'),
      publisher_name: str,
      legal_notice_url: str,
      confidence: z.number().nullable(),
      pages_fetched: z.number().int(),
    })
    .nullable(),
  domain: z
    .object({
      domain: z.string(),
      registered: z.boolean(),
      registrar: str,
      created_on: str,
      expires_on: str,
      registrant_organisation: str.describe('When the registry publishes it (never a private person)'),
      source: z.enum(['rdap', 'whois']),
    })
    .nullable(),
  linkedin: z
    .object({
      url: str,
      name: z.string(),
      website: str,
      industry: str,
      company_size: str,
      followers: z.number().nullable(),
      headquarters: str,
    })
    .nullable(),
  pages: z
    .object({
      pappers: pageSchema.nullable(),
      societe: pageSchema.nullable(),
      annuaire_entreprises: pageSchema.nullable(),
      infogreffe: pageSchema.nullable(),
      linkedin_company: pageSchema.nullable(),
      website: pageSchema.nullable(),
    })
    .nullable(),
  signals: z
    .array(signalSchema)
    .describe('Cross-checks between the register, the site, the domain and LinkedIn'),
  alternatives: z.array(alternativeSchema).describe('Other companies that fit a name query (at most 5)'),
  sources: z
    .array(sourceSchema)
    .describe('One entry per step: what was looked up, how it went, how long it took'),
});
export type Dossier = z.infer<typeof dossierSchema>;
