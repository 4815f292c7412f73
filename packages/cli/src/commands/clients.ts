import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { APP_IDS, APPS, appUrl, isAppId } from '../apps.js';
import { resolveAuthorization } from '../auth.js';
import {
  CLIENT_IDS,
  CLIENTS,
  type ClientFormat,
  type ClientId,
  clientJson,
  type Target,
} from '../clients/formats.js';
import { mergeIntoFile } from '../clients/merge.js';
import { CliError, type Io } from '../io.js';

export const CLIENTS_USAGE = `mcp-config clients --domain <domain> --user <user> [options]

Prints ready-to-paste configs for the five servers (https://<app>.<domain>/mcp).

  --domain <domain>      e.g. mcp.example.com (not needed for --client stdio)
  --user <user>          Basic auth user; the password comes from --password-env or a hidden prompt
  --password-env <VAR>   read the password from this env variable
  --token-env <VAR>      use a bearer token from this env variable instead of user/password
  --client <name>        only one client: ${CLIENT_IDS.join(', ')}
  --app <app>            only these servers (repeatable): ${APP_IDS.join(', ')}
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
      user: { type: 'string' },
      'password-env': { type: 'string' },
      'token-env': { type: 'string' },
      client: { type: 'string' },
      app: { type: 'string', multiple: true },
      prefix: { type: 'string', default: '' },
      json: { type: 'boolean', default: false },
      write: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;

const pickClient = (name: string | undefined): ClientFormat | undefined => {
  if (name === undefined) return undefined;
  if (!(CLIENT_IDS as readonly string[]).includes(name))
    throw new CliError(`--client: unknown client "${name}"; one of ${CLIENT_IDS.join(', ')}`);
  return CLIENTS[name as ClientId];
};

const pickApps = (names: string[] | undefined) => {
  if (!names || names.length === 0) return APPS;
  const unknown = names.filter((n) => !isAppId(n));
  if (unknown.length > 0)
    throw new CliError(`--app: unknown app ${unknown.join(', ')}; one of ${APP_IDS.join(', ')}`);
  return APPS.filter((a) => names.includes(a.id));
};

const render = (client: ClientFormat, targets: Target[], authorization: string, asJson: boolean): string =>
  client.commands && !asJson
    ? `${client.commands(targets, authorization).join('\n')}\n`
    : `${JSON.stringify(clientJson(client, targets, authorization), null, 2)}\n`;

export const runClients = async (argv: string[], io: Io): Promise<number> => {
  const opts = parse(argv);
  if (opts.help) {
    io.out(CLIENTS_USAGE);
    return 0;
  }
  const only = pickClient(opts.client);
  if (opts.write && !only) throw new CliError('--write needs --client (which file format to merge into)');
  const apps = pickApps(opts.app);
  const remote = only ? only.remote : true;

  if (remote) {
    if (!opts.domain) throw new CliError('--domain is required (e.g. --domain mcp.example.com)');
    if (opts.domain.includes('/') || !DOMAIN.test(opts.domain))
      throw new CliError(`--domain: "${opts.domain}" is not a bare domain name (no scheme, no path)`);
  }
  const authorization = remote
    ? ((await resolveAuthorization(
        io,
        { user: opts.user, passwordEnv: opts['password-env'], tokenEnv: opts['token-env'] },
        true,
      )) as string)
    : '';
  const targets: Target[] = apps.map((app) => ({
    key: `${opts.prefix}${app.id}`,
    app,
    ...(opts.domain ? { url: appUrl(app.id, opts.domain) } : {}),
  }));

  if (only && opts.write) {
    const path = resolve(io.cwd, opts.write);
    const servers = clientJson(only, targets, authorization)[only.rootKey] ?? {};
    const result = await mergeIntoFile(path, only.rootKey, servers);
    const parts = [
      result.added.length ? `added ${result.added.join(', ')}` : '',
      result.replaced.length ? `replaced ${result.replaced.join(', ')}` : '',
      `kept ${result.kept.length} other server(s)`,
    ].filter(Boolean);
    io.err(`${path}: ${parts.join('; ')}${result.backup ? ` (previous version in ${result.backup})` : ''}\n`);
    io.err(`Restart ${only.title.split(' (')[0]} to load the servers.\n`);
    return 0;
  }
  if (only) {
    io.out(render(only, targets, authorization, opts.json));
    return 0;
  }

  const sections = CLIENT_IDS.map((id) => {
    const client = CLIENTS[id];
    const where = client.files.map((f) => `# ${f}`).join('\n');
    return `## ${client.title}\n${where}\n${render(client, targets, authorization, false)}`;
  });
  io.out(sections.join('\n'));
  io.err('These configs contain your credential: keep them out of git and shared screens.\n');
  return 0;
};
