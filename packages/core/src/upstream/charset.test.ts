import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSafeFetch } from '../safe-fetch/safe-fetch.js';
import { type ReplayServer, startReplayServer } from '../testing/replay-server.js';
import { charsetFromContentType, charsetFromMarkup, decodeBody, detectEncoding } from './charset.js';
import { createUpstream } from './upstream.js';

const TEXT = 'Société Générale — capital 5 000 € — Œuvre « l’été »';

// windows-1252 differs from latin1 in 0x80–0x9F; Node has no encoder for it, so map those by hand.
const CP1252_EXTRA: Record<string, number> = { '€': 0x80, '—': 0x97, Œ: 0x8c, '’': 0x92 };
const cp1252 = (text: string): Buffer =>
  Buffer.from([...text].map((c) => CP1252_EXTRA[c] ?? c.charCodeAt(0)).filter((b) => b <= 0xff));

const page = (head: string) => `<html><head>${head}<title>t</title></head><body>${TEXT}</body></html>`;
const utf16be = (text: string): Buffer => Buffer.from(text, 'utf16le').swap16();

describe('charset detection', () => {
  it('reads the charset parameter of Content-Type', () => {
    expect(charsetFromContentType('text/html; charset="ISO-8859-1"')).toBe('iso-8859-1');
    expect(charsetFromContentType('application/json')).toBeUndefined();
  });

  it('reads <meta charset>, http-equiv and the XML declaration', () => {
    expect(charsetFromMarkup('<meta charset="windows-1252">')).toBe('windows-1252');
    expect(
      charsetFromMarkup('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15">'),
    ).toBe('iso-8859-15');
    expect(charsetFromMarkup('<?xml version="1.0" encoding="ISO-8859-1"?><rss/>')).toBe('iso-8859-1');
  });

  it('puts the BOM first, then the header, then the markup, else UTF-8', () => {
    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('<meta charset="windows-1252">'),
    ]);
    expect(detectEncoding(bom, 'text/html; charset=iso-8859-1')).toBe('utf-8');
    expect(detectEncoding(Buffer.from('<meta charset="windows-1252">'), 'text/html; charset=utf-8')).toBe(
      'utf-8',
    );
    expect(detectEncoding(Buffer.from('<meta charset="windows-1252">'), 'text/html')).toBe('windows-1252');
    expect(detectEncoding(Buffer.from('<p>rien</p>'))).toBe('utf-8');
    expect(detectEncoding(Buffer.from('<p>x</p>'), 'text/html; charset=bogus-charset')).toBe('utf-8');
  });

  it('decodes windows-1252 declared as latin1, as browsers do', () => {
    expect(decodeBody(cp1252(TEXT), 'text/plain; charset=latin1')).toBe(TEXT);
  });

  it('decodes UTF-16 with a BOM, and without one by sniffing the markup', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page(''), 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(page(''))]);
    expect(decodeBody(le, 'text/html')).toBe(page(''));
    expect(decodeBody(be)).toBe(page(''));
    expect(decodeBody(Buffer.from(page(''), 'utf16le'), 'text/html')).toBe(page(''));
  });
});

describe('charset over HTTP (safeFetch and upstream.text)', () => {
  let server: ReplayServer;
  beforeAll(async () => {
    server = await startReplayServer([
      {
        path: '/header',
        body: cp1252(page('')),
        headers: { 'content-type': 'text/html; charset=windows-1252' },
      },
      {
        path: '/meta',
        body: cp1252(page('<meta charset="windows-1252">')),
        headers: { 'content-type': 'text/html' },
      },
      {
        path: '/http-equiv',
        body: cp1252(page('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">')),
        headers: { 'content-type': 'text/html' },
      },
      {
        path: '/utf16',
        body: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page(''), 'utf16le')]),
        headers: { 'content-type': 'text/html; charset=utf-16' },
      },
      { path: '/utf8', body: page('<meta charset="utf-8">'), headers: { 'content-type': 'text/html' } },
    ]);
  });
  afterAll(() => server.close());

  it.each(['/header', '/meta', '/http-equiv', '/utf16', '/utf8'])('safeFetch decodes %s', async (path) => {
    const res = await createSafeFetch({ allowHosts: ['127.0.0.1'] })(`${server.url}${path}`);
    expect(res.ok && res.value.text).toContain(TEXT);
  });

  it('upstream.text decodes a windows-1252 page declared in <meta>', async () => {
    const api = createUpstream({ name: 'site', baseUrl: server.url });
    const res = await api.text({ path: '/meta' });
    await api.close();
    expect(res.ok && res.value.data).toContain(TEXT);
  });
});
