// Test data only (never imported by the server): the four tools over one loopback LinkedIn, with
// search and the website check answering what each test sets.
import { createToolRegistry, createUpstream, err } from '@mcp/core';
import { type ReplayServer, readFixtureText, startReplayServer, toolContext } from '@mcp/core/testing';
import { warmHtmlPool } from '@mcp/html';
import type { SearchFn } from '@mcp/search';
import { afterAll, beforeAll } from 'vitest';
import { fetchConfigFromEnv } from '../config.js';
import { companyTask } from '../service/extract/tasks.js';
import type { FetchWebsite } from '../service/find/website-check.js';
import { createPageLoader } from '../service/pages.js';
import { linkedinTools } from '../tools/index.js';
import { createLinkedInFetcher } from '../upstream/linkedin.js';
import { HAND_MADE_AUTHWALL, HAND_MADE_PUBLIC_PROFILE } from './hand-made-pages.js';

const html = { 'content-type': 'text/html; charset=utf-8' };

/** Hand-made hostile page: 200 KB of nested `<div>`, which held the event loop about 20 s. */
export const DEEP_PAGE = `<html><head><title>Audiense | LinkedIn</title></head><body>${'<div>'.repeat(40_000)}</body></html>`;

type Registry = ReturnType<typeof createToolRegistry>;

export interface ToolsHarness {
  call: (name: string, args: unknown) => ReturnType<Registry['call']>;
  /** The loopback LinkedIn (LINKEDIN_BASE_URL), to count what was fetched. */
  linkedin: ReplayServer;
  /** Every search request the tools made, in order. */
  searchCalls: Parameters<SearchFn>[0][];
  /** What search answers from now on (default: not configured). */
  answerSearch: (answer: Awaited<ReturnType<SearchFn>>) => void;
  /** What the website check's fetch answers from now on (default: a timeout). */
  answerWebsite: (answer: Awaited<ReturnType<FetchWebsite>>) => void;
  close: () => Promise<void>;
}

/**
 * Pages served: the recorded Audiense company page (also behind a numeric-id redirect), the recorded
 * logged-in app shell, the hand-made public profile and sign-up wall, a 999, redirects to /authwall,
 * pages without data or with Open Graph only, and a page nested past HTML_MAX_DEPTH.
 */
export const startToolsHarness = async (): Promise<ToolsHarness> => {
  const linkedin = await startReplayServer([
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
    { path: '/company/deep/', headers: html, body: DEEP_PAGE },
  ]);
  const config = fetchConfigFromEnv({ LINKEDIN_BASE_URL: linkedin.url, LINKEDIN_RATE_PER_SECOND: 50 });
  const fetcher = createLinkedInFetcher(config, { createUpstream });
  const searchCalls: Parameters<SearchFn>[0][] = [];
  let searchAnswer: Awaited<ReturnType<SearchFn>> = err(
    'not_configured',
    'No search provider is configured.',
  );
  let websiteAnswer: Awaited<ReturnType<FetchWebsite>> = err('upstream_timeout', 'slow');
  const search: SearchFn = async (req) => {
    searchCalls.push(req);
    return searchAnswer;
  };
  const fetchWebsite: FetchWebsite = async () => websiteAnswer;
  const registry = createToolRegistry(
    linkedinTools({ loader: createPageLoader(fetcher, { cacheTtlMs: 60_000 }), search, fetchWebsite }),
  );
  return {
    call: (name, args) => registry.call(name, args, toolContext()),
    linkedin,
    searchCalls,
    answerSearch: (answer) => {
      searchAnswer = answer;
    },
    answerWebsite: (answer) => {
      websiteAnswer = answer;
    },
    close: async () => {
      await fetcher.close();
      await linkedin.close();
    },
  };
};

/**
 * The harness of one test file: started before its tests, closed after them. `warm` starts the HTML
 * parse workers first, for the tools that parse pages.
 */
export const useToolsHarness = (options: { warm?: boolean } = {}): ToolsHarness => {
  let started: ToolsHarness | undefined;
  const get = (): ToolsHarness => {
    if (!started) throw new Error('the tools harness is used before its beforeAll ran');
    return started;
  };
  beforeAll(async () => {
    started = await startToolsHarness();
  });
  afterAll(() => started?.close());
  // Workers start from source under tsx: seconds on a busy machine, paid once here, not by a test.
  if (options.warm) beforeAll(() => warmHtmlPool(companyTask), 60_000);
  return {
    call: (name, args) => get().call(name, args),
    get linkedin() {
      return get().linkedin;
    },
    get searchCalls() {
      return get().searchCalls;
    },
    answerSearch: (answer) => get().answerSearch(answer),
    answerWebsite: (answer) => get().answerWebsite(answer),
    close: () => get().close(),
  };
};
