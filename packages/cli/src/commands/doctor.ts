import { parseArgs } from 'node:util';
import { resolveAuthorization } from '../auth.js';
import type { CheckResult } from '../doctor/check.js';
import { checkGetNotAcceptable, checkHealth, checkUnauthenticated } from '../doctor/checks.js';
import { checkMcp } from '../doctor/mcp-checks.js';
import { renderTable } from '../doctor/report.js';
import { parseTarget } from '../doctor/target.js';
import { checkTls } from '../doctor/tls.js';
import { CliError, type Io } from '../io.js';

export const DOCTOR_USAGE = `mcp-config doctor <url> [--user <user> [--password-env <VAR>] | --token-env <VAR>] [--json]

Checks a live deployment (https://annuaire.mcp.example.com, with or without /mcp): TLS, GET / → 200
{"status":"ok"}, /mcp without credentials → 401 + WWW-Authenticate, authenticated GET → 406, tools/list
with the official SDK client, one harmless tool call. Exit code 1 when a check fails.

  --user <user>          Basic auth user; the password comes from --password-env or a hidden prompt
  --password-env <VAR>   read the password from this env variable
  --token-env <VAR>      a bearer token from this env variable instead
  --timeout <ms>         per check (default 10000)
  --json                 the results as JSON instead of the table
`;

const SKIP_NO_AUTH: CheckResult[] = [
  'GET /mcp, authenticated, no SSE Accept',
  'tools/list (SDK client)',
  'tools/call',
].map((name) => ({ name, status: 'skip', ms: 0, detail: 'no credentials given (--user, --password-env)' }));

export const runDoctor = async (argv: string[], io: Io): Promise<number> => {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      user: { type: 'string' },
      'password-env': { type: 'string' },
      'token-env': { type: 'string' },
      timeout: { type: 'string', default: '10000' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(DOCTOR_USAGE);
    return 0;
  }
  if (positionals.length !== 1)
    throw new CliError('doctor takes one URL, e.g. https://annuaire.mcp.example.com');
  const timeoutMs = Number(values.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 120_000)
    throw new CliError('--timeout: milliseconds between 100 and 120000');
  const target = parseTarget(positionals[0] as string);
  const authorization = await resolveAuthorization(
    io,
    { user: values.user, passwordEnv: values['password-env'], tokenEnv: values['token-env'] },
    false,
  );

  const results: CheckResult[] = [
    await checkTls(target, timeoutMs),
    await checkHealth(target, timeoutMs),
    await checkUnauthenticated(target, timeoutMs),
  ];
  if (authorization) {
    results.push(await checkGetNotAcceptable(target, authorization, timeoutMs));
    results.push(...(await checkMcp(target, authorization, timeoutMs)));
  } else {
    results.push(...SKIP_NO_AUTH);
  }

  const failed = results.some((r) => r.status === 'fail');
  io.out(
    values.json
      ? `${JSON.stringify({ url: target.mcpUrl, ok: !failed, checks: results }, null, 2)}\n`
      : renderTable(target.mcpUrl, results),
  );
  return failed ? 1 : 0;
};
