import { warmHtmlPool } from '@mcp/html';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeReplaysAfterEach, configFor, html, replay, searchWith } from '../test-support.js';
import { duckDuckGoTask } from './duckduckgo-parse.js';

closeReplaysAfterEach();
beforeAll(() => warmHtmlPool(duckDuckGoTask), 60_000);

// Hand-made, not recorded: a results page nested 190,000 deep (950 KB), as a hostile mirror could serve.
const WORST = `<div class="result">${'<div>'.repeat(190_000)}<a class="result__a" href="https://x.fr/">x</a>`;

describe('DuckDuckGo results page over the HTML limits', () => {
  it('is refused before parsing as upstream_too_large, never internal_error', async () => {
    const server = await replay([{ path: '/html/', headers: html, body: WORST }]);
    const res = await searchWith({ ...configFor(server.url), provider: 'duckduckgo' })({ query: 'x' });
    expect(res.ok).toBe(false);
    expect(!res.ok && res.error).toMatchObject({ code: 'upstream_too_large' });
    expect(!res.ok && res.error.message).toContain('the HTML nests elements more than 512 deep');
  });
});
