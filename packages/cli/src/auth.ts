import { CliError } from './cli-error.js';
import type { Io } from './io.js';

export interface AuthOptions {
  user?: string | undefined;
  passwordEnv?: string | undefined;
  tokenEnv?: string | undefined;
}

/** Same encoding as @mcp/core's basicHeader: UTF-8 `user:password`, standard base64. */
export const basicHeader = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;

const fromEnv = (io: Io, name: string): string => {
  const value = io.env[name];
  if (value === undefined || value === '')
    throw new CliError(`${name} is not set (or empty) in the environment`);
  return value;
};

/**
 * The Authorization header from a user and a password taken from an env variable or a hidden prompt
 * (never a flag: flags land in shell history and `ps`), or a bearer token from an env variable.
 * `undefined` when no credential was asked for and `required` is false.
 */
export const resolveAuthorization = async (
  io: Io,
  options: AuthOptions,
  required: boolean,
): Promise<string | undefined> => {
  if (options.tokenEnv) return `Bearer ${fromEnv(io, options.tokenEnv)}`;
  if (!options.user) {
    if (options.passwordEnv) throw new CliError('--password-env needs --user');
    if (required)
      throw new CliError('--user is required (the password comes from --password-env or a prompt)');
    return undefined;
  }
  if (options.user.includes(':')) throw new CliError('--user must not contain ":" (HTTP Basic separator)');
  if (options.passwordEnv) return basicHeader(options.user, fromEnv(io, options.passwordEnv));
  const typed = await io.readSecret(`Password for ${options.user}: `);
  if (typed === undefined)
    throw new CliError(
      'no terminal to prompt for the password: set --password-env VAR (VAR holding the password)',
    );
  if (typed === '') throw new CliError('empty password');
  return basicHeader(options.user, typed);
};
