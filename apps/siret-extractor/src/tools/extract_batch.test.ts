import { createSafeFetch, createToolRegistry } from '@mcp/core';
import { startReplayServer, toolErrorOf } from '@mcp/core/testing';
import { describe, expect, it } from 'vitest';
import { useTools } from '../testing/tools.js';
import { pageFetcherFrom } from '../upstream/page-fetcher.js';
import { extractorTools } from './index.js';

const { siteUrl, ctx, progress, call } = useTools();

describe('extract_batch', () => {
  it('extract_batch answers one result per URL, in order, with per-site errors and progress', async () => {
    progress.length = 0;
    const res = await call('extract_batch', {
      urls: [`${siteUrl()}/`, 'ftp://nope.example/', `${siteUrl()}/missing`],
      max_pages: 3,
    });
    const out = res.structuredContent as {
      results: Array<{ url: string; result: { siren: string } | null; error: { code: string } | null }>;
      succeeded: number;
      failed: number;
    };
    expect(out.results.map((r) => r.url)).toEqual([
      `${siteUrl()}/`,
      'ftp://nope.example/',
      `${siteUrl()}/missing`,
    ]);
    expect(out.results[0]?.result?.siren).toBe('877773689');
    expect(out.results[1]?.error?.code).toBe('forbidden_target');
    expect(out.results[2]?.error?.code).toBe('not_found');
    expect([out.succeeded, out.failed]).toEqual([1, 2]);
    expect(progress.map((p) => p[1])).toEqual([3, 3, 3]);
  });

  it('extract_batch keeps at most four sites in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const slow = await startReplayServer([
      {
        path: /^\/s\d+$/,
        handle: async (_req, res) => {
          inFlight += 1;
          peak = Math.max(peak, inFlight);
          await new Promise((r) => setTimeout(r, 80));
          inFlight -= 1;
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end('<p>SIREN 552 081 317</p>');
        },
      },
    ]);
    try {
      const own = createToolRegistry(
        extractorTools({
          fetchPage: pageFetcherFrom(createSafeFetch({ allowHosts: ['127.0.0.1'], allowPorts: [slow.port] })),
          annuaire: null,
        }),
      );
      const urls = Array.from({ length: 10 }, (_, i) => `${slow.url}/s${i}`);
      const res = (await own.call('extract_batch', { urls, max_pages: 1 }, ctx())) as {
        structuredContent: { succeeded: number; results: Array<{ result: { siren: string } | null }> };
      };
      expect(res.structuredContent.succeeded).toBe(10);
      expect(res.structuredContent.results.every((r) => r.result?.siren === '552081317')).toBe(true);
      expect(peak).toBe(4);
    } finally {
      await slow.close();
    }
  });

  it('extract_batch refuses more than 20 URLs', async () => {
    const res = await call('extract_batch', {
      urls: Array.from({ length: 21 }, (_, i) => `https://s${i}.example`),
    });
    expect(toolErrorOf(res).code).toBe('invalid_input');
  });

  it('verify: true checks each site’s publisher', async () => {
    const res = await call('extract_batch', { urls: [`${siteUrl()}/`], max_pages: 3, verify: true });
    const out = res.structuredContent as {
      results: Array<{
        result: { siren: string; verification: Array<{ siren: string; found: boolean }> } | null;
      }>;
    };
    expect(out.results[0]?.result).toMatchObject({
      siren: '877773689',
      verification: [{ siren: '877773689', found: false }],
    });
  });
});
