import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_IN_ONE, APPS, appDirs, DEPLOYABLES, ROOT } from './repo.js';

/** What the tests need of a zod object: its shape, each field able to parse `undefined` to its default. */
interface Field {
  safeParse: (value: unknown) => { success: boolean; data?: unknown };
}
const isZodObject = (value: unknown): value is { shape: Record<string, Field> } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { safeParse?: unknown }).safeParse === 'function' &&
  typeof (value as { shape?: unknown }).shape === 'object';

/** Every variable of every zod object a config module exports, with its default ('' when none). */
const schemaVariables = async (module: string): Promise<Map<string, string>> => {
  const exports = (await import(join(ROOT, module))) as Record<string, unknown>;
  const variables = new Map<string, string>();
  for (const value of Object.values(exports).filter(isZodObject)) {
    for (const [name, field] of Object.entries(value.shape)) {
      const parsed = field.safeParse(undefined);
      variables.set(name, parsed.success && parsed.data !== undefined ? String(parsed.data) : '');
    }
  }
  return variables;
};

interface Entry {
  name: string;
  value: string;
  comment: string;
}

/** `# meaning` then `NAME=default`, for every variable. */
const exampleEntries = (path: string): Entry[] => {
  const lines = readFileSync(join(ROOT, path), 'utf8').split('\n');
  return lines.flatMap((line, i) => {
    const m = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (!m) return [];
    const previous = lines[i - 1] ?? '';
    return [{ name: m[1]!, value: m[2]!, comment: previous.startsWith('# ') ? previous.slice(2) : '' }];
  });
};

// The root file holds what every app reads (core); each app's file holds its own variables. A variable
// added to a schema without a line here fails with its name, so the examples cannot drift.
const files = [
  { example: '.env.example', config: 'packages/core/src/config.ts' },
  ...APPS.filter((app) => existsSync(join(ROOT, 'apps', app, 'src/config.ts'))).map((app) => ({
    example: `apps/${app}/.env.example`,
    config: `apps/${app}/src/config.ts`,
  })),
];

// The all-in-one has no file of its own: it reads the five apps' variables, under the same names, so
// their files (and one .env) serve it unchanged.
describe(`apps/${ALL_IN_ONE}/src/config.ts`, () => {
  it('reads exactly the variables of the five apps, with their defaults', async () => {
    expect([...appDirs()].sort()).toEqual([...DEPLOYABLES].sort());
    const theirs = new Map<string, string>();
    for (const app of APPS)
      for (const entry of await schemaVariables(`apps/${app}/src/config.ts`)) theirs.set(...entry);
    const ours = await schemaVariables(`apps/${ALL_IN_ONE}/src/config.ts`);
    expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort());
    expect(Object.fromEntries(ours)).toEqual(Object.fromEntries(theirs));
  });
});

describe.each(files)('$example', ({ example, config }) => {
  it(`exists beside ${config}`, () => {
    expect(existsSync(join(ROOT, example)), `create ${example}`).toBe(true);
  });

  it(`lists every variable of ${config}, and no other`, async () => {
    const variables = await schemaVariables(config);
    expect(variables.size).toBeGreaterThan(0);
    const listed = exampleEntries(example).map((e) => e.name);
    const missing = [...variables.keys()].filter((name) => !listed.includes(name));
    const stale = listed.filter((name) => !variables.has(name));
    expect(missing, `variables of ${config} missing from ${example}`).toEqual([]);
    expect(stale, `variables of ${example} that ${config} does not read`).toEqual([]);
    expect(new Set(listed).size, `a variable listed twice in ${example}`).toBe(listed.length);
  });

  it(`gives each variable the default of ${config} and a one-line meaning`, async () => {
    const variables = await schemaVariables(config);
    for (const entry of exampleEntries(example)) {
      if (!variables.has(entry.name)) continue;
      expect(entry.value, `${example}: ${entry.name} should be its default`).toBe(variables.get(entry.name));
      expect(
        entry.comment.length,
        `${example}: ${entry.name} needs a "# meaning" line above it`,
      ).toBeGreaterThan(5);
    }
  });
});
