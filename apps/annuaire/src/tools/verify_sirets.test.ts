import { createToolRegistry } from '@mcp/core';
import { startReplayServer, toolContext } from '@mcp/core/testing';
import { describe, expect, it } from 'vitest';
import { fixture, harness, sc, useReplayHarness } from '../testing/fixtures.js';

const env = useReplayHarness();

type Line = {
  input: string;
  kind: string | null;
  valid: boolean;
  register: string | null;
  company_name: string | null;
};

describe('verify_sirets', () => {
  it('answers one line per input in order, with one register check per distinct SIREN or SIRET', async () => {
    const ids = [
      '356 000 000',
      'FR39356000000',
      '880 878 145 00015',
      '880878146',
      'not a number',
      '552081317',
      '356000000',
    ];
    const out = sc(await env.h.call('verify_sirets', { ids }));
    const lines = out.results as Line[];
    expect(lines.map((l) => [l.input, l.kind, l.valid, l.register, l.company_name])).toEqual([
      ['356 000 000', 'siren', true, 'active', 'LA POSTE'],
      ['FR39356000000', 'tva', true, 'active', 'LA POSTE'],
      ['880 878 145 00015', 'siret', true, 'closed', 'GANYMEDE'],
      ['880878146', 'siren', false, null, null],
      ['not a number', null, false, null, null],
      ['552081317', 'siren', true, 'not_found', null],
      ['356000000', 'siren', true, 'active', 'LA POSTE'],
    ]);
    expect(out.totals).toEqual({
      inputs: 7,
      valid: 5,
      invalid: 2,
      active: 3,
      closed: 1,
      unknown: 1,
      unchecked: 0,
    });
    expect(out.register_checks).toBe(3);
    expect(env.upstream.requests.map((r) => r.query.get('q')).sort()).toEqual([
      '356000000',
      '552081317',
      '88087814500015',
    ]);
  });

  it('costs no request for checksums only', async () => {
    const out = sc(
      await env.h.call('verify_sirets', { ids: ['356000000', '35600000000049'], check_register: false }),
    );
    expect((out.results as Line[]).map((l) => [l.valid, l.register])).toEqual([
      [true, 'unchecked'],
      [false, null],
    ]);
    expect(env.upstream.requests).toHaveLength(0);
  });

  it('takes a fractional time budget (the fuzzer found AbortSignal.timeout refusing 10.9 s)', async () => {
    const res = await env.h.call('verify_sirets', { ids: ['356000000'], max_seconds: 10.929453353464922 });
    expect(res.isError).toBeFalsy();
    expect((sc(res).totals as { active: number }).active).toBe(1);
  });

  it('refuses more than 300 values, naming the field', async () => {
    const res = await env.h.call('verify_sirets', { ids: Array.from({ length: 301 }, () => '356000000') });
    expect(res.isError).toBe(true);
    expect(JSON.stringify(res.content)).toContain('ids');
  });

  it('marks what the deadline left unchecked instead of dropping it, and reports progress', async () => {
    // A slow register: each answer takes 700 ms; 12 distinct SIRENs cannot all be checked within 1 s.
    const slow = await startReplayServer(() => ({ delayMs: 700, body: fixture('empty') }));
    const h = harness(slow.url);
    // Twelve Luhn-valid SIRENs the register does not know.
    const sirens = ['009', '017', '025', '033', '041', '058', '066', '074', '082', '090', '108', '116'].map(
      (end) => `100000${end}`,
    );
    const ticks: number[] = [];
    try {
      const res = await createToolRegistry(h.tools).call(
        'verify_sirets',
        { ids: ['abc', ...sirens], max_seconds: 1 },
        toolContext({ progress: async (done) => void ticks.push(done) }),
      );
      const out = sc(res);
      const lines = out.results as Array<Line & { unchecked_reason: string | null }>;
      expect(lines).toHaveLength(13);
      expect(lines.map((l) => l.input)).toEqual(['abc', ...sirens]);
      expect(lines.slice(1).every((l) => l.valid)).toBe(true);
      const late = lines.filter((l) => l.register === 'unchecked');
      expect(late.length).toBeGreaterThan(0);
      expect(late.every((l) => l.unchecked_reason === 'deadline')).toBe(true);
      const totals = out.totals as { unknown: number; unchecked: number };
      expect(totals.unknown + totals.unchecked).toBe(12);
      expect(out.note).toContain('not checked within 1 s');
      expect(ticks.length).toBe(totals.unknown);
    } finally {
      await h.close();
      await slow.close();
    }
  });
});
