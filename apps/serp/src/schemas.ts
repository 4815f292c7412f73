import { NUM_MAX, PAGE_MAX, PROVIDER_IDS, QUERY_MAX_LENGTH } from '@mcp/search';
import * as z from 'zod/v4';

export const providerId = z.enum(PROVIDER_IDS);

export const resultSchema = z.object({
  position: z.number().int().describe('1-based rank in this answer'),
  title: z.string(),
  url: z.string(),
  domain: z.string().describe('host without www.'),
  snippet: z.string(),
  date: z
    .string()
    .optional()
    .describe('ISO 8601 when the provider gives one, else its own wording ("3 days ago")'),
});

export const providerFailureSchema = z.object({
  provider: providerId,
  code: z.string(),
  message: z.string(),
});

/** The search answer fields every search tool returns. */
export const answerFields = {
  query: z.string().describe('the query as sent to the provider'),
  provider: providerId.describe('provider that served this answer'),
  providers_failed: z.array(providerFailureSchema).describe('providers tried first, and why they failed'),
  cached: z.boolean().describe('served from the result cache'),
  results: z.array(resultSchema),
};

export const queryInput = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(QUERY_MAX_LENGTH, `at most ${QUERY_MAX_LENGTH} characters`);

export const marketInput = {
  num: z
    .number()
    .int()
    .min(1)
    .max(NUM_MAX)
    .default(10)
    .describe(`results wanted, 1..${NUM_MAX} (default 10)`),
  country: z
    .string()
    .regex(/^[a-zA-Z]{2}$/, 'two-letter country code')
    .default('fr')
    .describe('market, ISO 3166-1 alpha-2 (default fr)'),
  language: z
    .string()
    .regex(/^[a-zA-Z]{2}$/, 'two-letter language code')
    .default('fr')
    .describe('results language, ISO 639-1 (default fr)'),
  page: z.number().int().min(1).max(PAGE_MAX).default(1).describe(`result page, 1..${PAGE_MAX} (default 1)`),
};

export const sirenInput = z.string().trim().describe('SIREN, 9 digits (spaces allowed), checked with Luhn');
