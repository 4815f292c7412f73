import { describe, expect, it } from 'vitest';
import { boundedMemo } from './memo.js';

describe('boundedMemo', () => {
  it('computes once per distinct key, including undefined answers', () => {
    const seen: string[] = [];
    const memo = boundedMemo((k) => {
      seen.push(k);
      return k === 'none' ? undefined : k.length;
    }, 10);
    expect([memo('ab'), memo('ab'), memo('none'), memo('none'), memo('abc')]).toEqual([
      2,
      2,
      undefined,
      undefined,
      3,
    ]);
    expect(seen).toEqual(['ab', 'none', 'abc']);
  });

  it('never holds more than max keys: a flood of distinct keys starts it afresh', () => {
    const seen: string[] = [];
    const memo = boundedMemo((k) => {
      seen.push(k);
      return k;
    }, 3);
    for (const k of ['a', 'b', 'c', 'd', 'a']) memo(k);
    // 'd' found it full (a, b, c) and cleared it, so 'a' is computed again.
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'a']);
  });

  it('remembers only the answers worth keeping', () => {
    const seen: string[] = [];
    const memo = boundedMemo(
      (k) => {
        seen.push(k);
        return k.startsWith('ok');
      },
      10,
      (ok) => ok,
    );
    for (const k of ['ok-1', 'bad', 'ok-1', 'bad']) memo(k);
    expect(seen).toEqual(['ok-1', 'bad', 'bad']);
  });
});
