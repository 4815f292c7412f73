import { mcpStatusCause, transportCause } from './causes.js';
import type { CheckResult } from './check.js';
import { describe, isHtml, jsonBody, type Probe, probe } from './probe.js';
import type { DoctorTarget } from './target.js';

const TOOLS_LIST = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });

const failed = (name: string, p: Probe, cause: string | undefined, fallback: string): CheckResult => ({
  name,
  status: 'fail',
  ms: p.ms,
  detail: describe(p),
  cause: cause ?? fallback,
});

const isHealthy = (p: Probe): boolean =>
  p.kind === 'response' &&
  p.status === 200 &&
  (jsonBody(p) as { status?: unknown } | undefined)?.status === 'ok';

/** `GET /` → 200 `{"status":"ok"}`, without credentials: what Docker and Coolify healthchecks call. */
export const checkHealth = async (target: DoctorTarget, timeoutMs: number): Promise<CheckResult> => {
  const name = 'GET / (healthcheck)';
  const p = await probe(target.healthUrl, { timeoutMs });
  if (isHealthy(p)) return { name, status: 'ok', ms: p.ms, detail: describe(p) };
  if (target.parentHealthUrl && p.kind === 'response' && p.status === 404) {
    const root = await probe(target.parentHealthUrl, { timeoutMs });
    if (isHealthy(root))
      return {
        name,
        status: 'ok',
        ms: p.ms + root.ms,
        detail: `${describe(root)} at ${target.parentHealthUrl} (the all-in-one's /<app>/mcp: health at its root)`,
      };
  }
  const transport = transportCause(p, target);
  if (transport) return failed(name, p, transport, '');
  if (p.kind === 'response' && p.status === 401)
    return failed(
      name,
      p,
      '/ asks for credentials: a proxy auth middleware covers the whole host (the apps keep / public and guard /mcp themselves); a healthcheck pointed at /mcp fails the same way — point it at /',
      '',
    );
  return failed(
    name,
    p,
    p.kind === 'response' && p.status === 200
      ? 'a 200 without {"status":"ok"}: another service answers on this URL'
      : undefined,
    'not the health answer of these apps: wrong service behind this URL, or an old image',
  );
};

/** `POST /mcp` without credentials → 401 with `WWW-Authenticate: Basic`. */
export const checkUnauthenticated = async (target: DoctorTarget, timeoutMs: number): Promise<CheckResult> => {
  const name = 'POST /mcp, no credentials';
  const p = await probe(target.mcpUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
    body: TOOLS_LIST,
    timeoutMs,
  });
  const transport = transportCause(p, target);
  if (p.kind === 'network' || transport) return failed(name, p, transport, 'network failure');
  const challenge = p.headers.get('www-authenticate');
  if (p.status === 401 && challenge?.toLowerCase().startsWith('basic'))
    return { name, status: 'ok', ms: p.ms, detail: `401, WWW-Authenticate: ${challenge}` };
  if (p.status === 401)
    return failed(
      name,
      p,
      '401 without a Basic WWW-Authenticate challenge: something other than the app answers (a proxy auth layer), or strips the header; clients will not know to send Basic credentials',
      '',
    );
  if (p.status >= 200 && p.status < 300)
    return failed(
      name,
      p,
      '/mcp answers WITHOUT credentials: anyone can call the tools — a proxy injects an Authorization header, or this is not one of these apps',
      '',
    );
  return failed(name, p, mcpStatusCause(p.status, false), `unexpected ${p.status}`);
};

/** Authenticated `GET /mcp` without `Accept: text/event-stream` → 406: auth works and the app routes GET. */
export const checkGetNotAcceptable = async (
  target: DoctorTarget,
  authorization: string,
  timeoutMs: number,
): Promise<CheckResult> => {
  const name = 'GET /mcp, authenticated, no SSE Accept';
  const p = await probe(target.mcpUrl, {
    headers: { authorization, accept: 'application/json' },
    timeoutMs,
  });
  const transport = transportCause(p, target);
  if (p.kind === 'network' || transport) return failed(name, p, transport, 'network failure');
  if (p.status === 406) return { name, status: 'ok', ms: p.ms, detail: describe(p) };
  if (isHtml(p)) return failed(name, p, transportCause(p, target), '');
  return failed(
    name,
    p,
    mcpStatusCause(p.status, true),
    `expected 406 (GET without Accept: text/event-stream), got ${p.status}: not one of these apps, or a proxy rewrites Accept`,
  );
};
