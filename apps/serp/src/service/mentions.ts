import { normalizeSite, QUERY_MAX_LENGTH, type SearchResult } from '@mcp/search';
import { isDomainIn, REGISTRY_DOMAINS } from './sites.js';

/** Excluded in the query itself; the rest of the registry list is filtered after the search. */
const QUERY_EXCLUSIONS = [
  'pappers.fr',
  'societe.com',
  'infogreffe.fr',
  'annuaire-entreprises.data.gouv.fr',
  'linkedin.com',
];

export interface MentionsQuery {
  query: string;
  excluded: string[];
}

/**
 * `"<name>" <city> -site:… ` — the quoted name keeps namesakes of single words out; the company's own
 * site and the registries go out in the query so the page is not spent on them.
 */
export const mentionsQuery = (
  name: string,
  options: { city?: string; website?: string; exclude?: string[] },
): MentionsQuery => {
  const own = [options.website, ...(options.exclude ?? [])]
    .map((d) =>
      d
        ? normalizeSite(d)
            ?.replace(/\/.*$/, '')
            .replace(/^www\./, '')
        : undefined,
    )
    .filter((d): d is string => d !== undefined);
  const excluded = [...new Set([...own, ...QUERY_EXCLUSIONS])];
  let query = `"${name.replace(/"/g, '')}"${options.city ? ` ${options.city}` : ''}`;
  for (const domain of excluded) {
    const next = `${query} -site:${domain}`;
    if (next.length > QUERY_MAX_LENGTH) break;
    query = next;
  }
  return { query, excluded: [...new Set([...excluded, ...REGISTRY_DOMAINS])] };
};

/** Drops what the provider let through despite `-site:` (DuckDuckGo and SearXNG are lax), renumbering. */
export const withoutExcluded = (
  results: readonly SearchResult[],
  excluded: readonly string[],
): SearchResult[] =>
  results.filter((r) => !isDomainIn(r.domain, excluded)).map((r, i) => ({ ...r, position: i + 1 }));
