import { describe, expect, it } from 'vitest';
import { toolErrorOf } from './testing/tool-error.js';
import { errorResult, readToolError } from './tool-result.js';

describe('tool failure wire shape', () => {
  it('is isError with one JSON text item and no structuredContent', () => {
    const result = errorResult({ code: 'not_found', message: 'No company.', details: { fields: ['siren'] } });
    expect(result).toEqual({
      isError: true,
      content: [
        {
          type: 'text',
          text: '{"error":{"code":"not_found","message":"No company.","details":{"fields":["siren"]}}}',
        },
      ],
    });
    expect('structuredContent' in result).toBe(false);
  });

  it('reads back exactly what errorResult wrote', () => {
    const error = { code: 'rate_limited', message: 'Slow down.', details: { retry_after_s: 3 } } as const;
    expect(readToolError(errorResult(error))).toEqual(error);
  });

  it('reads nothing from a success, the old structuredContent shape, or a non-JSON text', () => {
    expect(readToolError({ content: [{ type: 'text', text: '{}' }], structuredContent: {} })).toBeUndefined();
    expect(
      readToolError({
        isError: true,
        content: [{ type: 'text', text: 'not_found: gone' }],
        structuredContent: { error: { code: 'not_found', message: 'gone' } },
      }),
    ).toBeUndefined();
    expect(
      readToolError({ isError: true, content: [{ type: 'text', text: 'not_found: gone' }] }),
    ).toBeUndefined();
    expect(
      readToolError({
        isError: true,
        content: [{ type: 'text', text: '{"error":{"code":"nope","message":"x"}}' }],
      }),
    ).toBeUndefined();
  });

  it('toolErrorOf throws, quoting the result, when the result is not a tool failure', () => {
    expect(() => toolErrorOf({ content: [], structuredContent: { ok: 1 } })).toThrow(
      /Expected a tool error.*"ok":1/,
    );
    expect(toolErrorOf(errorResult({ code: 'blocked', message: 'Login wall.' }))).toEqual({
      code: 'blocked',
      message: 'Login wall.',
    });
  });
});
