import type { ToolContext, ToolFailure } from '@mcp/core';
import { toolError } from '@mcp/core';
// The four directory pages serp builds from a SIREN at no search cost.
import { REGISTRY_SITES } from '@mcp/serp';
import type { Alternative, Dossier, Section } from '../schemas.js';
import type { DossierTools } from './dossier-tools.js';
import { invokeTool } from './invoke.js';
import { pickCompany } from './pick.js';
import { classifyQuery } from './query-kind.js';
import { crossCheck } from './signals.js';
import { siteOf } from './site.js';
import { createStepRunner } from './steps.js';
import { toDomain, toIdentity, toLinkedin, toPages, toWebsite } from './to-dossier.js';
import type {
  CompanyView,
  DomainView,
  ExtractionView,
  LinkedinView,
  PagesView,
  SearchView,
} from './views.js';

export interface DossierRequest {
  query: string;
  city?: string | undefined;
  postal_code?: string | undefined;
  sections: readonly Section[];
  timeout_s: number;
}

/**
 * One company, end to end: who it is (register), what its site says about its publisher, who holds
 * its domain, its LinkedIn page and its directory pages, then what agrees and what does not. Each
 * step goes through the app's own tool in process; a failed step leaves its part empty and says why
 * in `sources`, and at the deadline the dossier is returned as it stands.
 */
