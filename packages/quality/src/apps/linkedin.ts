import { readFixture, readFixtureText, startReplayServer } from '@mcp/core/testing';
import { linkedinServer } from '@mcp/linkedin';
import { type AppCase, FAKE_PROVIDER_KEY } from './types.js';

const html = { 'content-type': 'text/html; charset=utf-8' };
const COMPANY = readFixtureText('linkedin', 'company_audiense_public.html');
const SHELL = readFixtureText('linkedin', 'loggedin_app_shell_profile.html');
const SERPER = readFixture('serp', 'serper_search_arsenal.json');

export const linkedinCase: AppCase = {
  app: 'linkedin',
  definition: linkedinServer as unknown as AppCase['definition'],
  upstreams: async () => {
    const site = await startReplayServer((req) => {
      if (req.path === '/company/audiense/') return { headers: html, body: COMPANY };
      if (req.path.startsWith('/in/')) return { headers: html, body: SHELL };
      if (req.path === '/search' && req.method === 'POST')
        return { headers: { 'content-type': 'application/json' }, body: SERPER };
      return { status: 404, headers: html, body: '<html><body>Page not found</body></html>' };
    });
    return {
      env: {
        LINKEDIN_BASE_URL: site.url,
        LINKEDIN_RATE_PER_SECOND: '50',
        LINKEDIN_CONCURRENCY: '8',
        LINKEDIN_TIMEOUT_MS: '5000',
        SERPER_API_KEY: FAKE_PROVIDER_KEY,
        SERPER_BASE_URL: site.url,
        SERP_PROVIDER: 'serper',
        SERP_DISABLE_DUCKDUCKGO: 'true',
        SAFE_FETCH_ALLOW_HOSTS: '127.0.0.1',
        SAFE_FETCH_ALLOW_PORTS: String(site.port),
      },
      requests: () => site.requests.length,
      close: site.close,
    };
  },
  failing: {
    name: 'get_company',
    arguments: { url: 'https://example.com/company/acme' },
    code: 'invalid_input',
    message: 'url',
  },
  progress: { name: 'find_company', arguments: { name: 'Audiense' } },
  sample: {
    name: 'get_company',
    arguments: { url: 'https://www.linkedin.com/company/audiense/' },
    expect: { name: 'Audiense', followers: 5750 },
  },
  loopbackUrl: (up) => `http://127.0.0.1:${up.env.SAFE_FETCH_ALLOW_PORTS}/`,
};
