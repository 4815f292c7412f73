import { type ParseError, parse, printParseErrorCode } from 'jsonc-parser';
import { CliError } from '../cli-error.js';
import { BRIDGE_HEADER_ARG } from '../clients/formats.js';
import { AUTH_VAR } from '../clients/header-ref.js';
import type { CheckResult } from './check.js';

/** One server of a client config file, with what the file itself gets wrong about it. */
export interface ConfigEntry {
  name: string;
  kind: 'http' | 'bridge' | 'stdio';
  /** For http and bridge entries: the URL the client will call and the header it will send. */
  url?: string;
  authorization?: string;
  findings: CheckResult[];
}

type Json = Record<string, unknown>;
type Env = Readonly<Record<string, unknown>>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);

const finding = (
  server: string,
  status: CheckResult['status'],
  detail: string,
  cause?: string,
): CheckResult => ({
  name: `config: ${server}`,
  status,
  ms: 0,
  detail,
  ...(cause ? { cause } : {}),
});

const headerValue = (headers: unknown): string | undefined => {
  if (!isObject(headers)) return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === 'authorization');
  const value = key === undefined ? undefined : headers[key];
  return typeof value === 'string' ? value : undefined;
};

const lintUrl = (server: string, url: string, findings: CheckResult[]) => {
  if (!/\/mcp\/?$/.test(new URL(url).pathname))
    findings.push(
      finding(
        server,
        'fail',
        `URL ${url} does not end in /mcp`,
        'the endpoint is <base>/mcp: without it, 404, 405 or an HTML page',
      ),
    );
};

const httpEntry = (name: string, entry: Json, rootKey: string, env: Env): ConfigEntry => {
  const findings: CheckResult[] = [];
  const url = String(entry.url);
  const type = typeof entry.type === 'string' ? entry.type.toLowerCase() : undefined;
  if (!URL.canParse(url)) {
    findings.push(finding(name, 'fail', `"${url}" is not a URL`));
    return { name, kind: 'http', findings };
  }
  lintUrl(name, url, findings);
  if (type === 'sse')
    findings.push(
      finding(
        name,
        'fail',
        'type "sse"',
        'these servers speak Streamable HTTP: "http" (VS Code, Claude Code) or "streamable_http" (MetaMCP)',
      ),
    );
  else if (rootKey === 'servers' && type === undefined)
    findings.push(finding(name, 'warn', 'no "type"', 'VS Code expects "type": "http" for a remote server'));
  const written = headerValue(entry.headers);
  if (!written) {
    findings.push(
      finding(
        name,
        'fail',
        'no Authorization header',
        'the server answers 401 and the client may start an OAuth flow: add headers.Authorization',
      ),
    );
    return { name, kind: 'http', url, findings };
  }
  const authorization = resolveHeader(name, written, env, findings);
  return { name, kind: 'http', url, ...(authorization ? { authorization } : {}), findings };
};

/** `${VAR}` (Claude Code, with an optional `:-default`) and `${env:VAR}` (Cursor). */
const VARIABLE = /\$\{(?:env:)?(\w+)(?::-([^}]*))?\}/g;
/** VS Code's `${input:id}`: a value VS Code asked for once and keeps in its secret storage. */
const INPUT = /\$\{input:([\w.-]+)\}/g;

/**
 * The header the client will send: variables expanded from the environment doctor runs in (the
 * client's own, when started from the same shell). VS Code's prompt cannot be read from outside, so
 * MCP_FR_AUTH stands in for it, the value that prompt asks for.
 */
const resolveHeader = (name: string, written: string, env: Env, findings: CheckResult[]) => {
  const unset = new Set<string>();
  const inputs = new Set<string>();
  const expanded = written
    .replace(INPUT, (_m, id: string) => {
      inputs.add(id);
      return String(env[AUTH_VAR] ?? '');
    })
    .replace(VARIABLE, (_m, variable: string, fallback: string | undefined) => {
      const value = env[variable];
      if (typeof value === 'string' && value !== '') return value;
      if (fallback === undefined) unset.add(variable);
      return fallback ?? '';
    });
  for (const variable of unset)
    findings.push(
      finding(
        name,
        'fail',
        `the header reads \${${variable}}, which is not set here`,
        `export ${variable}='Basic …' where the client starts: without it the client sends the placeholder and gets 401`,
      ),
    );
  if (inputs.size > 0 && !env[AUTH_VAR])
    findings.push(
      finding(
        name,
        'skip',
        `the header is VS Code's prompt \${input:${[...inputs].join(', ')}}: set ${AUTH_VAR} to check with the value you gave it`,
      ),
    );
  return unset.size > 0 || (inputs.size > 0 && !env[AUTH_VAR]) ? undefined : expanded;
};

