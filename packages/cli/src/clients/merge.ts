import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  applyEdits,
  type FormattingOptions,
  modify,
  type ParseError,
  parse,
  printParseErrorCode,
} from 'jsonc-parser';
import { CliError } from '../cli-error.js';

export interface MergeResult {
  text: string;
  added: string[];
  replaced: string[];
  /** Servers already in the file that we left alone. */
  kept: string[];
}

const FORMAT: FormattingOptions = { insertSpaces: true, tabSize: 2, eol: '\n' };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A VS Code `inputs` entry (`promptString`), matched by `id`. */
export interface InputDefinition {
  id: string;
  [key: string]: unknown;
}

/** Sets each input by id in the `inputs` array (created when missing); other inputs stay. */
const mergeInputs = (text: string, tree: Record<string, unknown>, inputs: readonly InputDefinition[]) => {
  const current = tree.inputs;
  if (inputs.length === 0) return text;
  if (current !== undefined && !Array.isArray(current))
    throw new CliError('"inputs" in the file is not an array; nothing written');
  if (current === undefined)
    return applyEdits(text, modify(text, ['inputs'], inputs, { formattingOptions: FORMAT }));
  let out = text;
  let length = current.length;
  for (const input of inputs) {
    const at = current.findIndex((i) => isObject(i) && i.id === input.id);
    const index = at === -1 ? length++ : at;
    out = applyEdits(
      out,
      modify(out, ['inputs', index], input, { formattingOptions: FORMAT, isArrayInsertion: at === -1 }),
    );
  }
  return out;
};

/**
 * Sets `<rootKey>.<name>` for each server in a client config (and VS Code's `inputs` prompts by id),
 * through jsonc-parser edits: every other server, every other key, comments (VS Code's mcp.json is
 * JSONC) and formatting stay as they were.
 */
export const mergeServers = (
  existing: string,
  rootKey: string,
  servers: Record<string, unknown>,
  inputs: readonly InputDefinition[] = [],
): MergeResult => {
  const source = existing.trim() === '' ? '{}\n' : existing;
  const errors: ParseError[] = [];
  const tree: unknown = parse(source, errors, { allowTrailingComma: true });
  const firstError = errors[0];
  if (firstError)
    throw new CliError(
      `the file is not valid JSON (${printParseErrorCode(firstError.error)} at offset ${firstError.offset}); nothing written`,
    );
  if (!isObject(tree)) throw new CliError('the file does not hold a JSON object; nothing written');
  const current = tree[rootKey];
  if (current !== undefined && !isObject(current))
    throw new CliError(`"${rootKey}" in the file is not an object; nothing written`);
  const before = isObject(current) ? Object.keys(current) : [];

  let text = mergeInputs(source, tree, inputs);
  for (const [name, value] of Object.entries(servers)) {
    text = applyEdits(text, modify(text, [rootKey, name], value, { formattingOptions: FORMAT }));
  }
  const names = Object.keys(servers);
  return {
    text: text.endsWith('\n') ? text : `${text}\n`,
    added: names.filter((n) => !before.includes(n)),
    replaced: names.filter((n) => before.includes(n)),
    kept: before.filter((n) => !names.includes(n)),
  };
};

/**
 * Merges into a file on disk: creates it (and its folder) when missing, keeps a `.bak` copy of the
 * previous version, and replaces it atomically so a client never reads half a file.
 */
export const mergeIntoFile = async (
  path: string,
  rootKey: string,
  servers: Record<string, unknown>,
  inputs: readonly InputDefinition[] = [],
): Promise<MergeResult & { backup?: string }> => {
  const exists = existsSync(path);
  const existing = exists ? await readFile(path, 'utf8') : '';
  const result = mergeServers(existing, rootKey, servers, inputs);
  await mkdir(dirname(path), { recursive: true });
  let backup: string | undefined;
  if (exists) {
    backup = `${path}.bak`;
    await copyFile(path, backup);
  }
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, result.text, { mode: 0o600 });
  await rename(temp, path);
  return backup ? { ...result, backup } : result;
};
