import { createToolRegistry, createUpstream, err, ok } from '@mcp/core';
import {
  type ReplayServer,
  readFixtureText,
  startReplayServer,
  toolContext,
  toolErrorOf,
} from '@mcp/core/testing';
import { warmHtmlPool } from '@mcp/html';
import type { SearchFn } from '@mcp/search';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchConfigFromEnv } from '../config.js';
import { companyTask } from '../service/extract/tasks.js';
import { createPageLoader } from '../service/pages.js';
import { HAND_MADE_AUTHWALL, HAND_MADE_PUBLIC_PROFILE } from '../testing/hand-made-pages.js';
import { createLinkedInFetcher, type LinkedInFetcher } from '../upstream/linkedin.js';
import type { FetchWebsite } from './find_company.js';
import { linkedinTools } from './index.js';

const html = { 'content-type': 'text/html; charset=utf-8' };
/** Hand-made hostile page: 200 KB of nested `<div>`, which held the event loop about 20 s. */
const DEEP = `<html><head><title>Audiense | LinkedIn</title></head><body>${'<div>'.repeat(40_000)}</body></html>`;

let linkedin: ReplayServer;
let fetcher: LinkedInFetcher;
let registry: ReturnType<typeof createToolRegistry>;
const searchCalls: Parameters<SearchFn>[0][] = [];
let searchAnswer: Awaited<ReturnType<SearchFn>> = err('not_configured', 'No search provider is configured.');
let websiteAnswer: Awaited<ReturnType<FetchWebsite>> = err('upstream_timeout', 'slow');

beforeAll(async () => {
  linkedin = await startReplayServer([
    {
      path: '/company/audiense/',
      headers: html,
      body: readFixtureText('linkedin', 'company_audiense_public.html'),
    },
    { path: '/company/10529043/', status: 301, headers: { location: '/company/audiense/' } },
    { path: '/company/bot/', status: 999, body: '' },
    { path: '/company/walled/', status: 302, headers: { location: '/authwall?trk=bf&sessionRedirect=x' } },
    // Relative on purpose: core's upstream follows redirects itself, so an absolute www.linkedin.com
    // Location would leave the loopback server (see README, "Redirects").
    { path: '/in/walled-person/', status: 302, headers: { location: '/authwall?trk=x' } },
    { path: '/authwall', headers: html, body: HAND_MADE_AUTHWALL },
    {
      path: '/in/shell-user/',
      headers: html,
      body: readFixtureText('linkedin', 'loggedin_app_shell_profile.html'),
    },
    {
      path: '/company/empty/',
      headers: html,
      body: '<html><head><title>LinkedIn</title></head><body></body></html>',
    },
    {
      // A wall that carries the company's Open Graph tags: the login title wins over the OG name.
      path: '/company/og-wall/',
      headers: html,
      body: `<html><head><title>Sign Up | LinkedIn</title><meta property="og:title" content="Audiense | LinkedIn">
        <meta property="og:url" content="https://www.linkedin.com/company/audiense"></head><body></body></html>`,
    },
    {
      path: '/company/og-only/',
      headers: html,
      body: `<html><head><title>Audiense | LinkedIn</title><meta property="og:title" content="Audiense | LinkedIn">
        <meta property="og:description" content="Audiense | 5,750 followers on LinkedIn.">
        <meta property="og:url" content="https://uk.linkedin.com/company/audiense"></head><body></body></html>`,
    },
    { path: '/in/camille-exemple-0000/', headers: html, body: HAND_MADE_PUBLIC_PROFILE },
    { path: '/company/deep/', headers: html, body: DEEP },
  ]);
  const config = fetchConfigFromEnv({ LINKEDIN_BASE_URL: linkedin.url, LINKEDIN_RATE_PER_SECOND: 50 });
  fetcher = createLinkedInFetcher(config, { createUpstream });
  const search: SearchFn = async (req) => {
    searchCalls.push(req);
    return searchAnswer;
  };
  const fetchWebsite: FetchWebsite = async () => websiteAnswer;
  registry = createToolRegistry(
    linkedinTools({ loader: createPageLoader(fetcher, { cacheTtlMs: 60_000 }), search, fetchWebsite }),
  );
});

afterAll(async () => {
  await fetcher.close();
  await linkedin.close();
});

const call = async (name: string, args: unknown) => registry.call(name, args, toolContext());

