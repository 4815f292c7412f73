// The API's failures said in French then English, as agents serve both audiences.
import type { ErrorPayload } from '@mcp/core';

export const API = "L'API Recherche d'entreprises";

/** Core's English messages, re-said in French then English, as agents serve both audiences. */
export const bilingual = (error: ErrorPayload): ErrorPayload => {
  const d = error.details ?? {};
  const status = typeof d.status === 'number' ? ` (HTTP ${d.status})` : '';
  const wait = typeof d.retry_after_s === 'number' ? d.retry_after_s : undefined;
  const message = (() => {
    switch (error.code) {
      case 'upstream_timeout':
        return `${API} n'a pas répondu à temps. The French company register API did not answer in time; try again shortly.`;
      case 'rate_limited':
        return `${API} limite le débit à 7 requêtes par seconde${wait ? ` : réessayez dans ${wait} s` : ''}. The company register API is rate limiting (7 requests/s)${wait ? `; retry in ${wait} s` : ''}.`;
      case 'upstream_bad_response':
        return `${API} a renvoyé une réponse illisible${status}. The company register API sent an unreadable answer${status}.`;
      case 'upstream_too_large':
        return `${API} a renvoyé une réponse trop volumineuse. The company register API sent an oversized answer.`;
      case 'not_found':
      case 'upstream_http':
        return typeof d.network === 'string'
          ? `${API} est injoignable (${d.network}). The French company register API cannot be reached (${d.network}); try again later.`
          : `${API} est indisponible${status}. The French company register API is unavailable${status}; try again later.`;
      default:
        return error.message;
    }
  })();
  const code = error.code === 'not_found' ? 'upstream_http' : error.code;
  return { code, message, details: { ...d, upstream: 'recherche-entreprises' } };
};
