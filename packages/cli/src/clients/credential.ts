import { type AuthOptions, resolveAuthorization } from '../auth.js';
import { CliError } from '../cli-error.js';
import type { Io } from '../io.js';
import { AUTH_VAR, isHeaderValue } from './header-ref.js';

/**
 * The header value for the configs that must hold it (Claude Desktop, MetaMCP, `--inline-secret`):
 * from `--token-env`, or `--user` with `--password-env` or a hidden prompt, else from MCP_FR_AUTH as
 * `.ci/start` prints it. Never from a flag: flags land in shell history and `ps`.
 */
export const resolveHeaderValue = async (io: Io, options: AuthOptions): Promise<string> => {
  if (options.tokenEnv || options.user || options.passwordEnv)
    return (await resolveAuthorization(io, options, true)) as string;
  const value = io.env[AUTH_VAR];
  if (value === undefined || value === '')
    throw new CliError(
      `--user is required (the password comes from --password-env or a prompt), or ${AUTH_VAR} set to the header value`,
    );
  // The value is a secret: the message says what is wrong with it without repeating it.
  if (!isHeaderValue(value))
    throw new CliError(
      `${AUTH_VAR} must hold the whole header value, "Basic <base64 of user:password>" or "Bearer <token>"`,
    );
  return value;
};
