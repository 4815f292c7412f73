import { hash, timingSafeEqual } from 'node:crypto';
import type { Credentials } from './credentials.js';
import { boundedMemo } from './memo.js';

export type AuthOutcome =
  | { ok: true; username: string; scheme: 'basic' | 'bearer' }
  | {
      ok: false;
      reason: AuthFailureReason;
      /**
       * The username a Basic request claimed, only when it is a configured one. Anything else may be
       * a password pasted into the wrong field, so it never leaves the verifier (nor reaches the logs).
       */
      username?: string;
    };

export type AuthFailureReason =
  | 'missing'
  | 'unsupported_scheme'
  | 'malformed'
  | 'too_long'
  | 'empty_username'
  | 'bad_credentials';

/** Longer headers are refused before any decoding work (a real Basic header is well under this). */
export const MAX_AUTH_HEADER_LENGTH = 1024;

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

// Hashing first gives equal-length buffers, so timingSafeEqual never leaks the secret's length.
const digest = (value: string): Buffer => hash('sha256', value, 'buffer');
const same = (a: string, b: Buffer): boolean => timingSafeEqual(digest(a), b);

export interface Verifier {
  verify: (header: string | undefined) => AuthOutcome;
}

export const createVerifier = (credentials: Credentials): Verifier => {
  const basic = credentials.basic.map((c) => ({
    username: c.username,
    user: digest(c.username),
    pass: digest(c.password),
  }));
  const bearer = credentials.bearer.map(digest);

  const verify = (header: string | undefined): AuthOutcome => {
    if (header === undefined || header === '') return { ok: false, reason: 'missing' };
    if (header.length > MAX_AUTH_HEADER_LENGTH) return { ok: false, reason: 'too_long' };
    const space = header.indexOf(' ');
    const scheme = (space === -1 ? header : header.slice(0, space)).toLowerCase();
    const value = space === -1 ? '' : header.slice(space + 1).trim();

    if (scheme === 'bearer' && bearer.length > 0) {
      if (!value) return { ok: false, reason: 'malformed' };
      // Compare against every token (no early exit) so timing does not reveal which one matched.
      let matched = false;
      for (const token of bearer) matched = same(value, token) || matched;
      return matched
        ? { ok: true, username: 'bearer', scheme: 'bearer' }
        : { ok: false, reason: 'bad_credentials' };
    }
    if (scheme !== 'basic') return { ok: false, reason: 'unsupported_scheme' };
    if (!value || value.length % 4 !== 0 || !BASE64.test(value)) return { ok: false, reason: 'malformed' };

    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon === -1) return { ok: false, reason: 'malformed' };
    const username = decoded.slice(0, colon);
    const password = decoded.slice(colon + 1);
    if (!username) return { ok: false, reason: 'empty_username' };

    let matched: string | undefined;
    let known: string | undefined;
    for (const cred of basic) {
      const userOk = same(username, cred.user);
      const passOk = same(password, cred.pass);
      if (userOk) known = cred.username;
      if (userOk && passOk) matched = cred.username;
    }
    if (matched) return { ok: true, username: matched, scheme: 'basic' };
    return known === undefined
      ? { ok: false, reason: 'bad_credentials' }
      : { ok: false, reason: 'bad_credentials', username: known };
  };

  // A header that verified once verifies again: the credentials are fixed for the life of the process,
  // and a client sends the same header on every request. Only successes are kept (at most 256 headers
  // of ≤ 1 KB), so every guess still pays the full constant-time check.
  const remembered = boundedMemo(verify, 256, (outcome) => outcome.ok);
  return { verify: (header) => (header === undefined ? verify(header) : remembered(header)) };
};
