import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'jsonc-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../cli.js';
import { captureIo } from '../testing/io.js';

const PASSWORD = 'pa55-word:with-colon';
// base64("alice:pa55-word:with-colon"), computed independently of the code under test.
const HEADER = 'Basic YWxpY2U6cGE1NS13b3JkOndpdGgtY29sb24=';
const APPS = ['annuaire', 'serp', 'rdap', 'linkedin', 'siret-extractor'];
const work = mkdtempSync(join(tmpdir(), 'mcp-cli-clients-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const clients = async (args: string[], options: { secret?: string } = {}) => {
  const io = captureIo({ env: { PW: PASSWORD }, cwd: work, ...options });
  const code = await run(['clients', ...args], io);
  return { code, out: io.stdout(), err: io.stderr() };
};
const base = ['--domain', 'mcp.example.com', '--user', 'alice', '--password-env', 'PW'];
const json = async (client: string, extra: string[] = []) => {
  const r = await clients([...base, '--client', client, ...extra]);
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as Record<string, Record<string, Record<string, unknown>>>;
};

describe('mcp-config clients', () => {
  it('Claude Desktop: mcpServers with url and the computed Basic header for all five servers', async () => {
    const config = await json('claude-desktop');
    expect(Object.keys(config.mcpServers ?? {})).toEqual(APPS);
    expect(config.mcpServers?.annuaire).toEqual({
      url: 'https://annuaire.mcp.example.com/mcp',
      headers: { Authorization: HEADER },
    });
    expect(config.mcpServers?.['siret-extractor']?.url).toBe('https://siret-extractor.mcp.example.com/mcp');
  });

  it('mcp-remote bridge: the header comes from env, with no space after the colon', async () => {
    const config = await json('claude-desktop-bridge');
    expect(config.mcpServers?.rdap).toEqual({
      command: 'npx',
      args: [
        '-y',
        'mcp-remote',
        'https://rdap.mcp.example.com/mcp',
        '--header',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal placeholder mcp-remote expands
        'Authorization:${AUTH_HEADER}',
      ],
      env: { AUTH_HEADER: HEADER },
    });
  });

  it('Claude Code: one claude mcp add line per server, or the .mcp.json with --json', async () => {
    const r = await clients([...base, '--client', 'claude-code']);
    expect(r.out.trim().split('\n')).toEqual(
      APPS.map(
        (app) =>
          `claude mcp add --transport http ${app} https://${app}.mcp.example.com/mcp --header "Authorization: ${HEADER}"`,
      ),
    );
    const config = await json('claude-code', ['--json']);
    expect(config.mcpServers?.serp).toEqual({
      type: 'http',
      url: 'https://serp.mcp.example.com/mcp',
      headers: { Authorization: HEADER },
    });
  });

  it('VS Code: servers with type "http"', async () => {
    const config = await json('vscode');
    expect(config.mcpServers).toBeUndefined();
    expect(config.servers?.linkedin).toEqual({
      type: 'http',
      url: 'https://linkedin.mcp.example.com/mcp',
      headers: { Authorization: HEADER },
    });
  });

  it('MetaMCP: type streamable_http with a description', async () => {
    const config = await json('metamcp');
    expect(config.mcpServers?.annuaire).toMatchObject({
      type: 'streamable_http',
      url: 'https://annuaire.mcp.example.com/mcp',
      headers: { Authorization: HEADER },
    });
    expect(config.mcpServers?.annuaire?.description).toContain("API Recherche d'entreprises");
  });

  it('stdio: npx -y @mcp-fr/<app> --stdio, no domain and no password needed', async () => {
    const r = await clients(['--client', 'stdio']);
    expect(r.code).toBe(0);
    const config = JSON.parse(r.out) as {
      mcpServers: Record<string, { command: string; args: string[]; env: object }>;
    };
    expect(config.mcpServers.annuaire).toEqual({
      command: 'npx',
      args: ['-y', '@mcp-fr/annuaire', '--stdio'],
      env: { MCP_TRANSPORT: 'stdio', LOG_LEVEL: 'warn' },
    });
    expect(config.mcpServers.serp?.env).toEqual({
      MCP_TRANSPORT: 'stdio',
      LOG_LEVEL: 'warn',
      SERPER_API_KEY: '',
      SERPAPI_API_KEY: '',
      BRAVE_API_KEY: '',
      SEARXNG_URL: '',
    });
  });

  it('prints every client at once, with file locations, and warns on stderr about the secret', async () => {
    const r = await clients(base);
    expect(r.code).toBe(0);
    for (const title of [
      '## Claude Desktop',
      '## Claude Code',
      '## Cursor',
      '## VS Code',
      '## MetaMCP',
      '## Local stdio',
    ])
      expect(r.out).toContain(title);
    expect(r.out).toContain('~/Library/Application Support/Claude/claude_desktop_config.json');
    expect(r.out).toContain('%APPDATA%\\Claude\\claude_desktop_config.json');
    expect(r.out).toContain('~/.cursor/mcp.json');
    expect(r.err).toContain('keep them out of git');
  });

  it('--app and --prefix choose servers and their names', async () => {
    const config = await json('cursor', ['--app', 'rdap', '--app', 'annuaire', '--prefix', 'fr-']);
    expect(Object.keys(config.mcpServers ?? {})).toEqual(['fr-annuaire', 'fr-rdap']);
  });

  it('takes the password from the hidden prompt when no env variable is named', async () => {
    const r = await clients(['--domain', 'mcp.example.com', '--user', 'alice', '--client', 'cursor'], {
      secret: PASSWORD,
    });
    expect(JSON.parse(r.out).mcpServers.annuaire.headers.Authorization).toBe(HEADER);
  });

  it('a bearer token from env replaces user and password', async () => {
    const io = captureIo({ env: { TOKEN: 'tok-0123456789abcdef0123456789' } });
    await run(['clients', '--domain', 'mcp.example.com', '--token-env', 'TOKEN', '--client', 'vscode'], io);
    expect(JSON.parse(io.stdout()).servers.serp.headers.Authorization).toBe(
      'Bearer tok-0123456789abcdef0123456789',
    );
  });

  it.each([
    [['--domain', 'mcp.example.com', '--user', 'alice'], 'no terminal to prompt for the password'],
    [['--domain', 'mcp.example.com', '--user', 'alice', '--password-env', 'NOPE'], 'NOPE is not set'],
    [
      ['--domain', 'https://mcp.example.com', '--user', 'a', '--password-env', 'PW'],
      'not a bare domain name',
    ],
    [['--user', 'alice', '--password-env', 'PW'], '--domain is required'],
    [['--domain', 'mcp.example.com', '--password-env', 'PW'], '--password-env needs --user'],
    [[...base, '--client', 'zed'], 'unknown client "zed"'],
    [[...base, '--app', 'pappers'], 'unknown app pappers'],
    [[...base, '--write', 'x.json'], '--write needs --client'],
    [[...base, '--password', 'secret'], "Unknown option '--password'"],
  ])('refuses %j with a one-line error, exit 2', async (args, message) => {
    const r = await clients(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.out).toBe('');
  });
});

describe('mcp-config clients --write', () => {
  it('merges into an existing VS Code mcp.json, keeping other servers, inputs and comments', async () => {
    const file = join(work, '.vscode', 'mcp.json');
    const original = `// my servers
{
  "inputs": [{ "type": "promptString", "id": "gh", "password": true }],
  "servers": {
    "github": { "type": "http", "url": "https://api.githubcopilot.com/mcp/" },
    "annuaire": { "type": "http", "url": "https://old.example.org/mcp" }
  }
}
`;
    // Missing file and folder: created, private to the user (the file holds the credential).
    const io0 = captureIo({ env: { PW: PASSWORD }, cwd: work });
    expect(await run(['clients', ...base, '--client', 'vscode', '--write', '.vscode/mcp.json'], io0)).toBe(0);
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')).servers)).toEqual(APPS);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    writeFileSync(file, original);
    const io = captureIo({ env: { PW: PASSWORD }, cwd: work });
    expect(await run(['clients', ...base, '--client', 'vscode', '--write', '.vscode/mcp.json'], io)).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('// my servers')).toBe(true);
    const merged = parse(text) as { inputs: unknown[]; servers: Record<string, { url: string }> };
    expect(merged.inputs).toHaveLength(1);
    expect(merged.servers.github?.url).toBe('https://api.githubcopilot.com/mcp/');
    expect(merged.servers.annuaire?.url).toBe('https://annuaire.mcp.example.com/mcp');
    expect(Object.keys(merged.servers)).toEqual(['github', ...APPS]);
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(original);
    expect(io.stderr()).toContain(
      'added serp, rdap, linkedin, siret-extractor; replaced annuaire; kept 1 other server(s)',
    );
  });

  it('leaves a file that is not valid JSON untouched', async () => {
    const file = join(work, 'broken.json');
    writeFileSync(file, '{ "mcpServers": { "x": ');
    const io = captureIo({ env: { PW: PASSWORD }, cwd: work });
    expect(await run(['clients', ...base, '--client', 'cursor', '--write', file], io)).toBe(2);
    expect(io.stderr()).toContain('not valid JSON');
    expect(readFileSync(file, 'utf8')).toBe('{ "mcpServers": { "x": ');
  });
});
