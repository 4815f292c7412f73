import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter } from './retry.js';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-26T09:00:00Z');

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('1', now)).toBe(1000);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
    expect(parseRetryAfter('0', now)).toBe(0);
  });

  it('reads an HTTP date relative to now, and clamps a past date to 0', () => {
    expect(parseRetryAfter('Thu, 26 Nov 2026 09:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Thu, 26 Nov 2026 08:59:00 GMT', now)).toBe(0);
  });

  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  const options = { baseMs: 100, maxMs: 1000 };

  it('doubles per attempt, jittered between half and all of it', () => {
    expect(backoffDelay(0, options, () => 0)).toBe(50);
    expect(backoffDelay(0, options, () => 1)).toBe(100);
    expect(backoffDelay(2, options, () => 0)).toBe(200);
    expect(backoffDelay(2, options, () => 1)).toBe(400);
  });

  it('is capped at maxMs', () => {
    expect(backoffDelay(10, options, () => 1)).toBe(1000);
  });
});
