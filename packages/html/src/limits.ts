import * as z from 'zod/v4';

/** What one page of outside HTML may cost before it is refused. */
export interface HtmlLimits {
  /** UTF-8 bytes of markup. */
  maxBytes: number;
  /** Elements open at once, as a linear scan of the tags counts them. */
  maxDepth: number;
  /** Wall-clock time of one parse in a worker before the worker is stopped. */
  timeoutMs: number;
}

/**
 * 1 MB is plenty for a legal notice or a company page. 512 levels is where browsers stop nesting
 * (Blink's tree builder flattens deeper markup), so no page that renders as written goes deeper.
 */
export const DEFAULT_HTML_LIMITS: HtmlLimits = { maxBytes: 1024 * 1024, maxDepth: 512, timeoutMs: 5000 };

/** The env variables of every app that reads outside HTML; merge into the app's own env schema. */
export const htmlEnv = z.object({
  HTML_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(16 * 1024 * 1024)
    .default(DEFAULT_HTML_LIMITS.maxBytes)
    .describe('Largest page of outside HTML parsed, in bytes; larger pages are refused'),
  HTML_MAX_DEPTH: z.coerce
    .number()
    .int()
    .min(16)
    .max(10_000)
    .default(DEFAULT_HTML_LIMITS.maxDepth)
    .describe('Deepest element nesting parsed; deeper pages are refused before parsing'),
  HTML_PARSE_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(60_000)
    .default(DEFAULT_HTML_LIMITS.timeoutMs)
    .describe('Time limit of one page parse in the worker pool'),
});

export type HtmlEnv = z.output<typeof htmlEnv>;

export const htmlLimitsFromEnv = (env: HtmlEnv): HtmlLimits => ({
  maxBytes: env.HTML_MAX_BYTES,
  maxDepth: env.HTML_MAX_DEPTH,
  timeoutMs: env.HTML_PARSE_TIMEOUT_MS,
});
