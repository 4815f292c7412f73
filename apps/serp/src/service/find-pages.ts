import type { ErrorPayload } from '@mcp/core';
import type { ProviderFailure, ProviderId, SearchFn, SearchResult } from '@mcp/search';
import {
  COMPANY_SITES,
  type CompanySite,
  classifyUrl,
  type DirectorySite,
  isRegistrySite,
  type RegistrySite,
  registryUrl,
  SITE_DOMAINS,
} from './sites.js';
import { nameFromDirectoryTitle, pickWebsite } from './website.js';

export interface PageFound {
  url: string | null;
  title: string | null;
  /** SIREN read from the URL (Pappers, Societe.com, annuaire, Infogreffe put it there). */
  siren: string | null;
  /** Whether that SIREN equals the one asked; null when either is unknown. */
  siren_match: boolean | null;
  /** `built` from the SIREN without searching, `search` from a result, null when not found. */
  source: 'built' | 'search' | null;
}

export interface QuerySpent {
  query: string;
  provider: ProviderId | null;
  cached: boolean;
  results: number;
  error: string | null;
}

export interface CompanyPages {
  name: string | null;
  siren: string | null;
  city: string | null;
  pages: Record<CompanySite, PageFound>;
  /** SIRENs read from registry URLs, most frequent first: the answer to "which SIREN is this name?". */
  sirens_seen: { siren: string; sites: DirectorySite[] }[];
  searches_spent: number;
  queries: QuerySpent[];
  providers_failed: ProviderFailure[];
}

export interface FindPagesInput {
  name?: string | undefined;
  siren?: string | undefined;
  city?: string | undefined;
  sites: readonly CompanySite[];
  maxSearches: number;
  signal: AbortSignal;
  /** Called after each search with (searches done, budget). */
  onSearch?: (done: number, budget: number) => Promise<void>;
}

const REGISTRY_GROUP: readonly DirectorySite[] = ['pappers', 'societe', 'infogreffe', 'annuaire_entreprises'];

const EMPTY: PageFound = { url: null, title: null, siren: null, siren_match: null, source: null };

interface Candidate {
  url: string;
  title: string;
  siren: string | undefined;
  order: number;
}

/** Best candidate: the asked SIREN first, then any SIREN-bearing URL, then search order. */
const best = (candidates: readonly Candidate[], siren: string | undefined): Candidate | undefined =>
  [...candidates].sort((a, b) => rank(a, siren) - rank(b, siren) || a.order - b.order)[0];
const rank = (c: Candidate, siren: string | undefined): number =>
  siren !== undefined && c.siren === siren ? 0 : c.siren !== undefined ? 1 : 2;

const siteQuery = (key: string, sites: readonly DirectorySite[]): string =>
  sites.length === 1
    ? `${key} site:${SITE_DOMAINS[sites[0] as DirectorySite]}`
    : `${key} (${sites.map((s) => `site:${SITE_DOMAINS[s]}`).join(' OR ')})`;

/**
 * Finds a company's pages with as few searches as the budget allows: a SIREN gives the four registry
 * pages (Pappers, Societe.com, annuaire-entreprises, Infogreffe) for free, so searches go only to what
 * needs one (LinkedIn, the website); one general search usually yields most pages; a single `site:`
 * OR-query then covers the registries still missing when no SIREN was given; per-site queries come
 * last, only within `maxSearches`.
 */
