import type { Dossier } from '../schemas.js';
import type { CompanyView, DomainView, ExtractionView, LinkedinView, PagesView } from './views.js';

export const toIdentity = (c: CompanyView): NonNullable<Dossier['identity']> => ({
  name: c.name,
  legal_name: c.legal_name,
  sigle: c.sigle,
  state: c.state,
  created_on: c.created_on,
  closed_on: c.closed_on,
  legal_form: c.legal_form.label,
  naf_code: c.activity.naf_code,
  naf_label: c.activity.naf_label,
  category: c.category.code,
  headcount: c.headcount.label,
  head_office_siret: c.head_office?.siret ?? null,
  head_office_address: c.head_office?.address ?? null,
  head_office_city: c.head_office?.city ?? null,
  vat_number_computed: c.vat_number_computed,
  vat_numbers_registered: c.vat_numbers_registered,
  labels: c.labels.map((l) => l.label),
});

export const toWebsite = (
  site: { url: string; domain: string; found_by: 'query' | 'search' } | undefined,
  extraction: ExtractionView | undefined,
): Dossier['website'] => {
  if (!site) return null;
  const publisher = extraction?.siren ?? null;
  return {
    url: site.url,
    found_by: site.found_by,
    publisher_siren: publisher,
    // verify: true makes the extractor look the publisher up in the register.
    publisher_name:
      extraction?.verification?.find((v) => v.siren === publisher)?.name ?? extraction?.company_name ?? null,
    legal_notice_url: extraction?.source_url ?? null,
    confidence: extraction ? extraction.confidence : null,
    pages_fetched: extraction?.pages_fetched ?? 0,
  };
};

export const toDomain = (d: DomainView): NonNullable<Dossier['domain']> => ({
  domain: d.domain,
  registered: d.registered,
  registrar: d.registrar?.name ?? null,
  created_on: d.events.registration,
  expires_on: d.events.expiration,
  registrant_organisation: d.registrant?.organisation ?? null,
  source: d.source,
});

export const toLinkedin = (l: LinkedinView): NonNullable<Dossier['linkedin']> => ({
  url: l.linkedin_url,
  name: l.name,
  website: l.website,
  industry: l.industry,
  company_size: l.company_size,
  followers: l.followers,
  headquarters: l.headquarters?.text ?? null,
});

export const toPages = (p: PagesView): NonNullable<Dossier['pages']> => {
  const page = (key: keyof PagesView['pages']) => {
    const { url, source } = p.pages[key];
    return url && source ? { url, source } : null;
  };
  return {
    pappers: page('pappers'),
    societe: page('societe'),
    annuaire_entreprises: page('annuaire_entreprises'),
    infogreffe: page('infogreffe'),
    linkedin_company: page('linkedin_company'),
    website: page('website'),
  };
};
