import { type ErrorCode, type ErrorPayload, err } from '@mcp/core';

const REDACTED = '[redacted]';

/** Every spelling of a secret that can end up in a message or URL: raw, percent- and form-encoded. */
const spellings = (secret: string): string[] => {
  const forms = new Set([
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ k: secret }).toString().slice(2),
  ]);
  return [...forms].sort((a, b) => b.length - a.length);
};

/**
 * Replaces API keys in every string of `value` (messages, details, URLs). Provider error bodies and
 * upstream URLs may echo the key (SerpAPI takes it as a query parameter), and errors reach the agent.
 */
export const scrubSecrets = <T>(value: T, secrets: readonly (string | undefined)[]): T => {
  const forms = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4).flatMap(spellings);
  if (forms.length === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return forms.reduce((s, form) => s.split(form).join(REDACTED), v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
};

/** Why a provider failed, as the fallback layer and the agent need to know it. */
export type FailureReason = 'auth' | 'quota' | 'blocked' | 'config' | 'upstream';

export const providerError = (
  code: ErrorCode,
  message: string,
  reason: FailureReason,
  details?: Record<string, unknown>,
): { ok: false; error: ErrorPayload } => err(code, message, { reason, ...details });

export const statusOf = (error: ErrorPayload): number | undefined => {
  const status = error.details?.status;
  return typeof status === 'number' ? status : undefined;
};

export const bodyOf = (error: ErrorPayload): string | undefined => {
  const body = error.details?.body;
  return typeof body === 'string' ? body : undefined;
};

export const parseJson = (text: string | undefined): unknown => {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** A provider's wording kept in one top-level string member of its JSON error body (`error`, `message`). */
export const stringMember =
  (key: string) =>
  (text: string): string | undefined => {
    const json = parseJson(text);
    if (json && typeof json === 'object' && key in json) {
      const value: unknown = (json as Record<string, unknown>)[key];
      if (typeof value === 'string') return value;
    }
    return undefined;
  };

const QUOTA = /credit|quota|run out|exceeded|limit|too many|plan/i;
const AUTH = /api[ _-]?key|unauthori[sz]ed|forbidden|token|not valid|permission|access denied|authenticat/i;

/** Shorthand for classifying a provider's own wording when its HTTP status says little (SerpAPI 200/400). */
export const reasonFromMessage = (message: string): FailureReason | undefined => {
  if (QUOTA.test(message)) return 'quota';
  if (AUTH.test(message)) return 'auth';
  return undefined;
};

/**
 * Turns a core upstream error into a provider error that names the provider and carries the
 * provider's own message (invalid key, quota) instead of a bare status.
 */
export const mapUpstreamError = (
  label: string,
  error: ErrorPayload,
  providerMessage: (body: string) => string | undefined,
): { ok: false; error: ErrorPayload } => {
  const status = statusOf(error);
  const body = bodyOf(error);
  const said = body ? providerMessage(body) : undefined;
  const suffix = said ? `: ${said}` : '.';
  const details = status === undefined ? {} : { status };
  if (error.code === 'rate_limited' || status === 429 || status === 402) {
    const retry = error.details?.retry_after_s;
    // Core drops 429 bodies; its own message then says whether we or the provider throttled.
    const message = said
      ? `${label} refused the search (quota or rate limit): ${said}`
      : `${label}: ${error.message}`;
    return providerError('rate_limited', message, 'quota', {
      ...details,
      ...(typeof retry === 'number' ? { retry_after_s: retry } : {}),
    });
  }
  if (status === 401 || status === 403) {
    return providerError(
      'upstream_http',
      `${label} rejected the API key (HTTP ${status})${suffix}`,
      'auth',
      details,
    );
  }
  if (error.code === 'upstream_http' && said) {
    const reason = reasonFromMessage(said) ?? 'upstream';
    const code = reason === 'quota' ? 'rate_limited' : 'upstream_http';
    return providerError(code, `${label} answered HTTP ${status ?? '?'}${suffix}`, reason, details);
  }
  if (error.code === 'not_found') {
    return providerError('upstream_http', `${label} answered 404: check its base URL.`, 'config', details);
  }
  return providerError(error.code, `${label}: ${error.message}`, 'upstream', details);
};
