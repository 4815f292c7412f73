import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPerturbation, outcomeOf, perturbedJson, runPerturbations } from './perturb.js';

const body = { name: 'ACME', n: '12', tags: ['a', 1], nested: { ok: true } };

describe('perturbation generator', () => {
  it('leaves the original untouched and describes each edit with its JSON path', () => {
    const p = applyPerturbation(body, [{ op: 'null', node: 0, variant: 0 }]);
    expect(p.value).toEqual({ ...body, name: null });
    expect(p.edits).toEqual(['null $.name: "ACME" → null']);
    expect(body.name).toBe('ACME');
  });

  it('flips scalar types, drops keys, wraps scalars and empties values', () => {
    expect(applyPerturbation(body, [{ op: 'flip_type', node: 1, variant: 0 }]).value).toMatchObject({
      n: 12,
    });
    expect(applyPerturbation(body, [{ op: 'flip_type', node: 0, variant: 1 }]).value).toMatchObject({
      name: true,
    });
    expect(applyPerturbation(body, [{ op: 'drop', node: 0, variant: 0 }]).value).not.toHaveProperty('name');
    expect(applyPerturbation(body, [{ op: 'drop', node: 3, variant: 0 }]).value).toMatchObject({ tags: [1] });
    expect(applyPerturbation(body, [{ op: 'wrap', node: 0, variant: 0 }]).value).toMatchObject({
      name: ['ACME'],
    });
    expect(applyPerturbation(body, [{ op: 'empty', node: 2, variant: 0 }]).value).toMatchObject({ tags: [] });
    expect(applyPerturbation(body, [{ op: 'empty', node: 0, variant: 0 }]).value).toMatchObject({ name: '' });
  });

  it('always produces a JSON-serialisable value and names at least one edit', () => {
    fc.assert(
      fc.property(perturbedJson(body), (p) => {
        expect(JSON.parse(JSON.stringify(p.value))).toEqual(p.value);
        expect(p.edits.length).toBeGreaterThan(0);
      }),
      { numRuns: 300, seed: 1 },
    );
  });

  it('reads the code of a tool error from its JSON text item; any other shape is untyped', () => {
    expect(outcomeOf({ content: [] })).toBe('result');
    expect(
      outcomeOf({ isError: true, structuredContent: { error: { code: 'not_found', message: 'gone' } } }),
    ).toBe('untyped_error');
    const text = JSON.stringify({ error: { code: 'upstream_bad_response', message: 'x' } });
    expect(outcomeOf({ isError: true, content: [{ type: 'text', text }] })).toBe('upstream_bad_response');
    expect(outcomeOf({ isError: true, content: [{ type: 'text', text: 'boom' }] })).toBe('untyped_error');
  });

  it('counts answers by code and fails on internal_error with the edits that caused it', async () => {
    const report = await runPerturbations({
      fixtures: { body },
      runs: 50,
      seed: 7,
      answer: async (_name, value) => [
        typeof (value as { name?: unknown })?.name === 'string' ? 'result' : 'not_found',
      ],
    });
    expect(report.cases).toBe(50);
    expect(Object.values(report.byCode).reduce((a, b) => a + b, 0)).toBe(50);
    await expect(
      runPerturbations({
        fixtures: { body },
        runs: 50,
        seed: 7,
        answer: async (_name, value) => [
          (value as { name?: unknown })?.name === null ? 'internal_error' : 'result',
        ],
      }),
    ).rejects.toThrow(/internal_error on body after: .*null \$\.name/);
  });
});
