import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveAuthorization } from '../auth.js';
import { CliError } from '../cli-error.js';
import type { CheckResult } from '../doctor/check.js';
import { checkGetNotAcceptable, checkHealth, checkUnauthenticated } from '../doctor/checks.js';
import { readClientConfig } from '../doctor/config-file.js';
import { checkMcp } from '../doctor/mcp-checks.js';
import { renderTable } from '../doctor/report.js';
import { appEndpoint, type DoctorTarget, parseTarget } from '../doctor/target.js';
import { checkTls } from '../doctor/tls.js';
import type { Io } from '../io.js';

export const DOCTOR_USAGE = `mcp-config doctor <url> [--user <user> [--password-env <VAR>] | --token-env <VAR>] [--json]
mcp-config doctor --config <client config file> [--server <name>] [--json]

Checks a live deployment (https://annuaire.mcp.example.com, with or without /mcp): TLS, GET / → 200
{"status":"ok"}, /mcp without credentials → 401 + WWW-Authenticate, authenticated GET → 406, tools/list
with the official SDK client, one harmless tool call; for the all-in-one (https://mcp.<domain>) also
tools/list and the call on its /annuaire/mcp endpoint. Exit code 1 when a check fails.

  --user <user>          Basic auth user; the password comes from --password-env or a hidden prompt
  --password-env <VAR>   read the password from this env variable
  --token-env <VAR>      a bearer token from this env variable instead
  --config <file>        check the servers of a client config (Claude Desktop, Cursor, VS Code…),
                         with the URL and header written there; also lints the file itself
  --server <name>        with --config: only this server
  --timeout <ms>         per check (default 10000)
  --json                 the results as JSON instead of the table
`;

/** The tool only the all-in-one lists, and the per-app endpoint of it the doctor checks besides /mcp. */
const ALL_IN_ONE_TOOL = 'research_company';
const PER_APP_CHECKED = 'annuaire';

const SKIP_NO_AUTH: CheckResult[] = [
  'GET /mcp, authenticated, no SSE Accept',
  'tools/list (SDK client)',
  'tools/call',
].map((name) => ({ name, status: 'skip', ms: 0, detail: 'no credentials given (--user, --password-env)' }));

const runChecks = async (
  target: DoctorTarget,
  authorization: string | undefined,
  timeoutMs: number,
): Promise<CheckResult[]> => {
  const results: CheckResult[] = [
    await checkTls(target, timeoutMs),
    await checkHealth(target, timeoutMs),
    await checkUnauthenticated(target, timeoutMs),
  ];
  if (!authorization) return [...results, ...SKIP_NO_AUTH];
  results.push(await checkGetNotAcceptable(target, authorization, timeoutMs));
  const mcp = await checkMcp(target, authorization, timeoutMs);
  results.push(...mcp.results);
  // The all-in-one (research_company is its own tool) also serves each app on /<app>/mcp: one of them
  // is checked too, the way a client configured for that app alone reaches it.
  if (mcp.tools.includes(ALL_IN_ONE_TOOL)) {
    const endpoint = appEndpoint(target, PER_APP_CHECKED);
    results.push(...(await checkMcp(endpoint, authorization, timeoutMs, `/${PER_APP_CHECKED}/mcp`)).results);
  }
  return results;
};

const failed = (results: readonly CheckResult[]) => results.some((r) => r.status === 'fail');

/** `--config`: every server of a client file, checked with the URL and header the client will use. */
const runConfig = async (
  io: Io,
  file: string,
  server: string | undefined,
  timeoutMs: number,
  json: boolean,
): Promise<number> => {
  const path = resolve(io.cwd, file);
  const text = await readFile(path, 'utf8').catch(() => {
    throw new CliError(`cannot read ${path}`, 1);
  });
  const entries = readClientConfig(text, io.env).filter((e) => server === undefined || e.name === server);
  if (entries.length === 0)
    throw new CliError(server ? `no server "${server}" in ${path}` : `no servers in ${path}`, 1);
  const reports = [];
  for (const entry of entries) {
    const checks = [...entry.findings];
    if (entry.url && entry.kind !== 'stdio')
      checks.push(...(await runChecks(parseTarget(entry.url), entry.authorization, timeoutMs)));
    reports.push({ name: entry.name, kind: entry.kind, url: entry.url ?? null, ok: !failed(checks), checks });
  }
  const ok = reports.every((r) => r.ok);
  io.out(
    json
      ? `${JSON.stringify({ file: path, ok, servers: reports }, null, 2)}\n`
      : reports.map((r) => renderTable(`${r.name} (${r.url ?? r.kind})`, r.checks)).join('\n'),
  );
  return ok ? 0 : 1;
};

export const runDoctor = async (argv: string[], io: Io): Promise<number> => {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      user: { type: 'string' },
      'password-env': { type: 'string' },
      'token-env': { type: 'string' },
      config: { type: 'string' },
      server: { type: 'string' },
      timeout: { type: 'string', default: '10000' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(DOCTOR_USAGE);
    return 0;
  }
  const timeoutMs = Number(values.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 120_000)
    throw new CliError('--timeout: milliseconds between 100 and 120000');
  if (values.config) {
    if (positionals.length > 0 || values.user || values['token-env'])
      throw new CliError(
        '--config takes the URLs and credentials from the file: give no URL, --user or --token-env',
      );
    return runConfig(io, values.config, values.server, timeoutMs, values.json);
  }
  if (values.server) throw new CliError('--server needs --config');
  if (positionals.length !== 1)
    throw new CliError('doctor takes one URL, e.g. https://annuaire.mcp.example.com');
  const target = parseTarget(positionals[0] as string);
  const authorization = await resolveAuthorization(
    io,
    { user: values.user, passwordEnv: values['password-env'], tokenEnv: values['token-env'] },
    false,
  );
  const results = await runChecks(target, authorization, timeoutMs);
  io.out(
    values.json
      ? `${JSON.stringify({ url: target.mcpUrl, ok: !failed(results), checks: results }, null, 2)}\n`
      : renderTable(target.mcpUrl, results),
  );
  return failed(results) ? 1 : 0;
};
