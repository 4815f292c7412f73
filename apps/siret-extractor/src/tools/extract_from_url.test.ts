import { toolErrorOf } from '@mcp/core/testing';
import { describe, expect, it } from 'vitest';
import { useTools } from '../testing/tools.js';

const { siteUrl, registry, progress, call } = useTools();

describe('extract_from_url', () => {
  it('lists the four tools with described inputs', () => {
    const list = registry().list.tools;
    expect(list.map((t) => t.name)).toEqual([
      'extract_from_url',
      'extract_from_html',
      'extract_from_text',
      'extract_batch',
    ]);
    const url = list[0]?.inputSchema.properties?.url as { description?: string };
    expect(url.description).toContain('https://example.fr');
  });

  it('extract_from_url crawls a loopback site and reports progress', async () => {
    progress.length = 0;
    const res = await call('extract_from_url', { url: `${siteUrl()}/` });
    expect(res.structuredContent).toMatchObject({ siren: '877773689', pages_fetched: 2 });
    expect(res.structuredContent.source_url).toBe(`${siteUrl()}/mentions-legales.html`);
    expect(progress.map((p) => p[0])).toEqual([1, 2]);
  });

  it('extract_from_url refuses non-http schemes as forbidden_target', async () => {
    const res = await call('extract_from_url', { url: 'ftp://example.fr/' });
    expect(toolErrorOf(res)).toMatchObject({ code: 'forbidden_target' });
  });

  it('extract_from_url validates max_pages', async () => {
    const res = await call('extract_from_url', { url: 'https://example.fr', max_pages: 50 });
    expect(toolErrorOf(res).code).toBe('invalid_input');
    expect(toolErrorOf(res).message).toContain('max_pages');
  });

  it('refuses private addresses and non-http URLs as forbidden_target', async () => {
    for (const url of [
      'http://10.0.0.1/',
      'http://169.254.169.254/latest/meta-data/',
      'file:///etc/passwd',
    ]) {
      const res = await call('extract_from_url', { url });
      expect(res.isError, url).toBe(true);
      expect(toolErrorOf(res), url).toMatchObject({ code: 'forbidden_target' });
    }
  });
});
