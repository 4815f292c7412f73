import { err, ok } from '@mcp/core';
import { readFixtureText } from '@mcp/core/testing';
import { warmHtmlPool } from '@mcp/html';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LinkedInFetcher } from '../upstream/linkedin.js';
import { companyTask } from './extract/tasks.js';
import { createPageLoader } from './pages.js';
import { parseRef } from './urls.js';

const audiense = readFixtureText('linkedin', 'company_audiense_public.html');
const shell = readFixtureText('linkedin', 'loggedin_app_shell_profile.html');

/** A fetcher answering from a list of pages, counting calls. */
const fakeFetcher = (pages: string[]) => {
  let calls = 0;
  const fetcher: LinkedInFetcher = {
    via: 'provider',
    fetchPage: async (url) => {
      const html = pages[Math.min(calls, pages.length - 1)];
      calls += 1;
      return html === undefined
        ? err('upstream_timeout', 'slow')
        : ok({ url, status: 200, html, cached: false, via: 'provider' });
    },
    close: async () => {},
  };
  return { fetcher, calls: () => calls };
};

const ref = (input: string) => {
  const r = parseRef(input, 'company');
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

// Workers start from source under tsx: seconds on a busy machine, paid once here, not by a test.
beforeAll(() => warmHtmlPool(companyTask), 60_000);

describe('createPageLoader', () => {
  it('caches pages that held data', async () => {
    const { fetcher, calls } = fakeFetcher([audiense]);
    const loader = createPageLoader(fetcher, { cacheTtlMs: 60_000 });
    const first = await loader.company(ref('audiense'));
    const second = await loader.company(ref('https://fr.linkedin.com/company/audiense/?trk=x'));
    expect(first.ok && first.value.source).toEqual({
      fetched_url: 'https://www.linkedin.com/company/audiense/',
      via: 'provider',
      cached: false,
    });
    expect(second.ok && second.value.source.cached).toBe(true);
    expect(calls()).toBe(1);
  });

  it('never caches a refusal: the next call fetches again and can succeed', async () => {
    const { fetcher, calls } = fakeFetcher([shell, audiense]);
    const loader = createPageLoader(fetcher, { cacheTtlMs: 60_000 });
    const refused = await loader.company(ref('audiense'));
    expect(!refused.ok && refused.error).toMatchObject({
      code: 'blocked',
      details: { seen: 'app_shell', via: 'provider' },
    });
    const later = await loader.company(ref('audiense'));
    expect(later.ok && later.value.data.name).toBe('Audiense');
    expect(calls()).toBe(2);
  });

  it('fetches every time with LINKEDIN_CACHE_TTL_S=0', async () => {
    const { fetcher, calls } = fakeFetcher([audiense]);
    const loader = createPageLoader(fetcher, { cacheTtlMs: 0 });
    await loader.company(ref('audiense'));
    await loader.company(ref('audiense'));
    expect(calls()).toBe(2);
  });
});
