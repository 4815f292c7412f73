import { describe, expect, it } from 'vitest';
import { htmlToDoc } from './html.js';
import { markdownToDoc } from './markdown.js';

describe('htmlToDoc', () => {
  it('keeps blocks on their own lines, table cells on one line and records headings', () => {
    const doc = htmlToDoc(
      '<html><head><title>Mentions</title><style>p{}</style></head><body><h2>Éditeur</h2>' +
        '<p>ACME<br>Paris</p><table><tr><th>SIREN</th><td>552&nbsp;081 317</td></tr></table>' +
        '<script>var siren = "123456789";</script><dl><dt>TVA</dt><dd>FR03552081317</dd></dl></body></html>',
    );
    expect(doc.text).toBe('Éditeur\nACME\nParis\nSIREN | 552 081 317\nTVA | FR03552081317\n');
    expect(doc.headings).toEqual([{ level: 2, text: 'Éditeur', start: 0, end: 7 }]);
    expect(doc.title).toBe('Mentions');
  });

  it('joins inline tags without inventing spaces and drops zero-width characters', () => {
    expect(htmlToDoc('<p>SIREN <span>552</span><span>081</span>\u200b<b>317</b></p>').text).toBe(
      'SIREN 552081317\n',
    );
  });
});

describe('markdownToDoc', () => {
  it('drops front matter, template tags and link targets; keeps headings, lists and link texts', () => {
    const doc = markdownToDoc(
      '---\ntitle: "Mentions légales"\n---\n## Éditeur\n\n- **ACME** {% include x.html %}\n- [Site](https://acme.fr "t")\n\n[ref]: +33611650503 "Tel"\n',
    );
    expect(doc.title).toBe('Mentions légales');
    expect(doc.text).toBe('Éditeur\nACME\nSite\n');
    expect(doc.headings.map((h) => h.text)).toEqual(['Éditeur']);
  });

  it('treats text with "<" as text, not tags, when it holds no HTML', () => {
    expect(markdownToDoc('SIREN : <a compléter>').text).toBe('SIREN : <a compléter>\n');
  });
});
