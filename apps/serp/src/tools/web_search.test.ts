import { createToolRegistry, err } from '@mcp/core';
import { toolContext, toolErrorOf } from '@mcp/core/testing';
import type { SearchFn } from '@mcp/search';
import { describe, expect, it } from 'vitest';
import { recorder } from '../testing/search-recorder.js';
import { serpTools } from './index.js';

describe('web_search', () => {
  it('passes the French-market defaults and returns the provider chain', async () => {
    const { search, asked } = recorder();
    const registry = createToolRegistry(serpTools({ search }));
    const res = await registry.call('web_search', { query: '  ganymede  ' }, toolContext());
    expect(res.isError).toBeUndefined();
    expect(asked[0]).toMatchObject({ query: 'ganymede', num: 10, country: 'fr', language: 'fr', page: 1 });
    expect(res.structuredContent).toMatchObject({
      provider: 'brave',
      providers_failed: [{ provider: 'serper', code: 'rate_limited' }],
      cached: false,
    });
  });

  it.each([
    [{ query: '' }, 'query'],
    [{ query: 'x'.repeat(401) }, 'query'],
    [{ query: 'x', num: 21 }, 'num'],
    [{ query: 'x', num: 0 }, 'num'],
    [{ query: 'x', country: 'fra' }, 'country'],
  ])('refuses %j as invalid_input naming %s', async (args, field) => {
    const { search, asked } = recorder();
    const res = await createToolRegistry(serpTools({ search })).call('web_search', args, toolContext());
    expect(res.isError).toBe(true);
    expect(toolErrorOf(res)).toMatchObject({ code: 'invalid_input', details: { fields: [field] } });
    expect(asked).toHaveLength(0);
  });

  it('passes a provider-chain failure through with its code', async () => {
    const search: SearchFn = async () =>
      err('upstream_http', 'Every search provider failed: duckduckgo (blocked: challenge)');
    const res = await createToolRegistry(serpTools({ search })).call(
      'web_search',
      { query: 'x' },
      toolContext(),
    );
    expect(res.structuredContent).toBeUndefined();
    expect(toolErrorOf(res)).toEqual({
      code: 'upstream_http',
      message: 'Every search provider failed: duckduckgo (blocked: challenge)',
    });
  });
});
