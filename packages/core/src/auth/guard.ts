import type { AuthInfo } from '@modelcontextprotocol/server';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isAllowed, type parseAllowList } from './ip-allow.js';
import type { FailureCounter } from './throttle.js';
import type { Verifier } from './verify.js';

export interface AuthGuardOptions {
  verifier: Verifier;
  failures: FailureCounter;
  maxFailures: number;
  allowIps?: ReturnType<typeof parseAllowList>;
  /** Full origins (`https://app.example.com`) or bare hostnames. Empty: every browser Origin is refused. */
  allowedOrigins: readonly string[];
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated principal, set by the auth guard for /mcp requests. */
    principal: string | null;
  }
}

export const WWW_AUTHENTICATE = 'Basic realm="mcp", charset="UTF-8"';

const refuse = (reply: FastifyReply, status: number, error: string, message: string) =>
  reply.code(status).type('application/json').send({ error, message });

const originAllowed = (origin: string, allowed: readonly string[]): boolean => {
  let hostname: string;
  try {
    hostname = new URL(origin).hostname;
  } catch {
    return false;
  }
  return allowed.some((entry) => (entry.includes('://') ? entry === origin : entry === hostname));
};

/**
 * Guards a scope (the /mcp routes) in the order of DESIGN.md §1: IP allowlist → failed-auth throttle →
 * Basic/Bearer auth → Origin. Runs in onRequest, before the body is read, so refused requests cost little.
 */
const authGuard: FastifyPluginAsync<AuthGuardOptions> = async (app, opts) => {
  if (!opts.verifier) throw new Error('auth guard: a verifier is required');
  if (!(opts.maxFailures > 0)) throw new Error('auth guard: maxFailures must be positive');
  app.decorateRequest('principal', null);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const ip = request.ip;
    if (opts.allowIps && !isAllowed(opts.allowIps, ip)) {
      request.log.warn({ ip, reason: 'ip_not_allowed' }, 'auth refused');
      return refuse(reply, 403, 'forbidden', 'Your IP address is not allowed to use this server.');
    }
    const before = await opts.failures.peek(ip);
    if (before.count >= opts.maxFailures) {
      const retryAfter = Math.max(1, Math.ceil(before.resetInMs / 1000));
      request.log.warn({ ip, reason: 'throttled', failures: before.count }, 'auth refused');
      reply.header('retry-after', String(retryAfter));
      return refuse(reply, 429, 'too_many_failures', `Too many failed attempts; retry in ${retryAfter} s.`);
    }
    const outcome = opts.verifier.verify(request.headers.authorization);
    if (!outcome.ok) {
      const after = await opts.failures.hit(ip);
      request.log.warn(
        { ip, username: outcome.username, reason: outcome.reason, failures: after.count },
        'auth refused',
      );
      reply.header('www-authenticate', WWW_AUTHENTICATE);
      return refuse(reply, 401, 'unauthorized', 'Valid credentials are required (HTTP Basic auth).');
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !originAllowed(origin, opts.allowedOrigins)) {
      request.log.warn(
        { ip, username: outcome.username, origin, reason: 'origin_not_allowed' },
        'request refused',
      );
      return refuse(reply, 403, 'forbidden_origin', 'This Origin is not allowed (set ALLOWED_ORIGINS).');
    }
    request.principal = outcome.username;
    const auth: AuthInfo = {
      token: '',
      clientId: outcome.username,
      scopes: [],
      extra: { requestId: request.id },
    };
    Object.assign(request.raw, { auth });
  });
};

export const authGuardPlugin = fp(authGuard, { fastify: '5.x', name: 'mcp-auth-guard' });