/**
 * `npx -y mcp-remote <url> --header "Authorization:${MCP_FR_AUTH}"`: mcp-remote expands `${VAR}` from
 * its environment, the entry's `env` over the one the client inherited.
 */
const bridgeEntry = (name: string, args: string[], entryEnv: Json, outer: Env): ConfigEntry => {
  const env = { ...outer, ...entryEnv };
  const findings: CheckResult[] = [];
  const url = args.find((a) => /^https?:\/\//.test(a));
  if (!url || !URL.canParse(url)) {
    findings.push(finding(name, 'fail', 'mcp-remote without a URL'));
    return { name, kind: 'bridge', findings };
  }
  lintUrl(name, url, findings);
  const headerArg = args[args.indexOf('--header') + 1];
  const raw = args.includes('--header') && headerArg ? headerArg : undefined;
  const expanded = raw?.replace(/\$\{(\w+)\}/g, (_m, v: string) => String(env[v] ?? ''));
  const match = expanded ? /^authorization:\s*(.+)$/i.exec(expanded) : null;
  if (raw && /^authorization: /i.test(raw))
    findings.push(
      finding(
        name,
        'warn',
        'a space after "Authorization:"',
        `Claude Desktop on Windows splits the argument there; write ${BRIDGE_HEADER_ARG}`,
      ),
    );
  if (!match?.[1]) findings.push(finding(name, 'fail', 'no --header "Authorization:…" for mcp-remote'));
  return { name, kind: 'bridge', url, ...(match?.[1] ? { authorization: match[1].trim() } : {}), findings };
};

const stdioEntry = (name: string, command: string, args: string[], env: Json): ConfigEntry => {
  const ours = args.some((a) => a.startsWith('@mcp-fr/'));
  const stdio = args.includes('--stdio') || String(env.MCP_TRANSPORT ?? '').toLowerCase() === 'stdio';
  if (ours && !stdio)
    return {
      name,
      kind: 'stdio',
      findings: [
        finding(
          name,
          'fail',
          `${command} ${args.join(' ')}: no --stdio`,
          "the server starts HTTP and its logs corrupt the client's stdout: add --stdio (and env MCP_TRANSPORT=stdio)",
        ),
      ],
    };
  if (ours && args.includes('--no'))
    return {
      name,
      kind: 'stdio',
      findings: [finding(name, 'fail', 'npx --no', 'npx --no swallows the next flag (--stdio): use npx -y')],
    };
  return {
    name,
    kind: 'stdio',
    findings: [
      finding(name, 'skip', `stdio: ${command} ${args.join(' ')} — started by the client, no URL to check`),
    ],
  };
};

/**
 * Reads a client config file (Claude Desktop, Cursor, Claude Code, VS Code, MetaMCP) and returns its
 * servers. A file that does not parse is the most silent failure of all: clients skip it entirely.
 */
export const readClientConfig = (text: string, env: Env = {}): ConfigEntry[] => {
  const errors: ParseError[] = [];
  const tree: unknown = parse(text, errors, { allowTrailingComma: true });
  const first = errors[0];
  if (first)
    throw new CliError(
      `the file is not valid JSON (${printParseErrorCode(first.error)} at offset ${first.offset}): most clients ignore it entirely`,
      1,
    );
  if (!isObject(tree)) throw new CliError('the file does not hold a JSON object', 1);
  const rootKey = isObject(tree.mcpServers) ? 'mcpServers' : isObject(tree.servers) ? 'servers' : undefined;
  if (!rootKey) throw new CliError('no "mcpServers" (or VS Code "servers") object in the file', 1);
  return Object.entries(tree[rootKey] as Json).map(([name, value]) => {
    if (!isObject(value)) return { name, kind: 'stdio', findings: [finding(name, 'fail', 'not an object')] };
    if (typeof value.url === 'string') return httpEntry(name, value, rootKey, env);
    const command = typeof value.command === 'string' ? value.command : '';
    const args = strings(value.args);
    const entryEnv = isObject(value.env) ? value.env : {};
    if (args.includes('mcp-remote')) return bridgeEntry(name, args, entryEnv, env);
    if (command) return stdioEntry(name, command, args, entryEnv);
    return { name, kind: 'stdio', findings: [finding(name, 'fail', 'neither "url" nor "command"')] };
  });
};
