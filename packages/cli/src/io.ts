import { promptHidden } from './secret.js';

/** Everything a command touches outside itself, so tests run commands in-process. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  /** Where relative paths given by the user are resolved (pnpm runs scripts from the root). */
  cwd: string;
  /** Asks without echo; `undefined` when there is no terminal to ask on. */
  readSecret: (prompt: string) => Promise<string | undefined>;
}

export const processIo = (): Io => ({
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.env.INIT_CWD ?? process.cwd(),
  readSecret: async (prompt) =>
    process.stdin.isTTY ? promptHidden(process.stdin, process.stderr, prompt) : undefined,
});
