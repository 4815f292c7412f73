import type { Writable } from 'node:stream';
import { CliError } from './cli-error.js';

/** The subset of a TTY read stream the prompt needs (a test passes a fake). */
export interface SecretInput extends NodeJS.EventEmitter {
  isRaw?: boolean;
  setRawMode?: (mode: boolean) => unknown;
  setEncoding: (encoding: BufferEncoding) => unknown;
  resume: () => unknown;
  pause: () => unknown;
}

/**
 * Reads one line from a terminal in raw mode so nothing is echoed: the password never appears on
 * screen, in scrollback, or in shell history (which a flag would put it in).
 */
export const promptHidden = (input: SecretInput, output: Writable, prompt: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const wasRaw = input.isRaw === true;
    let value = '';
    const cleanup = () => {
      input.removeListener('data', onData);
      input.setRawMode?.(wasRaw);
      input.pause();
      output.write('\n');
    };
    const onData = (chunk: string | Buffer) => {
      for (const ch of chunk.toString()) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          cleanup();
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          cleanup();
          reject(new CliError('cancelled', 130));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    output.write(prompt);
    input.setRawMode?.(true);
    input.setEncoding('utf8');
    input.on('data', onData);
    input.resume();
  });
