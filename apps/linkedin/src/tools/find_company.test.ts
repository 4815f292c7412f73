import { err, ok } from '@mcp/core';
import { toolErrorOf } from '@mcp/core/testing';
import { describe, expect, it } from 'vitest';
import { DEEP_PAGE, useToolsHarness } from '../testing/tools-harness.js';

const h = useToolsHarness({ warm: true });

describe('find_company', () => {
  it('returns the search failure when there is no website to fall back on', async () => {
    h.answerSearch(err('upstream_http', 'Every search provider failed: serper (rate_limited: x)'));
    const res = await h.call('find_company', { name: 'Audiense' });
    expect(toolErrorOf(res)).toMatchObject({ code: 'upstream_http' });
    expect(h.searchCalls.at(-1)).toMatchObject({
      query: '"Audiense"',
      site: 'linkedin.com/company',
      num: 10,
    });
  });

  it('still answers from the website when search fails', async () => {
    h.answerWebsite(
      ok({
        url: 'https://www.audiense.com/',
        status: 200,
        text: '<footer><a href="https://www.linkedin.com/company/audiense">LinkedIn</a></footer>',
      }),
    );
    const res = await h.call('find_company', {
      name: 'Audiense',
      website: 'www.audiense.com',
      siren: '123 456 789',
    });
    expect(res.structuredContent).toMatchObject({
      candidates: [
        {
          linkedin_url: 'https://www.linkedin.com/company/audiense/',
          found_on: ['website'],
          why: ['audiense.com links to it (1× — footer)', 'slug "audiense" matches the name'],
        },
      ],
      website_check: { url: 'https://www.audiense.com/', ok: true, links_found: 1, error: null },
      search_check: { ok: false, provider: null },
    });
  });

  it('rejects a malformed SIREN naming the field', async () => {
    const res = await h.call('find_company', { name: 'Audiense', siren: '12345' });
    expect(toolErrorOf(res)).toMatchObject({ code: 'invalid_input', details: { fields: ['siren'] } });
  });

  it('find_company reports a website nested past the limit as unreadable and still answers', async () => {
    h.answerSearch(err('upstream_http', 'Every search provider failed'));
    h.answerWebsite(ok({ url: 'https://www.audiense.com/', status: 200, text: DEEP_PAGE }));
    const res = await h.call('find_company', { name: 'Audiense', website: 'www.audiense.com' });
    expect(res.isError).toBeFalsy();
    expect(res.structuredContent).toMatchObject({
      candidates: [],
      website_check: {
        ok: false,
        links_found: 0,
        error:
          'upstream_too_large: the website could not be read: the HTML nests elements more than 512 deep',
      },
    });
  });
});
