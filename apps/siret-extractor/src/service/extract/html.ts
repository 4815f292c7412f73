import { type DomNode, findAll, textContent } from '@mcp/html';
import { load } from 'cheerio';
import { createDocBuilder, type DocBuilder, type TextDoc } from './doc.js';
import { jsonLdFacts } from './jsonld.js';

const SKIP = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'object',
  'embed',
  'canvas',
  'select',
  'option',
  'video',
  'audio',
  'map',
]);

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
]);

const HEADING = /^h([1-6])$/;

/** Work left on the walker's stack: a node to read, or the closing half of an element already opened. */
type Step = { node: DomNode; row: { cells: number } } | { close: () => void };

/**
 * Visible text in document order, with blocks, headings and table rows marked. An explicit stack, not
 * recursion: a page's nesting depth must never become the call stack's.
 */
const walk = (root: DomNode, out: DocBuilder): void => {
  const stack: Step[] = [{ node: root, row: { cells: 0 } }];
  const visit = (children: DomNode[], row: { cells: number }, close?: () => void): void => {
    if (close) stack.push({ close });
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i] as DomNode, row });
  };
  while (stack.length > 0) {
    const step = stack.pop() as Step;
    if ('close' in step) {
      step.close();
      continue;
    }
    const { node, row } = step;
    if (node.type === 'text') {
      out.push(node.data ?? '');
      continue;
    }
    if (node.type !== 'tag' && node.type !== 'root') continue;
    const name = node.name ?? '';
    if (SKIP.has(name)) continue;
    if (name === 'br') {
      out.breakLine();
      continue;
    }
    const children = node.children ?? [];
    const level = HEADING.exec(name);
    if (level) {
      const open = out.beginHeading(Number(level[1]));
      visit(children, row, () => out.endHeading(open));
      continue;
    }
    // A label and its value live in sibling cells: keep them on one line so "SIREN | 877 773 689" reads.
    if (name === 'td' || name === 'th' || name === 'dd') {
      if (name === 'dd' || row.cells > 0) {
        out.pushRaw(out.endsWith(' ') ? '| ' : ' | ');
      }
      row.cells += 1;
      visit(children, row);
      continue;
    }
    if (name === 'tr' || name === 'dt') {
      out.breakLine();
      visit(children, { cells: 0 }, name === 'tr' ? () => out.breakLine() : undefined);
      continue;
    }
    const block = BLOCK.has(name);
    if (block) out.breakLine();
    visit(children, row, block ? () => out.breakLine() : undefined);
  }
};

/** HTML → structured text: visible text only, blocks on their own lines, entities decoded. */
export const htmlToDoc = (html: string): TextDoc => {
  // htmlparser2 (cheerio's `xml` option in HTML mode) is several times faster than parse5 on big pages
  // and as good for reading text.
  const $ = load(html, { xml: { xmlMode: false, decodeEntities: true } });
  return domToDoc($.root()[0] as unknown as DomNode);
};

/** A parsed document → structured text, plus the publisher facts of its JSON-LD and its title. */
export const domToDoc = (root: DomNode): TextDoc => {
  const out = createDocBuilder();
  walk(root, out);
  const scripts = findAll(root, (n) => n.name === 'script' && /ld\+json/i.test(n.attribs?.type ?? ''), 10);
  for (const lines of jsonLdFacts(scripts.map(textContent))) {
    out.heading(6, () => out.push('Éditeur (données structurées JSON-LD)'));
    for (const line of lines) {
      out.push(line);
      out.breakLine();
    }
  }
  const [titleTag] = findAll(root, (n) => n.type === 'tag' && n.name === 'title', 1);
  const title = textContent(titleTag ?? null)
    .replace(/\s+/g, ' ')
    .trim();
  return out.build(title.length > 0 ? title : null);
};
