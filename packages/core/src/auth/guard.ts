import type { AuthInfo } from '@modelcontextprotocol/server';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isAllowed, type parseAllowList } from './ip-allow.js';
import type { FailureCounter, FailureState } from './throttle.js';
import { clientKey, throttleKeys } from './throttle-keys.js';
import type { Verifier } from './verify.js';

export interface AuthGuardOptions {
  verifier: Verifier;
  failures: FailureCounter;
  /** Failures of one (client, username or token) pair before `429`. */
  maxFailures: number;
  /** Failures from one client, whatever identity it claims, before `429`. Default: 5 × maxFailures. */
  maxFailuresPerIp?: number;
  allowIps?: ReturnType<typeof parseAllowList>;
  /** Full origins (`https://app.example.com`) or bare hostnames. Empty: every browser Origin is refused. */
  allowedOrigins: readonly string[];
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

const retryAfterS = (states: readonly FailureState[]) =>
  Math.max(1, ...states.map((s) => Math.ceil(s.resetInMs / 1000)));

/**
 * Guards a scope (the /mcp routes) in this order, each step cheaper than the next and none of the
 * earlier ones counted as a failure: client address is an IP → IP allowlist → Origin → failed-auth
 * throttle → Basic/Bearer auth. Origin comes before the throttle so that a web page (a cross-site
 * `no-cors` POST from any tab behind the same NAT) can never add to anyone's failure count. Runs in
 * onRequest, before the body is read, so refused requests cost little.
 */
const authGuard: FastifyPluginAsync<AuthGuardOptions> = async (app, opts) => {
  if (!opts.verifier) throw new Error('auth guard: a verifier is required');
  if (!(opts.maxFailures > 0)) throw new Error('auth guard: maxFailures must be positive');
  const maxPerIp = opts.maxFailuresPerIp ?? opts.maxFailures * 5;
  if (!(maxPerIp > 0)) throw new Error('auth guard: maxFailuresPerIp must be positive');

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const ip = request.ip;
    // With TRUST_PROXY, request.ip comes from X-Forwarded-For and can be any string the client wrote.
    const client = clientKey(ip);
    if (client === undefined) {
      request.log.warn({ ip_length: ip.length, reason: 'bad_client_address' }, 'request refused');
      return refuse(reply, 400, 'bad_client_address', 'The client address is not an IP address.');
    }
    if (opts.allowIps && !isAllowed(opts.allowIps, ip)) {
      request.log.warn({ ip, reason: 'ip_not_allowed' }, 'auth refused');
      return refuse(reply, 403, 'forbidden', 'Your IP address is not allowed to use this server.');
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !originAllowed(origin, opts.allowedOrigins)) {
      request.log.warn({ ip, origin: origin.slice(0, 200), reason: 'origin_not_allowed' }, 'request refused');
      return refuse(reply, 403, 'forbidden_origin', 'This Origin is not allowed (set ALLOWED_ORIGINS).');
    }
    const header = request.headers.authorization;
    const unauthorized = () => {
      reply.header('www-authenticate', WWW_AUTHENTICATE);
      return refuse(reply, 401, 'unauthorized', 'Valid credentials are required (HTTP Basic auth).');
    };
    // No credentials is what every client sends first, and all a cross-site request can send: not a guess.
    if (header === undefined || header === '') {
      request.log.info({ ip, reason: 'missing' }, 'auth refused');
      return unauthorized();
    }
    const keys = throttleKeys(client, header);
    const [pair, perIp] = await Promise.all([opts.failures.peek(keys.pair), opts.failures.peek(keys.ip)]);
    const over = [
      pair.count >= opts.maxFailures ? pair : undefined,
      perIp.count >= maxPerIp ? perIp : undefined,
    ];
    const blocking = over.filter((s): s is FailureState => s !== undefined);
    if (blocking.length > 0) {
      const retryAfter = retryAfterS(blocking);
      request.log.warn(
        { ip, reason: 'throttled', failures: pair.count, failures_ip: perIp.count },
        'auth refused',
      );
      reply.header('retry-after', String(retryAfter));
      return refuse(reply, 429, 'too_many_failures', `Too many failed attempts; retry in ${retryAfter} s.`);
    }
    const outcome = opts.verifier.verify(header);
    if (!outcome.ok) {
      const [after] = await Promise.all([opts.failures.hit(keys.pair), opts.failures.hit(keys.ip)]);
      request.log.warn(
        {
          ip,
          ...(outcome.username === undefined ? {} : { username: outcome.username }),
          reason: outcome.reason,
          failures: after.count,
        },
        'auth refused',
      );
      return unauthorized();
    }
    if (pair.count > 0) await opts.failures.reset(keys.pair);
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
