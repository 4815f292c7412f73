import { readFixture, startReplayServer } from '@mcp/core/testing';
import { serpServer } from '@mcp/serp';
import { type AppCase, FAKE_PROVIDER_KEY } from './types.js';

const ARSENAL = readFixture('serp', 'serper_search_arsenal.json');

export const serpCase: AppCase = {
  app: 'serp',
  definition: serpServer as unknown as AppCase['definition'],
  upstreams: async () => {
    const serper = await startReplayServer((req) =>
      req.path === '/search' && req.method === 'POST'
        ? { headers: { 'content-type': 'application/json' }, body: ARSENAL }
        : undefined,
    );
    return {
      env: {
        SERP_PROVIDER: 'serper',
        SERPER_API_KEY: FAKE_PROVIDER_KEY,
        SERPER_BASE_URL: serper.url,
        SERP_DISABLE_DUCKDUCKGO: 'true',
      },
      requests: () => serper.requests.length,
      close: serper.close,
    };
  },
  failing: { name: 'web_search', arguments: { query: '' }, code: 'invalid_input', message: 'query' },
  progress: { name: 'find_company_pages', arguments: { name: 'Arsenal' } },
  sample: {
    name: 'web_search',
    arguments: { query: 'arsenal' },
    expect: { provider: 'serper' },
  },
};
