import { clean } from '../extract/text.js';
import { parseProfileTitle } from '../extract/titles.js';
import { refFromUrl } from '../urls.js';
import { tokenOverlap, tokens } from './names.js';
import type { Hit } from './rank-companies.js';

export interface PersonHit {
  name: string;
  headline: string | null;
  /** Company named in the result title ("… - CEO - Acme | LinkedIn"), when there is one. */
  company: string | null;
  profile_url: string;
  public_id: string;
  snippet: string | null;
  search_position: number;
  /** The company name appears in the title or snippet (search engines also return former staff). */
  mentions_company: boolean;
  /** Every role keyword appears in the title or snippet. */
  matches_role: boolean | null;
}

/** Query text for a people search: the company in quotes, then the role words. */
export const peopleQuery = (company: string, role?: string): string =>
  [`"${company.replace(/"/g, '').trim()}"`, clean(role?.replace(/"/g, '')) ?? ''].filter(Boolean).join(' ');

/**
 * Public profile URLs from search results, with name / headline / company read from the result
 * title. Posts, directories and other LinkedIn pages are left out; one entry per profile.
 */
export const peopleFromHits = (hits: Hit[], company: string, role?: string): PersonHit[] => {
  const seen = new Set<string>();
  const out: PersonHit[] = [];
  const roleWords = tokens(role);
  for (const hit of hits) {
    const ref = refFromUrl(hit.url);
    if (ref?.kind !== 'profile' || seen.has(ref.id)) continue;
    const parts = parseProfileTitle(hit.title);
    if (!parts) continue;
    seen.add(ref.id);
    const text = `${hit.title} ${hit.snippet}`;
    const have = new Set(tokens(text));
    out.push({
      name: parts.name,
      headline: parts.headline,
      company: parts.company,
      profile_url: ref.url,
      public_id: ref.id,
      snippet: clean(hit.snippet),
      search_position: hit.position,
      mentions_company: tokenOverlap(company, text) === 1,
      matches_role: roleWords.length === 0 ? null : roleWords.every((w) => have.has(w)),
    });
  }
  return out;
};
