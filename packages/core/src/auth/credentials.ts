import { randomBytes } from 'node:crypto';
import type { CoreConfig } from '../config.js';

export interface BasicCredential {
  username: string;
  password: string;
}

export interface Credentials {
  basic: BasicCredential[];
  bearer: string[];
  /** Set when nothing was configured outside production: printed once at start-up. */
  generated?: BasicCredential;
}

export const MIN_PASSWORD_LENGTH = 16;
export const MIN_TOKEN_LENGTH = 24;

/** Defaults seen in copy-pasted configs; a production deployment with one of them is refused. */
const WEAK = new Set([
  'secret',
  'secret123',
  'admin',
  'admin123',
  'administrator',
  'password',
  'password1',
  'password123',
  'passw0rd',
  'changeme',
  'changeme123',
  'change-me',
  'letmein',
  'qwerty',
  'qwertyuiop',
  '123456',
  '12345678',
  '123456789',
  '1234567890',
  '123456789012',
  'default',
  'mcp',
  'mcp-password',
  'test',
  'test1234',
]);

/** `user1:pass1,user2:pass2` — a password may itself contain ':' (split on the first one only). */
const parseCredentialList = (value: string, problems: string[]): BasicCredential[] =>
  value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .flatMap((entry, index) => {
      const colon = entry.indexOf(':');
      if (colon <= 0 || colon === entry.length - 1) {
        problems.push(`AUTH_CREDENTIALS: entry ${index + 1} must be "user:password"`);
        return [];
      }
      return [{ username: entry.slice(0, colon), password: entry.slice(colon + 1) }];
    });

const weakReason = (cred: BasicCredential): string | undefined => {
  const lower = cred.password.toLowerCase();
  if (cred.password.length < MIN_PASSWORD_LENGTH) return `shorter than ${MIN_PASSWORD_LENGTH} characters`;
  if (WEAK.has(lower)) return 'a well-known default password';
  if (lower === cred.username.toLowerCase() || lower.includes(cred.username.toLowerCase()))
    return 'derived from the username';
  if (/^(.)\1+$/.test(cred.password)) return 'a single repeated character';
  return undefined;
};

export const generatePassword = (): string => randomBytes(18).toString('base64url');

/**
 * Reads the credentials from config. Returns the problems instead of throwing so that start-up can
 * print all of them in one line and exit 1.
 */
export const resolveCredentials = (
  config: Pick<
    CoreConfig,
    'NODE_ENV' | 'AUTH_USERNAME' | 'AUTH_PASSWORD' | 'AUTH_CREDENTIALS' | 'AUTH_BEARER_TOKENS'
  >,
): { credentials: Credentials; problems: string[] } => {
  const problems: string[] = [];
  const basic: BasicCredential[] = [];
  const production = config.NODE_ENV === 'production';

  if (config.AUTH_USERNAME !== undefined || config.AUTH_PASSWORD !== undefined) {
    if (!config.AUTH_USERNAME) problems.push('AUTH_USERNAME is required when AUTH_PASSWORD is set');
    else if (!config.AUTH_PASSWORD) problems.push('AUTH_PASSWORD is required when AUTH_USERNAME is set');
    else if (config.AUTH_USERNAME.includes(':')) problems.push('AUTH_USERNAME must not contain ":"');
    else basic.push({ username: config.AUTH_USERNAME, password: config.AUTH_PASSWORD });
  }
  if (config.AUTH_CREDENTIALS) basic.push(...parseCredentialList(config.AUTH_CREDENTIALS, problems));
  const bearer = config.AUTH_BEARER_TOKENS ?? [];

  if (production) {
    for (const cred of basic) {
      const reason = weakReason(cred);
      if (reason) problems.push(`the password of "${cred.username}" is weak (${reason})`);
    }
    for (const [i, token] of bearer.entries()) {
      if (token.length < MIN_TOKEN_LENGTH)
        problems.push(`AUTH_BEARER_TOKENS entry ${i + 1} is shorter than ${MIN_TOKEN_LENGTH} characters`);
    }
    if (basic.length === 0 && bearer.length === 0 && problems.length === 0) {
      problems.push(
        'no credentials: set AUTH_USERNAME and AUTH_PASSWORD (or AUTH_CREDENTIALS / AUTH_BEARER_TOKENS)',
      );
    }
    return { credentials: { basic, bearer }, problems };
  }

  if (basic.length === 0 && bearer.length === 0 && problems.length === 0) {
    const generated = { username: 'mcp', password: generatePassword() };
    return { credentials: { basic: [generated], bearer, generated }, problems };
  }
  return { credentials: { basic, bearer }, problems };
};

export const basicHeader = (cred: BasicCredential): string =>
  `Basic ${Buffer.from(`${cred.username}:${cred.password}`, 'utf8').toString('base64')}`;
