import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { promptHidden, type SecretInput } from './secret.js';

/** A terminal stand-in: records raw-mode switches; typed keys are emitted as data. */
const fakeTty = () => {
  const modes: boolean[] = [];
  const tty = Object.assign(new EventEmitter(), {
    isRaw: false,
    setRawMode: (mode: boolean) => {
      modes.push(mode);
      tty.isRaw = mode;
    },
    setEncoding: () => {},
    resume: () => {},
    pause: () => {},
  }) satisfies SecretInput;
  return { tty, modes };
};

describe('promptHidden', () => {
  it('reads up to Enter in raw mode, echoes nothing, handles backspace, restores the mode', async () => {
    const { tty, modes } = fakeTty();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (d: Buffer) => {
      shown += d.toString();
    });
    const answer = promptHidden(tty, output, 'Password for alice: ');
    tty.emit('data', 's3cr');
    tty.emit('data', 'x\u007fet\r');
    expect(await answer).toBe('s3cret');
    expect(shown).toBe('Password for alice: \n');
    expect(modes).toEqual([true, false]);
  });

  it('Ctrl-C cancels with exit code 130', async () => {
    const { tty } = fakeTty();
    const answer = promptHidden(tty, new PassThrough(), '> ');
    tty.emit('data', 'ab\u0003');
    await expect(answer).rejects.toMatchObject({ message: 'cancelled', exitCode: 130 });
  });
});
