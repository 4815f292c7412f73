import { createSafeFetch } from '@mcp/core';
import { type ReplayServer, readFixture, readFixtureJson, startReplayServer } from '@mcp/core/testing';
import { warmHtmlPool } from '@mcp/html';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageFetcherFrom } from '../../upstream/page-fetcher.js';
import { buildAnswer } from '../extract/answer.js';
import { readPageTask } from '../extract/tasks.js';
import { crawlSite } from './crawl.js';

interface ExpectedPage {
  id: string;
  file: string;
  expected_site_siren: string | null;
  identifiers: Array<{ siren: string }>;
}

const expected = readFixtureJson<ExpectedPage[]>('siret', 'expected.json');
let server: ReplayServer;

/** Windows-1252 and UTF-16LE copies of one legal notice: safeFetch decodes them before extraction. */
const LEGACY =
  '<h2>Éditeur</h2><p>Société Hélène &amp; Cie, SIRET : 552 081 317 66522 — hébergé ailleurs</p>';
const win1252 = Buffer.from(
  `<html><head><meta charset="windows-1252"></head><body>${LEGACY}</body></html>`.replace(/—/g, '\u0097'),
  'latin1',
);
const utf16 = Buffer.concat([
  Buffer.from([0xff, 0xfe]),
  Buffer.from(`<html><body>${LEGACY}</body></html>`, 'utf16le'),
]);

beforeAll(async () => {
  server = await startReplayServer((req) => {
    const [, id, page] = req.path.split('/');
    if (id === 'cp1252' && page === 'mentions-legales') {
      return { path: req.path, headers: { 'content-type': 'text/html' }, body: win1252 };
    }
    if (id === 'utf16' && page === 'mentions-legales') {
      return { path: req.path, headers: { 'content-type': 'text/html' }, body: utf16 };
    }
    if (id === 'cp1252' || id === 'utf16') {
      return {
        path: req.path,
        headers: { 'content-type': 'text/html' },
        body: '<a href="mentions-legales">Mentions légales</a>',
      };
    }
    const fixture = expected.find((e) => e.id === id);
    if (!fixture) return undefined;
    const file = fixture.file.replace(/^siret\//, '');
    const ext = file.endsWith('.md') ? 'md' : 'html';
    if (page === '') {
      return {
        path: req.path,
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body: `<h1>${fixture.id}</h1><nav><a href="/${id}/contact">Contact</a></nav><footer><a href="/${id}/mentions-legales.${ext}">Mentions légales</a></footer>`,
      };
    }
    if (page === `mentions-legales.${ext}`) {
      return {
        path: req.path,
        headers: {
          'content-type': ext === 'md' ? 'text/markdown; charset=utf-8' : 'text/html; charset=utf-8',
        },
        body: readFixture('siret', file),
      };
    }
    return { path: req.path, status: 404, body: 'not found' };
  });
});
afterAll(async () => {
  await server.close();
});

const crawl = (path: string) =>
  crawlSite(
    `${server.url}${path}`,
    pageFetcherFrom(createSafeFetch({ allowHosts: ['127.0.0.1'], allowPorts: [server.port] })),
    {
      maxPages: 5,
      signal: new AbortController().signal,
    },
  );

// Workers start from source under tsx: seconds on a busy machine, paid once here, not by a test.
beforeAll(() => warmHtmlPool(readPageTask), 60_000);

describe('crawling a site built around each recorded legal notice', () => {
  it('finds every fixture’s publisher from its home page, with a median of at most 3 fetches', async () => {
    const fetches: number[] = [];
    for (const e of expected) {
      const res = await crawl(`/${e.id}/`);
      expect(res.ok, e.id).toBe(true);
      if (!res.ok) continue;
      const answer = buildAnswer(res.value.pages, res.value.pagesFetched);
      const want = /^\d{9}$/.test(e.expected_site_siren ?? '')
        ? e.expected_site_siren
        : (e.identifiers[0]?.siren ?? null);
      expect(answer.siren, e.id).toBe(e.id === 'T01' ? null : want);
      fetches.push(res.value.pagesFetched);
    }
    const sorted = [...fetches].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] as number;
    expect(median).toBe(2);
    expect(Math.max(...fetches)).toBeLessThanOrEqual(5);
  });

  it.each(['cp1252', 'utf16'])('decodes a %s legal notice before reading it', async (id) => {
    const res = await crawl(`/${id}/`);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const answer = buildAnswer(res.value.pages, res.value.pagesFetched);
    expect(answer).toMatchObject({ siren: '552081317', siret: '55208131766522' });
    expect(answer.candidates[0]?.context).toContain('Société Hélène & Cie');
  });
});
