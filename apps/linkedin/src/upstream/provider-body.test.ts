import { describe, expect, it } from 'vitest';
import { providerHtml } from './provider-body.js';

const page = '<html><head><title>Audiense | LinkedIn</title></head><body></body></html>';

describe('provider answers', () => {
  it('takes an HTML body as the page', () => {
    expect(providerHtml(page, 'text/html; charset=utf-8', 'p.example')).toEqual({ ok: true, value: page });
  });

  it('reads the page out of the JSON wrappers providers use', () => {
    for (const wrapper of [
      { html: page },
      { content: page, status: 200 },
      { body: page },
      { result: { content: page } },
    ]) {
      expect(providerHtml(JSON.stringify(wrapper), 'application/json', 'p.example')).toEqual({
        ok: true,
        value: page,
      });
    }
  });

  it('names the JSON path when a JSON answer holds no page', () => {
    const res = providerHtml(JSON.stringify({ html: null, credits: 3 }), 'application/json', 'p.example');
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'upstream_bad_response', details: { path: '$' } },
    });
    expect(!res.ok && res.error.message).toContain('p.example');
    expect(providerHtml('[1,2]', 'application/json', 'p.example')).toMatchObject({
      ok: false,
      error: { code: 'upstream_bad_response' },
    });
  });

  it('refuses declared JSON that does not parse, but keeps an undeclared page starting with a brace', () => {
    expect(providerHtml('{"html": "<ht', 'application/json', 'p.example')).toMatchObject({
      ok: false,
      error: { code: 'upstream_bad_response' },
    });
    expect(providerHtml('{not json} <p>x</p>', 'text/html', 'p.example')).toEqual({
      ok: true,
      value: '{not json} <p>x</p>',
    });
  });
});
