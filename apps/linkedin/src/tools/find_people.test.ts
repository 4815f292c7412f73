import { err } from '@mcp/core';
import { toolErrorOf } from '@mcp/core/testing';
import { describe, expect, it } from 'vitest';
import { useToolsHarness } from '../testing/tools-harness.js';

const h = useToolsHarness();

describe('find_people', () => {
  it('find_people passes the search failure through and queries linkedin.com/in', async () => {
    h.answerSearch(err('rate_limited', 'serper is rate limiting us; retry in 3 s.', { retry_after_s: 3 }));
    const res = await h.call('find_people', { company: 'Audiense', role: 'CEO' });
    expect(toolErrorOf(res)).toMatchObject({ code: 'rate_limited' });
    expect(h.searchCalls.at(-1)).toMatchObject({ query: '"Audiense" CEO', site: 'linkedin.com/in', num: 10 });
  });
});
