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
// biome-ignore lint/suspicious/noTemplateCurlyInString: the reference Claude Code expands, not ours
const REF = '${MCP_FR_AUTH}';
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
  it('Claude Desktop: the mcp-remote bridge, the header in env, and says why next to the output', async () => {
    const r = await clients([...base, '--client', 'claude-desktop']);
    expect(r.code).toBe(0);
    const config = JSON.parse(r.out) as Record<string, Record<string, Record<string, unknown>>>;
    expect(Object.keys(config.mcpServers ?? {})).toEqual(APPS);
    expect(config.mcpServers?.rdap).toEqual({
      command: 'npx',
      args: [
        '-y',
        'mcp-remote',
        'https://rdap.mcp.example.com/mcp',
        '--header',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal placeholder mcp-remote expands
        'Authorization:${MCP_FR_AUTH}',
      ],
      env: { MCP_FR_AUTH: HEADER },
    });
    expect(r.err).toContain('starts local (stdio) programs only');
    expect(r.err).toContain("does not read your shell's variables");
    expect(r.err).toContain('The Claude Desktop config holds your credential');
    // No url + headers form: current Claude Desktop does not read it from this file.
    expect(r.out).not.toContain('"url"');
  });

  it('claude-desktop-bridge is an alias of claude-desktop', async () => {
    const alias = await clients([...base, '--client', 'claude-desktop-bridge']);
    const canonical = await clients([...base, '--client', 'claude-desktop']);
    expect(alias.code).toBe(0);
    expect(alias.out).toBe(canonical.out);
  });

  it('Claude Code: claude mcp add lines with the reference in single quotes, or the .mcp.json with --json', async () => {
    const r = await clients(['--domain', 'mcp.example.com', '--client', 'claude-code']);
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toEqual(
      APPS.map(
        (app) =>
          `claude mcp add --transport http ${app} https://${app}.mcp.example.com/mcp --header 'Authorization: ${REF}'`,
      ),
    );
    const config = await json('claude-code', ['--json']);
    expect(config.mcpServers?.serp).toEqual({
      type: 'http',
      url: 'https://serp.mcp.example.com/mcp',
      headers: { Authorization: REF },
    });
    expect(r.err).toContain('export MCP_FR_AUTH=');
  });

  it('Cursor: the header from env:MCP_FR_AUTH', async () => {
    const config = await json('cursor');
    expect(config.mcpServers?.annuaire).toEqual({
      url: 'https://annuaire.mcp.example.com/mcp',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Cursor's own interpolation syntax
      headers: { Authorization: '${env:MCP_FR_AUTH}' },
    });
  });

  it('VS Code: servers with type "http", the header from a password input prompt', async () => {
    const config = (await json('vscode')) as unknown as {
      inputs: unknown[];
      servers: Record<string, unknown>;
      mcpServers?: unknown;
    };
    expect(config.mcpServers).toBeUndefined();
    expect(config.inputs).toEqual([
      {
        type: 'promptString',
        id: 'mcp-fr-auth',
        description: expect.stringContaining('MCP_FR_AUTH'),
        password: true,
      },
    ]);
    expect(config.servers.linkedin).toEqual({
      type: 'http',
      url: 'https://linkedin.mcp.example.com/mcp',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: VS Code's input reference
      headers: { Authorization: '${input:mcp-fr-auth}' },
    });
  });

  // What travels (a repository's .mcp.json, .vscode/mcp.json, a pasted command) must not carry the
  // password in any form: clear, in the header, or base64 of the password alone.
  const secrets = [PASSWORD, HEADER, HEADER.slice('Basic '.length), Buffer.from(PASSWORD).toString('base64')];
  it.each([
    ['claude-code', []],
    ['claude-code', ['--json']],
    ['cursor', []],
    ['vscode', []],
  ])('%s %j holds no secret, even when the credential is given', async (client, extra) => {
    const r = await clients([...base, '--client', client, ...extra], { secret: PASSWORD });
    expect(r.code).toBe(0);
    for (const secret of secrets) expect(r.out).not.toContain(secret);
    expect(r.out).toMatch(/\$\{(env:|input:)?(MCP_FR_AUTH|mcp-fr-auth)\}/);
  });

  it.each([['claude-code'], ['cursor'], ['vscode']])(
    '%s writes the header value only with --inline-secret',
    async (client) => {
      const r = await clients([...base, '--client', client, '--json', '--inline-secret']);
      expect(r.code).toBe(0);
      const config = JSON.parse(r.out) as Record<string, Record<string, { headers: object }>>;
      const servers = config.mcpServers ?? config.servers ?? {};
      expect(servers.annuaire?.headers).toEqual({ Authorization: HEADER });
      expect(r.out).not.toContain('${');
      expect('inputs' in config).toBe(false);
      expect(r.err).toContain('holds your credential');
    },
  );

  it('--inline-secret Claude Code lines quote the value for the shell', async () => {
    const r = await clients([...base, '--client', 'claude-code', '--app', 'rdap', '--inline-secret']);
    expect(r.out).toBe(
      `claude mcp add --transport http rdap https://rdap.mcp.example.com/mcp --header 'Authorization: ${HEADER}'\n`,
    );
  });

  it('takes the value that holders need from MCP_FR_AUTH when no --user is given', async () => {
    const io = captureIo({ env: { MCP_FR_AUTH: HEADER } });
    expect(await run(['clients', '--domain', 'mcp.example.com', '--client', 'claude-desktop'], io)).toBe(0);
    expect(JSON.parse(io.stdout()).mcpServers.serp.env).toEqual({ MCP_FR_AUTH: HEADER });
  });

  it('refuses an MCP_FR_AUTH that is not a whole header value, without repeating it', async () => {
    const bare = HEADER.slice('Basic '.length);
    const io = captureIo({ env: { MCP_FR_AUTH: bare } });
    expect(await run(['clients', '--domain', 'mcp.example.com', '--client', 'metamcp'], io)).toBe(2);
    expect(io.stderr()).toContain('MCP_FR_AUTH must hold the whole header value');
    expect(io.stderr()).not.toContain(bare);
  });

  it('MetaMCP: type streamable_http with a description and the value (pasted into its UI)', async () => {
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

  it('prints every client at once, with file locations and notes, and names the configs holding the secret', async () => {
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
    expect(r.out).toContain("# Claude Desktop's config file starts local (stdio) programs only");
    expect(r.err).toContain('The Claude Desktop and MetaMCP configs hold your credential');
    expect(r.err).toContain('export MCP_FR_AUTH="$(pnpm -s mcp-config header --user alice --value)"');
  });

  it('--app and --prefix choose servers and their names', async () => {
    const config = await json('cursor', ['--app', 'rdap', '--app', 'annuaire', '--prefix', 'fr-']);
    expect(Object.keys(config.mcpServers ?? {})).toEqual(['fr-annuaire', 'fr-rdap']);
  });

  it('--app all-in-one: one server instead of five, at https://mcp.<domain>/mcp or locally after the five', async () => {
    const remote = await json('cursor', ['--app', 'all-in-one']);
    expect(remote.mcpServers).toEqual({
      'all-in-one': {
        url: 'https://mcp.mcp.example.com/mcp',
        headers: { Authorization: `\${env:MCP_FR_AUTH}` },
      },
    });
    const local = await clients(['--local', '--app', 'all-in-one', '--client', 'claude-code']);
    expect(local.out.trim()).toBe(
      `claude mcp add --transport http all-in-one http://127.0.0.1:8086/mcp --header 'Authorization: ${REF}'`,
    );
    const stdio = await clients(['--client', 'stdio', '--app', 'all-in-one']);
    expect(JSON.parse(stdio.out).mcpServers['all-in-one'].args).toEqual([
      '-y',
      '@mcp-fr/all-in-one',
      '--stdio',
    ]);
    // Without --app, the five: the all-in-one would list their tools a second time.
    expect(Object.keys((await json('cursor')).mcpServers ?? {})).toEqual(APPS);
  });

  it('takes the password from the hidden prompt when no env variable is named', async () => {
    const r = await clients(
      ['--domain', 'mcp.example.com', '--user', 'alice', '--client', 'claude-desktop'],
      {
        secret: PASSWORD,
      },
    );
    expect(JSON.parse(r.out).mcpServers.annuaire.env.MCP_FR_AUTH).toBe(HEADER);
  });

  it('a bearer token from env replaces user and password', async () => {
    const io = captureIo({ env: { TOKEN: 'tok-0123456789abcdef0123456789' } });
    await run(
      [
        'clients',
        '--domain',
        'mcp.example.com',
        '--token-env',
        'TOKEN',
        '--client',
        'vscode',
        '--inline-secret',
      ],
      io,
    );
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
    [['--domain', 'mcp.example.com', '--client', 'claude-desktop'], 'or MCP_FR_AUTH set to the header value'],
    [['--local', '--domain', 'mcp.example.com', '--client', 'cursor'], '--local and --domain'],
    [
      ['--domain', 'mcp.example.com', '--start-port', '9000', '--client', 'cursor'],
      '--start-port needs --local',
    ],
    [['--local', '--start-port', '65534', '--client', 'cursor'], '--start-port: a port from 1 to 65530'],
    [['--local', '--start-port', 'http', '--client', 'cursor'], '--start-port: a port from 1 to 65530'],
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
    const merged = parse(text) as { inputs: { id: string }[]; servers: Record<string, { url: string }> };
    // The prompt the headers refer to joins the user's own inputs, once however often it is written.
    expect(merged.inputs.map((i) => i.id)).toEqual(['gh', 'mcp-fr-auth']);
    for (const secret of [PASSWORD, HEADER]) expect(text).not.toContain(secret);
    expect(merged.servers.github?.url).toBe('https://api.githubcopilot.com/mcp/');
    expect(merged.servers.annuaire?.url).toBe('https://annuaire.mcp.example.com/mcp');
    expect(Object.keys(merged.servers)).toEqual(['github', ...APPS]);
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(original);
    expect(io.stderr()).toContain(
      'added serp, rdap, linkedin, siret-extractor; replaced annuaire; kept 1 other server(s)',
    );
    const again = captureIo({ env: { PW: PASSWORD }, cwd: work });
    expect(await run(['clients', ...base, '--client', 'vscode', '--write', '.vscode/mcp.json'], again)).toBe(
      0,
    );
    const twice = parse(readFileSync(file, 'utf8')) as { inputs: { id: string }[] };
    expect(twice.inputs.map((i) => i.id)).toEqual(['gh', 'mcp-fr-auth']);
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
