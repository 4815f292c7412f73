import { describe, expect, it } from 'vitest';
import { guessablePasswords } from './auth/strength.js';
import { prepareServer, StartupError } from './server.js';
import { exampleServer } from './testing/example-server.js';
import { exampleEntry, spawnServer } from './testing/process.js';

const prepare = (env: Record<string, string>) => () => prepareServer(exampleServer, { env, argv: [] });
const production = (password: string) =>
  prepare({ NODE_ENV: 'production', AUTH_USERNAME: 'ops', AUTH_PASSWORD: password });

describe('production passwords', { timeout: 60_000 }, () => {
  it.each(['Password1234', 'changeme1234', 'fifteen-chars-x'])(
    'refuses %s: shorter than 16 characters',
    async (password) => {
      await expect(production(password)()).rejects.toThrow(/shorter than 16 characters/);
    },
  );

  it('judges guessability with zxcvbn (score >= 3): dictionary words, keyboard walks and digit runs fail', async () => {
    const users = (passwords: string[]) => passwords.map((password) => ({ username: 'ops', password }));
    const weak = ['Password1234', 'changeme1234', 'Password12345678', 'azertyuiop123456', '1234567890123456'];
    const problems = await guessablePasswords(users(weak));
    expect(problems).toHaveLength(weak.length);
    for (const p of problems)
      expect(p).toMatch(/the password of "ops" is guessable \(zxcvbn score [0-2] < 3\)/);
    for (const w of weak) expect(problems.join(' ')).not.toContain(w);
    const strong = ['kT9w-vQ2r_Lm8xZp4nB', 'a-Strong-passphrase-42', 'correct-horse-battery-staple'];
    expect(await guessablePasswords(users(strong))).toEqual([]);
  });

  it('a real production process with a long but guessable password exits 1 with one line', async () => {
    const proc = spawnServer(exampleEntry, {
      env: { NODE_ENV: 'production', AUTH_USERNAME: 'ops', AUTH_PASSWORD: 'Password12345678', PORT: '0' },
    });
    expect(await proc.exited).toBe(1);
    const lines = proc.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/refusing to start: the password of "ops" is guessable/);
    expect(proc.stderr() + proc.stdout()).not.toContain('Password12345678');
  });
});

describe('bind address', () => {
  it('outside production with a generated password, binds 127.0.0.1 unless HOST is set', async () => {
    expect((await prepare({ NODE_ENV: 'development' })()).host).toBe('127.0.0.1');
    expect((await prepare({ NODE_ENV: 'development', HOST: '0.0.0.0' })()).host).toBe('0.0.0.0');
    expect(
      (await prepare({ NODE_ENV: 'development', AUTH_USERNAME: 'u', AUTH_PASSWORD: 'p-long-enough-1' })())
        .host,
    ).toBe('0.0.0.0');
  });
});

describe('TRUST_PROXY', { timeout: 30_000 }, () => {
  it('accepts addresses, CIDR ranges and proxy-addr keywords', async () => {
    await expect(
      prepare({ TRUST_PROXY: '10.0.0.0/8, 172.16.0.0/12, ::1, loopback, uniquelocal' })(),
    ).resolves.toBeDefined();
  });

  it('refuses a bad value with the variable and the entry named', async () => {
    await expect(prepare({ TRUST_PROXY: '10.0.0.0/8,traefik' })()).rejects.toThrow(StartupError);
    await expect(prepare({ TRUST_PROXY: '10.0.0.0/8,traefik' })()).rejects.toThrow(
      /TRUST_PROXY: "traefik" is not/,
    );
  });

  it('a real process with a bad TRUST_PROXY exits 1 with one clear line, not a TypeError', async () => {
    const proc = spawnServer(exampleEntry, {
      env: {
        PORT: '0',
        HOST: '127.0.0.1',
        TRUST_PROXY: '10.0.0.300/8',
        AUTH_USERNAME: 'u',
        AUTH_PASSWORD: 'p-long-enough-1',
      },
    });
    expect(await proc.exited).toBe(1);
    const lines = proc.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/refusing to start: TRUST_PROXY: "10\.0\.0\.300\/8" is not/);
    expect(proc.stderr()).not.toMatch(/TypeError|\n\s+at /);
  });
});