export const findCompanyPages = async (
  search: SearchFn,
  input: FindPagesInput,
): Promise<{ ok: true; value: CompanyPages } | { ok: false; error: ErrorPayload }> => {
  const { name, siren, city } = input;
  const wanted = new Set(input.sites);
  const found = new Map<DirectorySite, Candidate[]>();
  const allResults: SearchResult[] = [];
  const queries: QuerySpent[] = [];
  const failed: ProviderFailure[] = [];
  const tried = new Set<string>();
  let order = 0;
  let lastError: ErrorPayload | undefined;

  const built = new Set<RegistrySite>();
  if (siren) for (const site of wanted) if (isRegistrySite(site)) built.add(site);

  const has = (site: CompanySite): boolean =>
    site === 'website'
      ? pickWebsite(name ?? derivedName(), allResults) !== undefined
      : (isRegistrySite(site) && built.has(site)) ||
        (found.get(site) ?? []).some((c) => !siren || c.siren === undefined || c.siren === siren);
  const missing = (): CompanySite[] => [...wanted].filter((s) => !has(s));
  const derivedName = (): string | undefined => {
    for (const site of ['pappers', 'societe', 'annuaire_entreprises'] as const) {
      const c = best(found.get(site) ?? [], siren);
      if (c && (!siren || c.siren === siren)) return nameFromDirectoryTitle(c.title);
    }
    return undefined;
  };

  const nextQuery = (): string | undefined => {
    const lacking = missing();
    if (lacking.length === 0) return undefined;
    const place = city ? ` ${city}` : '';
    const who = name ?? derivedName();
    const candidates: string[] = [];
    // 1. One general search: the name finds the website and LinkedIn; a bare SIREN finds registries.
    candidates.push(name ? `${name}${place}` : `${siren}`);
    // 2. One OR-query for the registries still missing, keyed by SIREN when known (their pages carry it).
    const registries = REGISTRY_GROUP.filter((s) => lacking.includes(s));
    if (registries.length > 0) candidates.push(siteQuery(siren ?? `${name}${place}`, registries));
    // 3. Without a name, the name read from a registry title finds the website and LinkedIn.
    if (!name && who && (lacking.includes('website') || lacking.includes('linkedin_company')))
      candidates.push(who);
    // 4. Last resort, one site at a time.
    for (const site of lacking) {
      if (site === 'website') continue;
      // LinkedIn pages never show a SIREN; registry pages always do, and a city would only narrow them.
      const key = site === 'linkedin_company' ? who : (siren ?? (who ? `${who}${place}` : undefined));
      if (key) candidates.push(siteQuery(key, [site]));
    }
    return candidates.find((q) => !tried.has(q));
  };

  while (queries.length < input.maxSearches) {
    const query = nextQuery();
    if (!query) break;
    tried.add(query);
    const res = await search({ query, num: 10, country: 'fr', language: 'fr', signal: input.signal });
    await input.onSearch?.(queries.length + 1, input.maxSearches);
    if (!res.ok) {
      lastError = res.error;
      queries.push({
        query,
        provider: null,
        cached: false,
        results: 0,
        error: `${res.error.code}: ${res.error.message}`,
      });
      const chain = res.error.details?.providers_failed;
      if (Array.isArray(chain)) failed.push(...(chain as ProviderFailure[]));
      // The whole provider chain just failed: the next query would fail the same way, only slower.
      break;
    }
    const answer = res.value;
    queries.push({
      query,
      provider: answer.provider,
      cached: answer.cached,
      results: answer.results.length,
      error: null,
    });
    failed.push(...answer.providers_failed);
    for (const result of answer.results) {
      allResults.push(result);
      const page = classifyUrl(result.url);
      if (!page || !wanted.has(page.site)) continue;
      const list = found.get(page.site) ?? [];
      if (!list.some((c) => c.url === page.url)) {
        list.push({ url: page.url, title: result.title, siren: page.siren, order: order++ });
      }
      found.set(page.site, list);
    }
  }

  // Every search failed and nothing could be built: that is an upstream failure, not "no pages".
  if (lastError && queries.every((q) => q.error) && built.size === 0) return { ok: false, error: lastError };

  const pages = Object.fromEntries(COMPANY_SITES.map((s) => [s, EMPTY])) as Record<CompanySite, PageFound>;
  for (const site of wanted) {
    if (site === 'website') {
      const web = pickWebsite(name ?? derivedName(), allResults);
      if (web) {
        // The site's home page, not the sub-page the search happened to return.
        const home = `${new URL(web.url).origin}/`;
        pages.website = { url: home, title: web.title, siren: null, siren_match: null, source: 'search' };
      }
      continue;
    }
    const pick = best(found.get(site) ?? [], siren);
    if (siren && isRegistrySite(site) && built.has(site)) {
      pages[site] = { url: registryUrl(site, siren), title: null, siren, siren_match: true, source: 'built' };
    } else if (pick) {
      pages[site] = {
        url: pick.url,
        title: pick.title,
        siren: pick.siren ?? null,
        siren_match: siren && pick.siren ? pick.siren === siren : null,
        source: 'search',
      };
    }
  }

  const seen = new Map<string, Set<DirectorySite>>();
  for (const [site, list] of found) {
    for (const c of list) if (c.siren) seen.set(c.siren, (seen.get(c.siren) ?? new Set()).add(site));
  }
  const sirens_seen = [...seen]
    .map(([s, sites]) => ({ siren: s, sites: [...sites] }))
    .sort((a, b) => b.sites.length - a.sites.length);

  return {
    ok: true,
    value: {
      name: name ?? null,
      siren: siren ?? null,
      city: city ?? null,
      pages,
      sirens_seen,
      searches_spent: queries.length,
      queries,
      providers_failed: [...new Map(failed.map((f) => [`${f.provider}|${f.code}|${f.message}`, f])).values()],
    },
  };
};
