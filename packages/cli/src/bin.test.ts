import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exec } from './exec.js';

// The workspace bin (what `pnpm mcp-config` runs): TypeScript sources through tsx, a real process.
const bin = fileURLToPath(new URL('../bin/mcp-config.js', import.meta.url));

const mcpConfig = (args: string[], env: Record<string, string> = {}) =>
  exec(process.execPath, [bin, ...args], {
    cwd: process.cwd(),
    env: { PATH: process.env.PATH ?? '', ...env },
    stdin: 'empty',
  });

describe('bin/mcp-config.js', () => {
  it('runs a command and exits 0', async () => {
    const r = await mcpConfig(['header', '--user', 'ops', '--password-env', 'PW', '--value'], {
      PW: 's3cret-example-passw0rd',
    });
    expect(r).toMatchObject({ code: 0, stdout: 'Basic b3BzOnMzY3JldC1leGFtcGxlLXBhc3N3MHJk\n', stderr: '' });
  });

  it('without a terminal, refuses to prompt and says how to pass the password, exit 2', async () => {
    const r = await mcpConfig(['clients', '--domain', 'mcp.example.com', '--user', 'ops']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'mcp-config clients: no terminal to prompt for the password: set --password-env VAR (VAR holding the password)\n',
    );
  });

  it('prints the usage for help, and exits 2 on an unknown command', async () => {
    const help = await mcpConfig(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['clients', 'doctor', 'gen-password', 'header'])
      expect(help.stdout).toContain(`mcp-config ${command}`);
    const unknown = await mcpConfig(['deploy']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "deploy"');
  });
});
