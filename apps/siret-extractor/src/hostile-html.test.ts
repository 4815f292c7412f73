import {
  type ReplayServer,
  readFixtureText,
  startReplayServer,
  startTestServer,
  toolErrorOf,
} from '@mcp/core/testing';
import { htmlPool, warmHtmlPool } from '@mcp/html';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { extractorServer } from './server.js';
import { readPageTask } from './service/extract/tasks.js';

// Hand-made hostile pages (not recorded fixtures): what issue 19 measured freezing the process.
/** 950 KB, 190,000 nested `<div>` (never closed): held the event loop 20–30 s, then overflowed the walker. */
const WORST = `${'<div>'.repeat(190_000)}SIREN 732 829 320`;
/**
 * Within the raised limits yet slow: every stray `</b>` makes the parser search its 9,000 open
 * elements, so the parse takes seconds (depth × stray end tags), well past the 1 s time limit.
 */
const SLOW = `${'<div>'.repeat(9000)}SIREN 732 829 320${'</b>'.repeat(150_000)}`;

let site: ReplayServer;
let server: Awaited<ReturnType<typeof startTestServer>>;
/** Guards raised (depth 10,000) and a 1 s parse limit, for a page that passes the guards but parses slowly. */
let slowServer: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  site = await startReplayServer([
    { path: '/', headers: { 'content-type': 'text/html' }, body: WORST },
    {
      path: '/legal-trap/',
      headers: { 'content-type': 'text/html' },
      body: '<footer><a href="/mentions-legales">Mentions légales</a> <a href="/legal">Legal</a></footer>',
    },
    { path: '/mentions-legales', headers: { 'content-type': 'text/html' }, body: WORST },
    {
      path: '/legal',
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: readFixtureText('siret', 'P11_8digriz-fr.html'),
    },
  ]);
  const env = { SAFE_FETCH_ALLOW_HOSTS: '127.0.0.1', SAFE_FETCH_ALLOW_PORTS: String(site.port) };
  server = await startTestServer(extractorServer, { env });
  slowServer = await startTestServer(extractorServer, {
    env: { ...env, HTML_MAX_DEPTH: '10000', HTML_PARSE_TIMEOUT_MS: '1000' },
  });
  await warmHtmlPool(readPageTask);
}, 60_000);
afterAll(async () => {
  await server.close();
  await slowServer.close();
  await site.close();
});

describe('a hostile page never holds the event loop', () => {
  it('answers GET / while a slow page is being parsed, then ends the call with a typed code', async () => {
    const client = await slowServer.connect();
    let settled = false;
    const call = client.callTool({ name: 'extract_from_html', arguments: { html: SLOW } }).finally(() => {
      settled = true;
    });
    // The parse is under way in a worker…
    await vi.waitFor(() => expect(htmlPool().stats().busy).toBe(1), { timeout: 20_000, interval: 5 });
    // …and the server still answers its health check before the parse is over.
    const health = await fetch(`${slowServer.url}/`);
    expect(health.status).toBe(200);
    expect(settled).toBe(false);
    const res = await call;
    expect(toolErrorOf(res)).toMatchObject({
      code: 'invalid_input',
      details: { fields: ['html'], reason: 'timeout' },
    });
  });

  it('extract_from_html refuses the worst-case page as invalid_input, not internal_error', async () => {
    const client = await server.connect();
    const res = await client.callTool({ name: 'extract_from_html', arguments: { html: WORST } });
    expect(toolErrorOf(res)).toMatchObject({
      code: 'invalid_input',
      details: { fields: ['html'], reason: 'too_deep', limit: 512 },
    });
  });

  it('extract_from_text refuses deep HTML inside Markdown the same way', async () => {
    const client = await server.connect();
    const res = await client.callTool({ name: 'extract_from_text', arguments: { text: WORST } });
    expect(toolErrorOf(res)).toMatchObject({ code: 'invalid_input', details: { reason: 'too_deep' } });
  });

  it('extract_from_url on a worst-case home page ends as upstream_too_large', async () => {
    const client = await server.connect();
    const res = await client.callTool({ name: 'extract_from_url', arguments: { url: `${site.url}/` } });
    expect(toolErrorOf(res)).toMatchObject({
      code: 'upstream_too_large',
      details: { reason: 'too_deep', limit: 512 },
    });
  });

  it('extract_from_url lists a worst-case legal page as unreadable and reads the next one', async () => {
    const client = await server.connect();
    const res = await client.callTool({
      name: 'extract_from_url',
      arguments: { url: `${site.url}/legal-trap/`, max_pages: 5 },
    });
    expect(res.isError).toBeFalsy();
    const out = res.structuredContent as { siren: string | null; notes: string[] };
    expect(out.siren).toBe('877773689');
    expect(out.notes).toContain(
      `${site.url}/mentions-legales: unreadable, upstream_too_large (the HTML nests elements more than 512 deep)`,
    );
  });
});
