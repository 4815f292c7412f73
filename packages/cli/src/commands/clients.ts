import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ALL_IN_ONE, APP_IDS, APPS, type AppInfo, appUrl, isAppId } from '../apps.js';
import { CliError } from '../cli-error.js';
import { resolveHeaderValue } from '../clients/credential.js';
import {
  CLIENT_ALIASES,
  CLIENT_IDS,
  CLIENTS,
  type ClientFormat,
  type ClientId,
  clientJson,
  headerFor,
  needsHeaderValue,
  readsAuthVar,
  type Target,
} from '../clients/formats.js';
import { AUTH_VAR, type VSCODE_INPUT } from '../clients/header-ref.js';
import { mergeIntoFile } from '../clients/merge.js';
import type { Io } from '../io.js';
import { DEFAULT_START_PORT, isStartPort, LOCAL_ORDER, localUrl } from '../local.js';

export const CLIENTS_USAGE = `mcp-config clients (--domain <domain> | --local [--start-port <port>]) [options]

Prints ready-to-paste configs for the five servers (https://<app>.<domain>/mcp, or the local ones),
or with --app ${ALL_IN_ONE} for the one server that serves all their tools (https://mcp.<domain>/mcp).
Claude Code, Cursor and VS Code configs read the header from ${AUTH_VAR} (the whole value, "Basic …")
and hold no secret; Claude Desktop and MetaMCP configs hold the value.

  --domain <domain>      e.g. mcp.example.com (not needed for --client stdio)
  --local                the servers of .ci/start and docker-compose.local.yml: http://127.0.0.1:<port>/mcp
  --start-port <port>    with --local: the first app's port (default ${DEFAULT_START_PORT}); the others follow
  --user <user>          Basic auth user, when a config holds the value; the password comes from
                         --password-env or a hidden prompt (default: the value of ${AUTH_VAR})
  --password-env <VAR>   read the password from this env variable
  --token-env <VAR>      use a bearer token from this env variable instead of user/password
  --inline-secret        write the header value in every config instead of the ${AUTH_VAR} reference
  --client <name>        only one client: ${CLIENT_IDS.join(', ')} (claude-desktop-bridge = claude-desktop)
  --app <app>            only these servers (repeatable): ${APP_IDS.join(', ')};
                         default: the five, not ${ALL_IN_ONE} (it serves the same tools)
  --prefix <text>        prefix of the server names in the config (default: none)
  --json                 with --client claude-code: the .mcp.json file instead of \`claude mcp add\` lines
  --write <file>         merge into this config file (needs --client); other servers are kept
`;

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$|^localhost$/i;

const parse = (argv: string[]) =>
  parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      domain: { type: 'string' },
      local: { type: 'boolean', default: false },
      'start-port': { type: 'string' },
      user: { type: 'string' },
      'password-env': { type: 'string' },
      'token-env': { type: 'string' },
      'inline-secret': { type: 'boolean', default: false },
      client: { type: 'string' },
      app: { type: 'string', multiple: true },
      prefix: { type: 'string', default: '' },
      json: { type: 'boolean', default: false },
      write: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;
type Options = ReturnType<typeof parse>;

const pickClient = (name: string | undefined): ClientFormat | undefined => {
  if (name === undefined) return undefined;
  const id = CLIENT_ALIASES[name] ?? name;
  if (!(CLIENT_IDS as readonly string[]).includes(id))
    throw new CliError(`--client: unknown client "${name}"; one of ${CLIENT_IDS.join(', ')}`);
  return CLIENTS[id as ClientId];
};

const pickApps = (names: string[] | undefined): readonly AppInfo[] => {
  // The all-in-one serves the five's tools again: by default a client gets the five, not both.
  if (!names || names.length === 0) return APPS.filter((a) => a.id !== ALL_IN_ONE);
  const unknown = names.filter((n) => !isAppId(n));
  if (unknown.length > 0)
    throw new CliError(`--app: unknown app ${unknown.join(', ')}; one of ${APP_IDS.join(', ')}`);
  return APPS.filter((a) => names.includes(a.id));
};

