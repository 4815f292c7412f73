import { describe, expect, it } from 'vitest';
import { domToDoc, htmlToDoc } from './html.js';
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

describe('domToDoc on a page nested far deeper than any call stack', () => {
  it('walks 200,000 nested elements without recursion and keeps their text', () => {
    // Built by hand: parsing such a page is what the guards refuse; the walker must still never recurse.
    type Node = { type: string; name?: string; data?: string; children: Node[] };
    const root: Node = { type: 'root', children: [] };
    let at = root;
    for (let i = 0; i < 200_000; i++) {
      const div: Node = { type: 'tag', name: i % 2 ? 'div' : 'span', children: [] };
      at.children.push(div);
      at = div;
    }
    at.children.push({ type: 'text', data: 'SIREN 732 829 320', children: [] });
    const doc = domToDoc(root);
    expect(doc.text.trim()).toBe('SIREN 732 829 320');
  });
});
