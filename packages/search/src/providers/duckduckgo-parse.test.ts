import { readFixtureJson, readFixtureText } from '@mcp/core/testing';
import { describe, expect, it } from 'vitest';
import { isDuckDuckGoChallenge, parseDuckDuckGo, unwrapDuckDuckGoHref } from './duckduckgo-parse.js';

const expected = (file: string): Record<string, unknown> => {
  const all = readFixtureJson<{ file: string; expected: Record<string, unknown> }[]>('serp', 'expected.json');
  const entry = all.find((e) => e.file === `serp/${file}`);
  if (!entry) throw new Error(`no expected.json entry for ${file}`);
  return entry.expected;
};
const parse = (file: string) => {
  const res = parseDuckDuckGo(readFixtureText('serp', file));
  if (!res.ok) throw new Error(res.error.message);
  return res.value;
};

describe('parseDuckDuckGo on html.duckduckgo.com pages', () => {
  it('unwraps uddg links, skips the ad and keeps dates (weather Jakarta)', () => {
    const exp = expected('ddg_html_weather_jakarta.html');
    const results = parse('ddg_html_weather_jakarta.html');
    expect(results.map((r) => r.url)).toEqual(exp.organic_urls);
    expect(results.slice(0, 3).map(({ title, url }) => ({ title, url }))).toEqual(exp.organic_top3);
    expect(results.every((r) => r.domain !== 'duckduckgo.com')).toBe(true);
    expect(results.filter((r) => r.date)).toHaveLength(exp.n_organic_with_date as number);
    expect(results[0]?.snippet).toMatch(
      /^Jakarta, Jakarta, Indonesia Weather Forecast, with current conditions/,
    );
  });

  it('reads the news page with its dates (OpenAI news)', () => {
    const exp = expected('ddg_html_openai_news.html');
    const results = parse('ddg_html_openai_news.html');
    expect(results.map((r) => r.url)).toEqual(exp.organic_urls);
    expect(results[0]?.snippet).toBe(exp.first_organic_snippet);
    expect(results.filter((r) => r.date)).toHaveLength(exp.n_organic_with_date as number);
    expect(results[0]?.date).toBe('2026-02-13T00:00:00');
  });

  it('passes plain hrefs of POST answers through (eino)', () => {
    const exp = expected('ddg_html_eino_post_direct_links.html');
    const results = parse('ddg_html_eino_post_direct_links.html');
    expect(results.map((r) => r.url)).toEqual(exp.organic_urls);
    expect(results[0]?.snippet).toBe(exp.first_organic_snippet);
    expect(results.filter((r) => r.date)).toHaveLength(exp.n_organic_with_date as number);
  });

  it('drops the EOF pseudo-result', () => {
    expect(parse('ddg_html_eof_result.html')).toEqual([]);
  });

  it('reads the no-results page as zero results', () => {
    expect(parse('ddg_html_no_results.html')).toEqual([]);
  });
});

describe('parseDuckDuckGo on lite.duckduckgo.com pages', () => {
  it('reads link, snippet and timestamp rows', () => {
    const exp = expected('ddg_lite_weather_san_francisco.html');
    const results = parse('ddg_lite_weather_san_francisco.html');
    expect(results.map((r) => r.url)).toEqual(exp.urls);
    expect(results[0]?.snippet).toBe(exp.first_snippet);
    expect(results.filter((r) => r.date).map((r) => r.date)).toEqual([
      '2026-01-20T09:43:00',
      '2026-01-20T00:00:00',
      '2026-01-20T00:00:00',
    ]);
  });
});

describe('DuckDuckGo bot challenge', () => {
  it('is recognised and reported as blocked', () => {
    const html = readFixtureText('serp', 'ddg_challenge_lite_anomaly.html');
    expect(isDuckDuckGoChallenge(html)).toBe(true);
    const res = parseDuckDuckGo(html);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('blocked');
  });

  it('is not seen in ordinary result pages', () => {
    for (const file of [
      'ddg_html_weather_jakarta.html',
      'ddg_html_eino_post_direct_links.html',
      'ddg_html_no_results.html',
    ]) {
      expect(isDuckDuckGoChallenge(readFixtureText('serp', file))).toBe(false);
    }
  });
});

describe('unwrapDuckDuckGoHref', () => {
  it('decodes uddg, passes direct links, refuses ad and relative DDG links', () => {
    expect(
      unwrapDuckDuckGoHref(
        '//duckduckgo.com/l/?uddg=https%3A%2F%2Fwww.pappers.fr%2Fentreprise%2Fedf-552081317&rut=ab',
      ),
    ).toBe('https://www.pappers.fr/entreprise/edf-552081317');
    expect(unwrapDuckDuckGoHref('https://github.com/cloudwego/eino')).toBe(
      'https://github.com/cloudwego/eino',
    );
    expect(unwrapDuckDuckGoHref('//duckduckgo.com/y.js?ad_domain=kayak.sg')).toBeUndefined();
    expect(unwrapDuckDuckGoHref('/html/?q=x')).toBeUndefined();
    expect(unwrapDuckDuckGoHref('javascript:alert(1)')).toBeUndefined();
  });
});
