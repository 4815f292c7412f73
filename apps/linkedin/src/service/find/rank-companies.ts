import { parseCompanyTitle } from '../extract/titles.js';
import { refFromUrl } from '../urls.js';
import { bareDomain, sameName, slugMatch, tokenOverlap } from './names.js';
import type { WebsiteLink } from './website-links.js';

/** A search hit as @mcp/search returns it (only the fields used here). */
export interface Hit {
  position: number;
  title: string;
  url: string;
  snippet: string;
}

export interface CompanyCandidate {
  linkedin_url: string;
  slug: string;
  /** Page name from the search result title, when it came from search. */
  name: string | null;
  /** 0..1, only meaningful to order candidates of one answer. */
  score: number;
  why: string[];
  found_on: Array<'website' | 'search'>;
  search_position: number | null;
  snippet: string | null;
}

export interface RankInput {
  name: string;
  website?: string | undefined;
  siren?: string | undefined;
}

const round = (n: number): number => Math.round(Math.min(1, n) * 100) / 100;

/**
 * Merges what the website links to and what search found, and scores each page with the reasons
 * shown in `why`. A link from the company's own site weighs most: the company chose it.
 */
export const rankCompanies = (
  input: RankInput,
  websiteLinks: WebsiteLink[],
  hits: Hit[],
): CompanyCandidate[] => {
  const domain = bareDomain(input.website);
  const byUrl = new Map<string, CompanyCandidate>();
  const entry = (url: string, slug: string): CompanyCandidate => {
    const existing = byUrl.get(url);
    if (existing) return existing;
    const created: CompanyCandidate = {
      linkedin_url: url,
      slug,
      name: null,
      score: 0,
      why: [],
      found_on: [],
      search_position: null,
      snippet: null,
    };
    byUrl.set(url, created);
    return created;
  };

  for (const link of websiteLinks) {
    const c = entry(link.linkedin_url, link.slug);
    c.found_on.push('website');
    c.score += websiteLinks.length === 1 ? 0.6 : 0.5;
    const where = link.places.join(', ');
    c.why.push(`${domain ?? 'the company website'} links to it (${link.count}× — ${where})`);
  }

  for (const hit of hits) {
    const ref = refFromUrl(hit.url);
    if (ref?.kind !== 'company') continue;
    const c = entry(ref.url, ref.id);
    if (c.search_position !== null) continue; // same page listed twice (country subdomains)
    c.found_on.push('search');
    c.search_position = hit.position;
    c.snippet = hit.snippet || null;
    c.name = parseCompanyTitle(hit.title);
    c.score += Math.max(0.05, 0.25 - (hit.position - 1) * 0.03);
    c.why.push(`web search result #${hit.position}`);
  }

  for (const c of byUrl.values()) {
    if (c.name && sameName(input.name, c.name)) {
      c.score += 0.25;
      c.why.push(`page name "${c.name}" matches "${input.name}"`);
    } else if (c.name) {
      const overlap = tokenOverlap(input.name, c.name);
      if (overlap > 0) {
        c.score += 0.15 * overlap;
        c.why.push(`page name "${c.name}" shares ${Math.round(overlap * 100)}% of the name's words`);
      }
    }
    const slug = slugMatch(input.name, c.slug);
    if (slug === 'exact') {
      c.score += 0.1;
      c.why.push(`slug "${c.slug}" matches the name`);
    } else if (slug === 'prefix') {
      c.score += 0.05;
      c.why.push(`slug "${c.slug}" and the name share their start`);
    }
    const text = `${c.snippet ?? ''} ${c.name ?? ''}`.toLowerCase();
    if (domain && text.includes(domain)) {
      c.score += 0.15;
      c.why.push(`the result mentions ${domain}`);
    }
    if (input.siren && text.replace(/\s/g, '').includes(input.siren)) {
      c.score += 0.15;
      c.why.push(`the result mentions SIREN ${input.siren}`);
    }
    c.score = round(c.score);
  }

  return [...byUrl.values()].sort(
    (a, b) => b.score - a.score || (a.search_position ?? 99) - (b.search_position ?? 99),
  );
};