/** Where the servers are: `--domain`, or `--local` ports in `.ci/start`'s order. */
const urlsOf = (opts: Options, remote: boolean): ((app: AppInfo) => string) | undefined => {
  if (opts['start-port'] !== undefined && !opts.local) throw new CliError('--start-port needs --local');
  if (opts.local) {
    if (opts.domain) throw new CliError('--local and --domain: give one or the other');
    const start = Number(opts['start-port'] ?? DEFAULT_START_PORT);
    if (!isStartPort(start))
      throw new CliError(
        `--start-port: a port from 1 to ${65_536 - LOCAL_ORDER.length} (one per app follows it)`,
      );
    return (app) => localUrl(app.id, start);
  }
  if (!remote) return opts.domain ? (app) => appUrl(app.id, opts.domain as string) : undefined;
  if (!opts.domain)
    throw new CliError('--domain is required (e.g. --domain mcp.example.com), or --local for .ci/start');
  if (opts.domain.includes('/') || !DOMAIN.test(opts.domain))
    throw new CliError(`--domain: "${opts.domain}" is not a bare domain name (no scheme, no path)`);
  const domain = opts.domain;
  return (app) => appUrl(app.id, domain);
};

const render = (client: ClientFormat, targets: Target[], header: string, asJson: boolean): string =>
  client.commands && !asJson
    ? `${client.commands(targets, header).join('\n')}\n`
    : `${JSON.stringify(clientJson(client, targets, header), null, 2)}\n`;

/** How to set MCP_FR_AUTH, for output that refers to it. */
const exportHint = (user: string | undefined): string =>
  `These configs read the header from ${AUTH_VAR}; set it where the client starts, e.g.\n` +
  `  export ${AUTH_VAR}="$(pnpm -s mcp-config header --user ${user ?? '<user>'} --value)"\n` +
  '(`bash .ci/start` prints the line for its local servers.)\n';

const write = async (io: Io, client: ClientFormat, file: string, targets: Target[], header: string) => {
  const path = resolve(io.cwd, file);
  const json = clientJson(client, targets, header);
  const servers = (json[client.rootKey] ?? {}) as Record<string, unknown>;
  const inputs = (json.inputs ?? []) as (typeof VSCODE_INPUT)[];
  const result = await mergeIntoFile(path, client.rootKey, servers, inputs);
  const parts = [
    result.added.length ? `added ${result.added.join(', ')}` : '',
    result.replaced.length ? `replaced ${result.replaced.join(', ')}` : '',
    `kept ${result.kept.length} other server(s)`,
  ].filter(Boolean);
  io.err(`${path}: ${parts.join('; ')}${result.backup ? ` (previous version in ${result.backup})` : ''}\n`);
  io.err(`Restart ${client.title.split(' (')[0]} to load the servers.\n`);
};

export const runClients = async (argv: string[], io: Io): Promise<number> => {
  const opts = parse(argv);
  if (opts.help) {
    io.out(CLIENTS_USAGE);
    return 0;
  }
  const only = pickClient(opts.client);
  if (opts.write && !only) throw new CliError('--write needs --client (which file format to merge into)');
  const clients = only ? [only] : CLIENT_IDS.map((id) => CLIENTS[id]);
  const inline = opts['inline-secret'];
  const apps = pickApps(opts.app);
  const urlOf = urlsOf(
    opts,
    clients.some((c) => c.remote),
  );
  // Locally, in port order: the order `.ci/start` prints them in.
  const ordered = opts.local
    ? [...apps].sort((a, b) => LOCAL_ORDER.indexOf(a.id) - LOCAL_ORDER.indexOf(b.id))
    : apps;
  const targets: Target[] = ordered.map((app) => ({
    key: `${opts.prefix}${app.id}`,
    app,
    ...(urlOf ? { url: urlOf(app) } : {}),
  }));

  const holders = clients.filter((c) => needsHeaderValue(c, inline));
  const value =
    holders.length > 0
      ? await resolveHeaderValue(io, {
          user: opts.user,
          passwordEnv: opts['password-env'],
          tokenEnv: opts['token-env'],
        })
      : '';
  const refers = clients.some((c) => readsAuthVar(c, inline));

  if (only) {
    const header = headerFor(only, value, inline);
    if (opts.write) await write(io, only, opts.write, targets, header);
    else io.out(render(only, targets, header, opts.json));
    io.err(`${only.title}: ${only.note(inline)}.\n`);
  } else {
    const sections = clients.map((client) => {
      const where = client.files.map((f) => `# ${f}`).join('\n');
      const header = headerFor(client, value, inline);
      return `## ${client.title}\n${where}\n# ${client.note(inline)}.\n${render(client, targets, header, false)}`;
    });
    io.out(sections.join('\n'));
  }
  if (holders.length > 0) {
    const names = holders.map((c) => c.title.split(' (')[0]);
    const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0];
    io.err(
      `The ${list} config${names.length > 1 ? 's hold' : ' holds'} your credential: keep it out of git and shared screens.\n`,
    );
  }
  if (refers) io.err(exportHint(opts.user));
  return 0;
};