export const researchCompany = async (
  req: DossierRequest,
  tools: DossierTools,
  ctx: ToolContext,
): Promise<Dossier | ToolFailure> => {
  const kind = classifyQuery(req.query);
  if (kind.kind === 'invalid') return toolError('invalid_input', kind.message, { fields: ['query'] });
  const wanted = new Set<Section>(req.sections);
  const deadline = AbortSignal.timeout(req.timeout_s * 1000);
  const steps = createStepRunner(ctx, deadline);

  const found: {
    siren: string | null;
    company?: CompanyView;
    alternatives: Alternative[];
    knownName?: string;
    extraction?: ExtractionView;
    extracted?: boolean;
    pages?: PagesView;
    website?: { url: string; domain: string; found_by: 'query' | 'search' };
    domain?: DomainView;
    linkedin?: LinkedinView;
  } = { siren: null, alternatives: [] };

  const extract = (url: string) =>
    steps.run('legal_notice', (c) =>
      invokeTool<ExtractionView>(tools.extractFromUrl, { url, max_pages: 5, verify: true }, c),
    );

  const identify = async (): Promise<void> => {
    if (kind.kind === 'siren' || kind.kind === 'siret' || kind.kind === 'tva') {
      steps.skip('identify', `The query is a ${kind.kind.toUpperCase()} number.`);
      found.siren = kind.siren;
      return;
    }
    if (kind.kind === 'url' || kind.kind === 'domain') {
      found.website = { url: kind.url, domain: kind.domain, found_by: 'query' };
      const extraction = await extract(kind.url);
      found.extracted = true;
      if (extraction) found.extraction = extraction;
      found.siren = extraction?.siren ?? null;
      if (extraction?.company_name) found.knownName = extraction.company_name;
      steps.settle(
        'identify',
        found.siren ? 'ok' : 'not_found',
        found.siren
          ? `The legal notice of ${kind.domain} names SIREN ${found.siren}.`
          : `No publisher SIREN could be read on ${kind.domain}.`,
      );
      return;
    }
    const name = kind.kind === 'name' ? kind.name : req.query;
    const search = await steps.run('identify', (c) =>
      invokeTool<SearchView>(
        tools.searchCompanies,
        { query: name, per_page: 10, ...(req.postal_code ? { postal_code: [req.postal_code] } : {}) },
        c,
      ),
    );
    const picked = search ? pickCompany(search.results, name, req) : null;
    if (!picked) return;
    found.siren = picked.best.siren;
    if (picked.best.name) found.knownName = picked.best.name;
    found.alternatives = picked.alternatives;
  };

  const register = async (): Promise<void> => {
    if (!found.siren) return steps.skip('register', 'No SIREN to look up.');
    const args = kind.kind === 'siret' && kind.siret ? { siret: kind.siret } : { siren: found.siren };
    const company = await steps.run('register', (c) => invokeTool<CompanyView>(tools.getCompany, args, c));
    if (company) found.company = company;
  };

  // Whether a web search for the site is wanted at all; a site given as the query needs none (pages()).
  const needWebsite = wanted.has('website') || wanted.has('domain') || wanted.has('pages');
  const needLinkedin = wanted.has('linkedin') || wanted.has('pages');

  const pages = async (name: string | undefined): Promise<void> => {
    const sites = [
      ...(wanted.has('pages') && found.siren ? REGISTRY_SITES : []),
      ...(needLinkedin ? (['linkedin_company'] as const) : []),
      ...(needWebsite && !found.website ? (['website'] as const) : []),
    ];
    if (sites.length === 0) return steps.skip('pages', 'Not needed for the sections asked.');
    if (!name && !found.siren) return steps.skip('pages', 'No name or SIREN to search with.');
    const searches = sites.filter((s) => s === 'linkedin_company' || s === 'website').length;
    const answer = await steps.run('pages', (c) =>
      invokeTool<PagesView>(
        tools.findCompanyPages,
        {
          ...(name ? { name } : {}),
          ...(found.siren ? { siren: found.siren } : {}),
          ...(req.city ? { city: req.city } : {}),
          sites,
          max_searches: searches,
        },
        c,
      ),
    );
    if (!answer) return;
    found.pages = answer;
    const site = answer.pages.website.url ? siteOf(answer.pages.website.url) : null;
    if (!found.website && site) found.website = { ...site, found_by: 'search' };
  };

  const website = async (): Promise<void> => {
    if (!wanted.has('website') && !wanted.has('domain'))
      return steps.skip('legal_notice', 'Not needed for the sections asked.');
    if (found.extracted) return;
    if (!found.website) return steps.skip('legal_notice', 'No website found for the company.');
    found.extracted = true;
    const extraction = await extract(found.website.url);
    if (extraction) found.extraction = extraction;
  };

  const domain = async (): Promise<void> => {
    if (!wanted.has('domain')) return steps.skip('domain', 'Not needed for the sections asked.');
    if (!found.website) return steps.skip('domain', 'No website, so no domain to look up.');
    const record = await steps.run('domain', (c) =>
      invokeTool<DomainView>(tools.lookupDomain, { domain: found.website?.domain }, c),
    );
    if (record) found.domain = record;
  };

  const linkedin = async (): Promise<void> => {
    if (!wanted.has('linkedin')) return steps.skip('linkedin', 'Not needed for the sections asked.');
    const url = found.pages?.pages.linkedin_company.url;
    if (!url) return steps.skip('linkedin', 'No LinkedIn company page found.');
    const page = await steps.run('linkedin', (c) =>
      invokeTool<LinkedinView>(tools.linkedinCompany, { url }, c),
    );
    if (page) found.linkedin = page;
  };

  const pipeline = async (): Promise<void> => {
    await identify();
    // A name from the search or the legal notice lets the web searches start beside the register
    // lookup; a number alone needs the register's name first.
    const registered = register();
    const named = found.knownName
      ? Promise.resolve(found.knownName)
      : registered.then(() => found.company?.name ?? undefined);
    const paged = named.then((name) => pages(name ?? undefined));
    await Promise.all([registered, paged.then(() => Promise.all([website(), domain(), linkedin()]))]);
  };

  await Promise.race([
    pipeline(),
    new Promise<void>((resolve) => {
      if (deadline.aborted) resolve();
      deadline.addEventListener('abort', () => resolve(), { once: true });
      ctx.signal.addEventListener('abort', () => resolve(), { once: true });
    }),
  ]);

  const company = found.company;
  const websitePart = toWebsite(found.website, found.extraction);
  return {
    query: req.query,
    query_kind: kind.kind,
    siren: company?.siren ?? found.siren,
    identity: wanted.has('identity') && company ? toIdentity(company) : null,
    officers:
      wanted.has('officers') && company
        ? company.officers.map((o) => ({
            kind: o.kind,
            name: o.name,
            role: o.role,
            birth_date: o.birth_date,
            siren: o.siren,
          }))
        : null,
    finances:
      wanted.has('finances') && company
        ? { latest: company.finances.latest, by_year: company.finances.by_year }
        : null,
    website: wanted.has('website') ? websitePart : null,
    domain: wanted.has('domain') && found.domain ? toDomain(found.domain) : null,
    linkedin: wanted.has('linkedin') && found.linkedin ? toLinkedin(found.linkedin) : null,
    pages: wanted.has('pages') && found.pages ? toPages(found.pages) : null,
    signals: crossCheck({
      siren: company?.siren ?? found.siren,
      company: company
        ? {
            names: [
              company.name,
              company.legal_name,
              company.sigle,
              ...(company.head_office?.trade_names ?? []),
            ].filter((n): n is string => Boolean(n)),
            state: company.state,
            created_on: company.created_on,
          }
        : null,
      website:
        found.website && (found.extraction || steps.status('legal_notice') === 'failed')
          ? {
              domain: found.website.domain,
              // A site whose pages could not be fetched at all does not answer.
              answered: (found.extraction?.pages_fetched ?? 0) > 0,
              publisher_siren: found.extraction?.siren ?? null,
              publisher_name: websitePart?.publisher_name ?? null,
              identified_by_it: kind.kind === 'url' || kind.kind === 'domain',
            }
          : null,
      domain: found.domain
        ? {
            domain: found.domain.domain,
            created_on: found.domain.events.registration,
            registrant_organisation: found.domain.registrant?.organisation ?? null,
          }
        : null,
      linkedin: found.linkedin ? { website: found.linkedin.website } : null,
    }),
    alternatives: found.alternatives,
    sources: steps.sources(),
  };
};
