import { isHtml, type Probe } from './probe.js';
import type { DoctorTarget } from './target.js';

const CERT_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

export const certificateCause = (code: string): string =>
  code === 'CERT_HAS_EXPIRED'
    ? 'the certificate has expired: the proxy stopped renewing it (check the ACME resolver logs and that port 80 stays open)'
    : code === 'ERR_TLS_CERT_ALTNAME_INVALID'
      ? 'the certificate is for another name: the proxy serves a certificate that does not cover this host (Host rule or wildcard missing)'
      : "the certificate is not trusted: Traefik serves its self-signed default until Let's Encrypt issues one — check that DNS points to this server, port 80 is open for the HTTP challenge, and the router has a certresolver";

/** Causes that do not depend on which check ran: the network, the proxy, another service. */
export const transportCause = (p: Probe, target: DoctorTarget): string | undefined => {
  if (p.kind === 'network') {
    if (p.code === 'ECONNREFUSED')
      return `nothing listens on ${target.host}:${target.port}: the container is down or restarting, the port is wrong, or the app was started in stdio mode (MCP_TRANSPORT=stdio or --stdio) — an HTTP deployment must not set either`;
    if (p.code === 'ENOTFOUND' || p.code === 'EAI_AGAIN')
      return `${target.host} does not resolve: add its DNS record (or a wildcard *.${target.host.split('.').slice(1).join('.')})`;
    if (p.code === 'TIMEOUT')
      return 'no answer before the timeout: a firewall drops the port, or the proxy waits on a container that never becomes healthy';
    if (p.code === 'ECONNRESET' || p.code === 'EPROTO' || p.code.includes('WRONG_VERSION'))
      return target.https
        ? 'the TLS handshake failed: this port speaks plain HTTP (use http:// for a local app) or the proxy has no certificate for this host'
        : 'the connection was reset: this port expects TLS (use https://) or the proxy dropped the request';
    if (CERT_CODES.has(p.code)) return certificateCause(p.code);
    return undefined;
  }
  if (p.status >= 300 && p.status < 400) {
    const location = p.headers.get('location') ?? '(no Location)';
    return location.startsWith('https://') && !target.https
      ? `the proxy redirects HTTP to HTTPS (${location}): use the https:// URL in clients — a POST does not survive the redirect`
      : `redirects to ${location}: use the final URL in clients — a POST body does not survive 301/302`;
  }
  if (isHtml(p))
    return 'HTML instead of JSON: another service answers on this host — a default page, a dashboard, or the proxy pointing at the wrong container or port (the apps listen on 8080)';
  if (p.status === 404 && /^404 page not found/i.test(p.body))
    return 'Traefik has no router for this host: the container is missing or unhealthy (its healthcheck must hit /, not /mcp which answers 401), or the Host rule does not match this name';
  if (p.status === 502 || p.status === 503 || p.status === 504)
    return 'the proxy has no healthy backend: the container is down, unhealthy (healthcheck on /mcp gets 401 — use /), or the service port is not 8080';
  return undefined;
};

/** Why /mcp refused or failed, by status: the pitfalls operators hit most. */
export const mcpStatusCause = (status: number, authenticated: boolean): string | undefined => {
  switch (status) {
    case 401:
      return authenticated
        ? 'the credentials were refused: wrong user or password, or the deployment runs other ones (AUTH_USERNAME/AUTH_PASSWORD, AUTH_CREDENTIALS after a rotation)'
        : undefined;
    case 403:
      return 'refused before auth: your IP is outside AUTH_ALLOW_IPS (behind a proxy, set TRUST_PROXY so the real client IP is seen), or an Origin header is not in ALLOWED_ORIGINS';
    case 404:
      return 'no /mcp route here: the deployed image comes from the wrong branch or an old tag, the proxy strips or rewrites the path, or the client URL lacks /mcp';
    case 405:
      return 'the method is refused on /mcp: not a Streamable HTTP endpoint (an SSE-only server lives on /sse), or the proxy only lets some methods through';
    case 429:
      return 'too many failed logins from this IP: wait for Retry-After (AUTH_MAX_FAILURES per AUTH_FAILURE_WINDOW_S), then fix the client credentials';
    case 500:
      return 'the app failed on this request: read its logs (docker logs / Coolify logs, LOG_LEVEL=debug); a 500 from the proxy means the container crashed';
    default:
      return undefined;
  }
};
