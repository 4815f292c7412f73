import type { Io } from '../io.js';

export interface CapturedIo extends Io {
  stdout: () => string;
  stderr: () => string;
}

/** An Io for in-process command tests: captured output, a given env, an optional typed secret. */
export const captureIo = (
  options: { env?: Record<string, string>; cwd?: string; secret?: string } = {},
): CapturedIo => {
  let out = '';
  let err = '';
  return {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    readSecret: async () => options.secret,
    stdout: () => out,
    stderr: () => err,
  };
};
