import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { basicHeader, resolveAuthorization } from '../auth.js';
import { CliError } from '../cli-error.js';
import type { Io } from '../io.js';

export const PASSWORD_USAGE = `mcp-config gen-password [--user <user>] [--length <n>]
  A strong random password, the env lines to deploy it, and the rotation procedure.

mcp-config header --user <user> [--password-env <VAR>] [--value]   (alias: hash)
  The Authorization header for a user and a password read from VAR or a hidden prompt.
`;

/** base64url: no ':' or ',' (the AUTH_CREDENTIALS separators), nothing a shell or an .env file mangles. */
export const generatePassword = (length: number): string =>
  randomBytes(Math.ceil((length * 3) / 4))
    .toString('base64url')
    .slice(0, length);

export const runGenPassword = (argv: string[], io: Io): number => {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      user: { type: 'string', default: 'mcp' },
      length: { type: 'string', default: '32' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(PASSWORD_USAGE);
    return 0;
  }
  const length = Number(values.length);
  if (!Number.isInteger(length) || length < 16 || length > 128)
    throw new CliError(
      '--length: an integer between 16 and 128 (production refuses fewer than 12 characters)',
    );
  if (values.user.includes(':') || values.user.includes(','))
    throw new CliError('--user must not contain ":" or ","');
  const user = values.user;
  const password = generatePassword(length);
  io.out(
    [
      `password: ${password}`,
      `header:   Authorization: ${basicHeader(user, password)}`,
      '',
      '# A new deployment (Coolify: Environment Variables, marked secret):',
      `AUTH_USERNAME=${user}`,
      `AUTH_PASSWORD=${password}`,
      '',
      '# Rotation without downtime:',
      '# 1. keep AUTH_USERNAME/AUTH_PASSWORD as they are, add this line and redeploy (both passwords valid):',
      `AUTH_CREDENTIALS=${user}:<current password>,${user}:${password}`,
      `# 2. update every client: export MCP_FR_AUTH='${basicHeader(user, password)}' where they start,`,
      '#    and rewrite the files that hold the value (Claude Desktop, MetaMCP, --inline-secret):',
      `#    mcp-config clients --domain <domain> --user ${user} --password-env NEW_PASSWORD --client claude-desktop --write …`,
      '#    and check each server: mcp-config doctor https://<app>.<domain> --user ' +
        `${user} --password-env NEW_PASSWORD`,
      '# 3. switch to the new pair only, remove AUTH_CREDENTIALS, redeploy (the old password stops working):',
      `AUTH_USERNAME=${user}`,
      `AUTH_PASSWORD=${password}`,
      '',
    ].join('\n'),
  );
  return 0;
};

export const runHeader = async (argv: string[], io: Io): Promise<number> => {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      user: { type: 'string' },
      'password-env': { type: 'string' },
      value: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(PASSWORD_USAGE);
    return 0;
  }
  const header = (await resolveAuthorization(
    io,
    { user: values.user, passwordEnv: values['password-env'] },
    true,
  )) as string;
  io.out(values.value ? `${header}\n` : `Authorization: ${header}\n`);
  return 0;
};
