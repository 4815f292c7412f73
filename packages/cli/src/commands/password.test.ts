import { describe, expect, it } from 'vitest';
import { run } from '../cli.js';
import { captureIo } from '../testing/io.js';

describe('mcp-config gen-password', () => {
  it('prints a 32-character base64url password, its header and the rotation env lines', async () => {
    const io = captureIo();
    expect(await run(['gen-password', '--user', 'alice'], io)).toBe(0);
    const out = io.stdout();
    const password = /^password: (\S+)$/m.exec(out)?.[1] ?? '';
    expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(out).toContain(`AUTH_USERNAME=alice\nAUTH_PASSWORD=${password}`);
    expect(out).toContain(`AUTH_CREDENTIALS=alice:<current password>,alice:${password}`);
    expect(out).toContain(
      `header:   Authorization: Basic ${Buffer.from(`alice:${password}`).toString('base64')}`,
    );
  });

  it('never prints the same password twice and honours --length', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const io = captureIo();
      await run(['gen-password', '--length', '48'], io);
      const password = /^password: (\S+)$/m.exec(io.stdout())?.[1] ?? '';
      expect(password).toHaveLength(48);
      seen.add(password);
    }
    expect(seen.size).toBe(20);
  });

  it('refuses a length under 16', async () => {
    const io = captureIo();
    expect(await run(['gen-password', '--length', '8'], io)).toBe(2);
    expect(io.stderr()).toContain('--length');
  });
});

describe('mcp-config header / hash', () => {
  it('prints the Basic header for a password read from env', async () => {
    const io = captureIo({ env: { PW: 'correct-horse-battery-staple' } });
    expect(await run(['header', '--user', 'tester', '--password-env', 'PW'], io)).toBe(0);
    expect(io.stdout()).toBe('Authorization: Basic dGVzdGVyOmNvcnJlY3QtaG9yc2UtYmF0dGVyeS1zdGFwbGU=\n');
  });

  it('hash --value prints only the value, from the hidden prompt', async () => {
    const io = captureIo({ secret: 'correct-horse-battery-staple' });
    expect(await run(['hash', '--user', 'tester', '--value'], io)).toBe(0);
    expect(io.stdout()).toBe('Basic dGVzdGVyOmNvcnJlY3QtaG9yc2UtYmF0dGVyeS1zdGFwbGU=\n');
  });

  it('has no flag that takes the password itself', async () => {
    const io = captureIo();
    expect(await run(['header', '--user', 'tester', '--password', 'x'], io)).toBe(2);
    expect(io.stderr()).toContain("Unknown option '--password'");
  });
});