// Workers start from source under tsx: seconds on a busy machine, paid once here, not by a test.
beforeAll(() => warmHtmlPool(companyTask), 60_000);

describe('get_company', () => {
  it('returns every field of the recorded Audiense page, then serves it from the cache', async () => {
    const first = await call('get_company', { url: 'https://fr.linkedin.com/company/audiense/?trk=x' });
    expect(first.isError).toBeUndefined();
    const company = first.structuredContent as Record<string, unknown>;
    expect(company).toEqual({
      name: 'Audiense',
      linkedin_url: 'https://www.linkedin.com/company/audiense/',
      slug: 'audiense',
      company_id: '10529043',
      description: expect.stringMatching(
        /^The Audiense platform combines rich social data sources[\s\S]+Instagram strategy$/,
      ),
      tagline: 'Put consumer segmentation and cultural understanding at the center of your strategy.',
      website: 'http://www.audiense.com',
      industry: 'Advertising Services',
      company_size: '51-200 employees',
      company_type: 'Privately Held',
      employees_on_linkedin: 69,
      headquarters: {
        text: 'London, London',
        street_address: 'Kemp House',
        locality: 'London',
        region: 'London',
        postal_code: 'EC1V2NX',
        country: 'GB',
      },
      founded: '2011',
      specialties: [],
      followers: 5750,
      logo_url:
        'https://media.licdn.com/dms/image/v2/C4E0BAQHWdu05nIFRWQ/company-logo_200_200/company-logo_200_200/0/1632826250380/audiense_logo?e=2147483647&v=beta&t=ZqV6Zik7OLnWmEqZwSwy5vnnl23GyPJuLjZD-6kJdaI',
      same_as: ['http://www.audiense.com'],
      source: {
        fetched_url: 'https://www.linkedin.com/company/audiense/',
        via: 'direct',
        cached: false,
        extracted_from: ['json_ld', 'markup'],
      },
    });
    const again = await call('get_company', { slug: 'audiense' });
    expect((again.structuredContent as { source: { cached: boolean } }).source.cached).toBe(true);
    expect(linkedin.count('/company/audiense/')).toBe(1);
  });

  it('follows LinkedIn from a numeric id to the slug page', async () => {
    const res = await call('get_company', { url: 'https://www.linkedin.com/company/10529043/' });
    expect(res.structuredContent).toMatchObject({
      name: 'Audiense',
      slug: 'audiense',
      company_id: '10529043',
    });
  });

  it('answers blocked on HTTP 999', async () => {
    const res = await call('get_company', { slug: 'bot' });
    expect(res.isError).toBe(true);
    expect(toolErrorOf(res)).toMatchObject({ code: 'blocked', details: { seen: 'http_999' } });
  });

  it('answers blocked on a redirect to the /authwall sign-up wall', async () => {
    const res = await call('get_company', { url: 'https://www.linkedin.com/company/walled/' });
    expect(toolErrorOf(res)).toMatchObject({
      code: 'blocked',
      message:
        'LinkedIn did not serve the public page for https://www.linkedin.com/company/walled/: it returned a redirect to /authwall.',
      details: { seen: 'authwall', via: 'direct' },
    });
  });

  it('answers blocked, never an empty success, on a page without data', async () => {
    const res = await call('get_company', { slug: 'empty' });
    expect(toolErrorOf(res)).toMatchObject({ code: 'blocked', details: { seen: 'no_public_data' } });
  });

  it('answers blocked on a sign-up page even when it carries the company’s Open Graph tags', async () => {
    const res = await call('get_company', { slug: 'og-wall' });
    expect(toolErrorOf(res)).toMatchObject({ code: 'blocked', details: { seen: 'login_page' } });
  });

  it('answers from Open Graph alone when that is all a real page has', async () => {
    const res = await call('get_company', { slug: 'og-only' });
    expect(res.structuredContent).toMatchObject({
      name: 'Audiense',
      followers: 5750,
      linkedin_url: 'https://www.linkedin.com/company/audiense/',
      source: { extracted_from: ['open_graph'] },
    });
  });

  it('answers not_found on 404 and invalid_input on a foreign URL or no argument', async () => {
    expect(toolErrorOf(await call('get_company', { slug: 'nobody' }))).toMatchObject({ code: 'not_found' });
    expect(toolErrorOf(await call('get_company', { url: 'https://example.com/company/acme' }))).toMatchObject(
      { code: 'invalid_input', details: { fields: ['url'] } },
    );
    expect(
      toolErrorOf(await call('get_company', { slug: 'https://www.linkedin.com/in/jane' })),
    ).toMatchObject({ code: 'invalid_input', details: { fields: ['slug'] } });
    expect(toolErrorOf(await call('get_company', {}))).toMatchObject({
      code: 'invalid_input',
      details: { fields: ['url'] },
    });
  });
});

