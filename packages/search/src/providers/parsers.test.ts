import { readFixtureJson } from '@mcp/core/testing';
import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../types.js';
import { parseBrave } from './brave.js';
import { parseGoogleCse } from './google-cse.js';
import { parseSearxng } from './searxng.js';
import { parseSerpApi } from './serpapi.js';
import { parseSerper } from './serper.js';

interface ExpectedEntry {
  file: string;
  expected: Record<string, unknown>;
}
const expected = (file: string): Record<string, unknown> => {
  const entry = readFixtureJson<ExpectedEntry[]>('serp', 'expected.json').find(
    (e) => e.file === `serp/${file}`,
  );
  if (!entry) throw new Error(`no expected.json entry for ${file}`);
  return entry.expected;
};
const top3 = (results: SearchResult[]) => results.slice(0, 3).map(({ title, url }) => ({ title, url }));
const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
};

describe('parseSerper', () => {
  it('maps organic results with positions, domains and relative dates', () => {
    const results = unwrap(parseSerper(readFixtureJson('serp', 'serper_search_arsenal.json')));
    const exp = expected('serper_search_arsenal.json');
    expect(results).toHaveLength(exp.n_organic as number);
    const want = (exp.organic_top3 as { title: string; link: string }[]).map((r) => ({
      title: r.title,
      url: r.link,
    }));
    expect(top3(results)).toEqual(want);
    expect(results[0]).toMatchObject({ position: 1, domain: 'youtube.com', date: '3 days ago' });
    expect(results[0]?.snippet).toMatch(/^Liverpool vs\. Arsenal in Philadelphia/);
    expect(results[1]?.date).toBeUndefined();
  });

  it('honours the requested count', () => {
    expect(unwrap(parseSerper(readFixtureJson('serp', 'serper_search_arsenal.json'), 4))).toHaveLength(4);
  });

  it('reports a body that is not a Serper answer, naming the JSON path', () => {
    const res = parseSerper(['organic']);
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'upstream_bad_response', details: { path: '$' } },
    });
  });

  it('reads what real answers vary on: a numeric title, a lone row, a row that is not an object', () => {
    expect(unwrap(parseSerper({ organic: 'nope' }))).toEqual([]);
    expect(unwrap(parseSerper({ organic: { title: 2024, link: 'https://a.example/x' } }))).toMatchObject([
      { title: '2024', url: 'https://a.example/x', domain: 'a.example' },
    ]);
    expect(
      unwrap(parseSerper({ organic: [null, 3, { title: 'T', link: 'https://b.example/', snippet: null }] })),
    ).toMatchObject([{ title: 'T', snippet: '' }]);
  });
});

describe('parseSerpApi', () => {
  it('maps organic_results of a real capture', () => {
    const results = unwrap(parseSerpApi(readFixtureJson('serp', 'serpapi_google_coffee_java.json')));
    const exp = expected('serpapi_google_coffee_java.json');
    expect(results).toHaveLength(exp.n_organic_results as number);
    const want = (exp.organic_top3 as { title: string; link: string }[]).map((r) => ({
      title: r.title,
      url: r.link,
    }));
    expect(top3(results)).toEqual(want);
    expect(results[0]?.domain).toBe('books.google.com');
  });

  it('turns the "credit too low" body into a quota error carrying its message', () => {
    const res = parseSerpApi(readFixtureJson('serp', 'serpapi_error.json'));
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('rate_limited');
    expect(res.error.details?.reason).toBe('quota');
    expect(res.error.message).toBe('SerpAPI: Your account credit is too low, please add more credits.');
  });

  it('reads SerpAPI\'s "no results" error as an empty page', () => {
    expect(unwrap(parseSerpApi({ error: "Google hasn't returned any results for this query." }))).toEqual([]);
  });

  it('classifies an invalid key message as an auth failure', () => {
    const res = parseSerpApi({
      error: 'Invalid API key. Your API key should be here: https://serpapi.com/manage-api-key',
    });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.details?.reason).toBe('auth');
  });
});

describe('parseBrave', () => {
  it('maps web.results, strips HTML from descriptions and keeps page_age', () => {
    const results = unwrap(parseBrave(readFixtureJson('serp', 'brave_web.json')));
    const exp = expected('brave_web.json');
    expect(results).toHaveLength(exp.n_web_results as number);
    expect(top3(results)).toEqual(exp.web_top3);
    expect(results[0]?.snippet).toBe(
      'A "Hello, World!" program is usually a simple computer program that emits (or displays) to the screen (often the console) a message similar to "Hello, World!". A small piece of code in most general-purpose programming languages, this program is used to illustrate a language\'s basic syntax.',
    );
    expect(results[0]).toMatchObject({ domain: 'en.wikipedia.org', date: '2024-12-27T15:49:55' });
    expect(results[1]?.domain).toBe('helloworldcs.org');
  });
});

describe('parseGoogleCse', () => {
  it('maps items of a customsearch#search answer', () => {
    const results = unwrap(parseGoogleCse(readFixtureJson('serp', 'google_cse_q-test.json')));
    const exp = expected('google_cse_q-test.json');
    expect(results).toHaveLength(exp.n_items as number);
    const want = (exp.items_top3 as { title: string; link: string }[]).map((r) => ({
      title: r.title,
      url: r.link,
    }));
    expect(top3(results)).toEqual(want);
    expect(results[0]?.domain).toBe('google.com');
    expect(results[0]?.snippet).toMatch(/^Rigorous testing · Our goal/);
  });

  it('reads a missing items member as no results', () => {
    expect(unwrap(parseGoogleCse({ kind: 'customsearch#search' }))).toEqual([]);
  });
});

describe('parseSearxng', () => {
  const body = () => readFixtureJson<Record<string, unknown>>('serp', 'searxng_espresso_grind_size.json');

  it("keeps SearXNG's own ranking (not score order) and its published dates", () => {
    const results = unwrap(parseSearxng(body()));
    const exp = expected('searxng_espresso_grind_size.json');
    expect(results).toHaveLength(exp.n_results as number);
    const want = (exp.top3 as { title: string; url: string }[]).map(({ title, url }) => ({ title, url }));
    expect(top3(results)).toEqual(want);
    expect(results.filter((r) => r.date)).toHaveLength(exp.n_with_publishedDate as number);
    expect(results.filter((r) => r.snippet === '')).toHaveLength(exp.n_with_empty_content as number);
  });

  it('treats an empty page whose engines hit CAPTCHAs as blocked', () => {
    const res = parseSearxng({ ...body(), results: [] });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('blocked');
    expect(res.error.message).toContain('duckduckgo (CAPTCHA), startpage (Suspended: CAPTCHA)');
  });

  it('returns an honest empty page when no engine failed', () => {
    expect(unwrap(parseSearxng({ query: 'x', results: [], unresponsive_engines: [] }))).toEqual([]);
  });

  it('cuts to the requested count', () => {
    expect(unwrap(parseSearxng(body(), 5)).map((r) => r.position)).toEqual([1, 2, 3, 4, 5]);
  });
});
