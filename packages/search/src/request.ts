import { type ErrorPayload, err, ok, type Result } from '@mcp/core';
import type { NormalizedRequest, SearchRequest } from './types.js';

export const QUERY_MAX_LENGTH = 400;
export const NUM_MAX = 20;
export const PAGE_MAX = 10;

// Same shape as core's argument validation: `details.fields` lists the faulty fields.
const invalid = (field: string, message: string) => err('invalid_input', message, { fields: [field] });

/** `https://www.pappers.fr/` → `www.pappers.fr`; a path (`linkedin.com/company`) is kept. */
export const normalizeSite = (site: string): string | undefined => {
  const s = site
    .trim()
    .toLowerCase()
    .replace(/^site:/, '')
    .replace(/^[a-z]+:\/\//, '')
    .replace(/\/+$/, '');
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/[^\s]*)?$/.test(s) ? s : undefined;
};

/** The query with Google's `site:` operator, as every provider but Google CSE (its `siteSearch`) takes it. */
export const queryWithSite = (req: Pick<NormalizedRequest, 'query' | 'site'>): string =>
  req.site ? `${req.query} site:${req.site}` : req.query;

/** Validates and fills defaults once, so every provider sees the same request. Names the bad field. */
export const normalizeRequest = (req: SearchRequest): Result<NormalizedRequest, ErrorPayload> => {
  const query = (req.query ?? '').replace(/\s+/g, ' ').trim();
  if (!query) return invalid('query', 'query: must not be empty.');
  if (query.length > QUERY_MAX_LENGTH) {
    return invalid('query', `query: at most ${QUERY_MAX_LENGTH} characters (got ${query.length}).`);
  }
  const num = req.num ?? 10;
  if (!Number.isInteger(num) || num < 1 || num > NUM_MAX) {
    return invalid('num', `num: must be an integer from 1 to ${NUM_MAX}.`);
  }
  const page = req.page ?? 1;
  if (!Number.isInteger(page) || page < 1 || page > PAGE_MAX) {
    return invalid('page', `page: must be an integer from 1 to ${PAGE_MAX}.`);
  }
  const country = (req.country ?? 'fr').toLowerCase();
  if (!/^[a-z]{2}$/.test(country))
    return invalid('country', 'country: must be a two-letter code such as fr.');
  const language = (req.language ?? 'fr').toLowerCase();
  if (!/^[a-z]{2}$/.test(language))
    return invalid('language', 'language: must be a two-letter code such as fr.');
  let site: string | undefined;
  if (req.site !== undefined && req.site.trim() !== '') {
    site = normalizeSite(req.site);
    if (!site) return invalid('site', 'site: must be a domain such as pappers.fr.');
  }
  return ok({ query, num, country, language, site, page, signal: req.signal });
};