describe('get_profile', () => {
  it('answers blocked on the recorded logged-in app shell', async () => {
    const res = await call('get_profile', { url: 'https://fr.linkedin.com/in/shell-user/' });
    expect(res.isError).toBe(true);
    expect(toolErrorOf(res)).toMatchObject({
      code: 'blocked',
      details: { seen: 'app_shell', url: 'https://www.linkedin.com/in/shell-user/' },
    });
  });

  it('answers blocked on a redirect to /authwall', async () => {
    const res = await call('get_profile', { public_id: 'walled-person' });
    expect(toolErrorOf(res)).toMatchObject({ code: 'blocked', details: { seen: 'authwall' } });
  });

  it('reads the hand-made public profile page (not a recorded fixture)', async () => {
    const res = await call('get_profile', {
      url: 'https://www.linkedin.com/in/Camille-Exemple-0000/details/',
    });
    expect(res.structuredContent).toMatchObject({
      name: 'Camille Exemple',
      linkedin_url: 'https://www.linkedin.com/in/camille-exemple-0000/',
      current_company: 'Exemple Industries',
      current_title: 'Directrice commerciale',
      followers: 1234,
      connections: '500+',
      source: { via: 'direct', cached: false, extracted_from: ['json_ld', 'markup'] },
    });
  });

  it('rejects a company URL', async () => {
    const res = await call('get_profile', { url: 'https://www.linkedin.com/company/audiense/' });
    expect(toolErrorOf(res)).toMatchObject({ code: 'invalid_input' });
  });
});

describe('find_company and find_people error paths', () => {
  it('returns the search failure when there is no website to fall back on', async () => {
    searchAnswer = err('upstream_http', 'Every search provider failed: serper (rate_limited: x)');
    const res = await call('find_company', { name: 'Audiense' });
    expect(toolErrorOf(res)).toMatchObject({ code: 'upstream_http' });
    expect(searchCalls.at(-1)).toMatchObject({ query: '"Audiense"', site: 'linkedin.com/company', num: 10 });
  });

  it('still answers from the website when search fails', async () => {
    websiteAnswer = ok({
      url: 'https://www.audiense.com/',
      status: 200,
      text: '<footer><a href="https://www.linkedin.com/company/audiense">LinkedIn</a></footer>',
    });
    const res = await call('find_company', {
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
    const res = await call('find_company', { name: 'Audiense', siren: '12345' });
    expect(toolErrorOf(res)).toMatchObject({ code: 'invalid_input', details: { fields: ['siren'] } });
  });

  it('find_people passes the search failure through and queries linkedin.com/in', async () => {
    searchAnswer = err('rate_limited', 'serper is rate limiting us; retry in 3 s.', { retry_after_s: 3 });
    const res = await call('find_people', { company: 'Audiense', role: 'CEO' });
    expect(toolErrorOf(res)).toMatchObject({ code: 'rate_limited' });
    expect(searchCalls.at(-1)).toMatchObject({ query: '"Audiense" CEO', site: 'linkedin.com/in', num: 10 });
  });
});

describe('hostile pages', () => {
  it('get_company refuses a page nested past HTML_MAX_DEPTH as upstream_too_large', async () => {
    const res = await call('get_company', { url: 'https://www.linkedin.com/company/deep/' });
    expect(toolErrorOf(res)).toMatchObject({
      code: 'upstream_too_large',
      message: expect.stringContaining('the HTML nests elements more than 512 deep'),
      details: { reason: 'too_deep' },
    });
  });

  it('find_company reports a website nested past the limit as unreadable and still answers', async () => {
    searchAnswer = err('upstream_http', 'Every search provider failed');
    websiteAnswer = ok({ url: 'https://www.audiense.com/', status: 200, text: DEEP });
    const res = await call('find_company', { name: 'Audiense', website: 'www.audiense.com' });
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
