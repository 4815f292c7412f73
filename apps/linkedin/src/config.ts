import { searchEnvShape } from '@mcp/search';
import * as z from 'zod/v4';

/** `FOO=` in a compose file means "unset". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const HEADER_NAME_RE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * `LINKEDIN_FETCH_HEADERS`: a JSON object (`{"X-Api-Key":"…"}`) or `Name: value` lines (real newlines
 * or a literal `\n`). Throws with the variable name and the faulty header *name* — never a value.
 */
export const parseHeaderList = (raw: string | undefined): Record<string, string> => {
  if (!raw || raw.trim() === '') return {};
  const text = raw.trim();
  const headers: Record<string, string> = {};
  const add = (name: string, value: unknown) => {
    const n = name.trim();
    if (!HEADER_NAME_RE.test(n))
      throw new Error(`LINKEDIN_FETCH_HEADERS: "${n.slice(0, 40)}" is not a header name`);
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new Error(`LINKEDIN_FETCH_HEADERS: the value of ${n} must be a string`);
    }
    headers[n.toLowerCase()] = String(value).trim();
  };
  if (text.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error('LINKEDIN_FETCH_HEADERS: starts with "{" but is not valid JSON');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new Error('LINKEDIN_FETCH_HEADERS: the JSON must be an object of header names to values');
    }
    for (const [name, value] of Object.entries(parsed)) add(name, value);
    return headers;
  }
  for (const line of text.split(/\r?\n|\\n/)) {
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error('LINKEDIN_FETCH_HEADERS: each line must be "Name: value"');
    add(line.slice(0, colon), line.slice(colon + 1));
  }
  return headers;
};

const template = z
  .string()
  .trim()
  .refine((t) => t.includes('{url}'), { message: 'must contain {url} where the LinkedIn URL goes' })
  .refine(
    (t) =>
      URL.canParse(t.replaceAll('{url}', 'x')) &&
      /^https?:$/.test(new URL(t.replaceAll('{url}', 'x')).protocol),
    {
      message: 'must be an http(s) URL',
    },
  );

export const linkedinEnvShape = {
  LINKEDIN_BASE_URL: optional(
    z
      .url({ protocol: /^https?$/ })
      .describe('replaces scheme + host (+ port) of every linkedin.com URL fetched (tests)'),
  ),
  LINKEDIN_FETCH_URL_TEMPLATE: optional(
    template.describe(
      'scraping provider URL with {url} (URL-encoded LinkedIn URL), used for every LinkedIn fetch',
    ),
  ),
  LINKEDIN_FETCH_HEADERS: optional(
    z
      .string()
      .superRefine((raw, ctx) => {
        try {
          parseHeaderList(raw);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: (error as Error).message });
        }
      })
      .describe('headers for the provider: JSON object or "Name: value" lines (keys never logged)'),
  ),
  LINKEDIN_RATE_PER_SECOND: optional(
    z.coerce.number().positive().max(50).describe('LinkedIn (or provider) requests per second; default 0.5'),
  ),
  LINKEDIN_CONCURRENCY: optional(
    z.coerce.number().int().min(1).max(16).describe('parallel fetches; default 2'),
  ),
  LINKEDIN_CACHE_TTL_S: optional(
    z.coerce.number().int().min(0).max(604_800).describe('page cache TTL; default 21600'),
  ),
  LINKEDIN_TIMEOUT_MS: optional(
    z.coerce.number().int().min(1000).max(120_000).describe('per fetch; default 15000'),
  ),
  LINKEDIN_ACCEPT_LANGUAGE: optional(
    z.string().trim().min(2).max(200).describe('Accept-Language sent to LinkedIn'),
  ),
};

export const linkedinEnv = z.object({ ...searchEnvShape, ...linkedinEnvShape });
export type LinkedInEnv = z.output<typeof linkedinEnv>;

export interface LinkedInFetchConfig {
  baseUrl: string | undefined;
  template: string | undefined;
  providerHeaders: Record<string, string>;
  ratePerSecond: number;
  concurrency: number;
  cacheTtlMs: number;
  timeoutMs: number;
  acceptLanguage: string;
}

export const DEFAULT_ACCEPT_LANGUAGE = 'fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7';

export const fetchConfigFromEnv = (env: Partial<LinkedInEnv>): LinkedInFetchConfig => ({
  baseUrl: env.LINKEDIN_BASE_URL,
  template: env.LINKEDIN_FETCH_URL_TEMPLATE,
  providerHeaders: parseHeaderList(env.LINKEDIN_FETCH_HEADERS),
  ratePerSecond: env.LINKEDIN_RATE_PER_SECOND ?? 0.5,
  concurrency: env.LINKEDIN_CONCURRENCY ?? 2,
  cacheTtlMs: (env.LINKEDIN_CACHE_TTL_S ?? 21_600) * 1000,
  timeoutMs: env.LINKEDIN_TIMEOUT_MS ?? 15_000,
  acceptLanguage: env.LINKEDIN_ACCEPT_LANGUAGE ?? DEFAULT_ACCEPT_LANGUAGE,
});
