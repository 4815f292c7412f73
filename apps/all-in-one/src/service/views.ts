// The parts of the five apps' answers the dossier reads: structural slices of their output types, so
// the dossier depends on fields, not on the apps' internal modules.
import type { Summary } from './pick.js';

type Str = string | null;

export interface CompanyView {
  siren: string;
  name: Str;
  legal_name: Str;
  sigle: Str;
  state: 'active' | 'closed' | null;
  created_on: Str;
  closed_on: Str;
  vat_number_computed: Str;
  vat_numbers_registered: string[];
  head_office: { siret: Str; address: Str; city: Str; trade_names: string[] } | null;
  activity: { naf_code: Str; naf_label: Str };
  legal_form: { label: Str };
  category: { code: Str };
  headcount: { label: Str };
  officers: Array<{ kind: 'person' | 'company'; name: string; role: Str; birth_date: Str; siren: Str }>;
  finances: {
    latest: { year: number; revenue: number | null; net_result: number | null } | null;
    by_year: Array<{ year: number; revenue: number | null; net_result: number | null }>;
  };
  labels: Array<{ label: string }>;
}

export interface SearchView {
  results: Summary[];
}

export interface PageView {
  url: Str;
  source: 'built' | 'search' | null;
}

export interface PagesView {
  pages: Record<
    'pappers' | 'societe' | 'annuaire_entreprises' | 'infogreffe' | 'linkedin_company' | 'website',
    PageView
  >;
}

export interface ExtractionView {
  siren: Str;
  company_name: Str;
  confidence: number;
  source_url: Str;
  pages_fetched: number;
  verification?: Array<{ siren: string; name: Str }>;
}

export interface DomainView {
  domain: string;
  registered: boolean;
  events: { registration: Str; expiration: Str };
  registrar: { name: Str } | null;
  registrant: { organisation: Str } | null;
  source: 'rdap' | 'whois';
}

export interface LinkedinView {
  name: string;
  linkedin_url: Str;
  website: Str;
  industry: Str;
  company_size: Str;
  followers: number | null;
  headquarters: { text: Str } | null;
}
