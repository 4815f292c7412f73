import { isIP } from 'node:net';
import { connect, type PeerCertificate } from 'node:tls';
import { certificateCause } from './causes.js';
import type { CheckResult } from './check.js';
import type { DoctorTarget } from './target.js';

const DAY_MS = 86_400_000;
/** Let's Encrypt certificates renew 30 days ahead; under 14 days left, renewal is failing. */
const RENEWAL_WARNING_DAYS = 14;

interface Handshake {
  authorized: boolean;
  error?: string;
  protocol: string | null;
  cert: PeerCertificate;
}

const handshake = (target: DoctorTarget, timeoutMs: number) =>
  new Promise<Handshake>((resolve, reject) => {
    const socket = connect({
      host: target.host,
      port: target.port,
      // SNI takes host names only (RFC 6066).
      ...(isIP(target.host) ? {} : { servername: target.host }),
      // Verification is read from `authorized` below, so an untrusted certificate is reported, not thrown.
      rejectUnauthorized: false,
      timeout: timeoutMs,
    });
    socket.once('secureConnect', () => {
      const error = socket.authorizationError;
      resolve({
        authorized: socket.authorized,
        ...(error
          ? {
              error:
                typeof error === 'string'
                  ? error
                  : ((error as Error & { code?: string }).code ?? error.message),
            }
          : {}),
        protocol: socket.getProtocol(),
        cert: socket.getPeerCertificate(),
      });
      socket.end();
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(Object.assign(new Error('TLS handshake timed out'), { code: 'TIMEOUT' }));
    });
    socket.once('error', reject);
  });

export const checkTls = async (target: DoctorTarget, timeoutMs: number): Promise<CheckResult> => {
  const name = 'TLS certificate';
  if (!target.https) {
    return target.loopback
      ? { name, status: 'skip', ms: 0, detail: 'plain http on loopback (a local app): no TLS to check' }
      : {
          name,
          status: 'fail',
          ms: 0,
          detail: 'plain http: no TLS',
          cause:
            'the Basic credential would travel in clear: serve the app through the HTTPS proxy and use the https:// URL',
        };
  }
  const started = performance.now();
  try {
    const hs = await handshake(target, timeoutMs);
    const ms = performance.now() - started;
    const until = new Date(hs.cert.valid_to);
    const days = Math.floor((until.getTime() - Date.now()) / DAY_MS);
    const issuer = hs.cert.issuer?.O ?? hs.cert.issuer?.CN ?? 'unknown issuer';
    const detail = `${hs.protocol ?? 'TLS'}, issuer ${issuer}, valid until ${until.toISOString().slice(0, 10)} (${days} days)`;
    if (!hs.authorized) {
      const code = hs.error ?? 'UNTRUSTED';
      return { name, status: 'fail', ms, detail: `${code}; ${detail}`, cause: certificateCause(code) };
    }
    if (days < RENEWAL_WARNING_DAYS)
      return {
        name,
        status: 'warn',
        ms,
        detail,
        cause:
          'expires soon: automatic renewal is failing (check the ACME resolver logs and that port 80 stays open)',
      };
    return { name, status: 'ok', ms, detail };
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'TLS_ERROR';
    return {
      name,
      status: 'fail',
      ms: performance.now() - started,
      detail: `${code}: ${(error as Error).message}`,
      cause:
        code === 'ECONNREFUSED'
          ? `nothing listens on ${target.host}:${target.port}`
          : 'no TLS handshake: the port speaks plain HTTP, or a firewall blocks it',
    };
  }
};
