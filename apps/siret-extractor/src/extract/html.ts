import { load } from 'cheerio';
import { createDocBuilder, type DocBuilder, type TextDoc } from './doc.js';
import { jsonLdFacts } from './jsonld.js';

/** The part of domhandler's node shape we walk; cheerio does not re-export domhandler's types. */
interface DomNode {
  type: string;
  name?: string;
  data?: string;
  children?: DomNode[];
  attribs?: Record<string, string>;
}

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

const walk = (node: DomNode, out: DocBuilder, row: { cells: number }): void => {
  if (node.type === 'text') {
    out.push(node.data ?? '');
    return;
  }
  if (node.type !== 'tag' && node.type !== 'root') return;
  const name = node.name ?? '';
  if (SKIP.has(name)) return;
  if (name === 'br') {
    out.breakLine();
    return;
  }
  const children = node.children ?? [];
  const level = HEADING.exec(name);
  if (level) {
    out.heading(Number(level[1]), () => {
      for (const c of children) walk(c, out, row);
    });
    return;
  }
  // A label and its value live in sibling cells: keep them on one line so "SIREN | 877 773 689" reads.
  if (name === 'td' || name === 'th' || name === 'dd') {
    if (name === 'dd' || row.cells > 0) {
      out.pushRaw(out.endsWith(' ') ? '| ' : ' | ');
    }
    row.cells += 1;
    for (const c of children) walk(c, out, row);
    return;
  }
  if (name === 'tr' || name === 'dt') {
    out.breakLine();
    const inner = { cells: 0 };
    for (const c of children) walk(c, out, inner);
    if (name === 'tr') out.breakLine();
    return;
  }
  const block = BLOCK.has(name);
  if (block) out.breakLine();
  for (const c of children) walk(c, out, row);
  if (block) out.breakLine();
};

/** Elements matching `test`, depth first, at most `max`. (A css-select query costs O(n²) on flat documents.) */
const findAll = (node: DomNode, test: (n: DomNode) => boolean, max: number): DomNode[] => {
  const found: DomNode[] = [];
  const stack: DomNode[] = [node];
  while (stack.length > 0 && found.length < max) {
    const n = stack.pop() as DomNode;
    if (test(n)) found.push(n);
    const children = n.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as DomNode);
  }
  return found;
};

const textOf = (node: DomNode | null): string =>
  node === null ? '' : node.type === 'text' ? (node.data ?? '') : (node.children ?? []).map(textOf).join('');

/** HTML → structured text: visible text only, blocks on their own lines, entities decoded. */
export const htmlToDoc = (html: string): TextDoc => {
  // htmlparser2 (cheerio's `xml` option in HTML mode) is several times faster than parse5 on big pages
  // and as good for reading text.
  const $ = load(html, { xml: { xmlMode: false, decodeEntities: true } });
  const out = createDocBuilder();
  const root = $.root()[0] as unknown as DomNode;
  walk(root, out, { cells: 0 });
  const scripts = findAll(root, (n) => n.name === 'script' && /ld\+json/i.test(n.attribs?.type ?? ''), 10);
  for (const lines of jsonLdFacts(scripts.map(textOf))) {
    out.heading(6, () => out.push('Éditeur (données structurées JSON-LD)'));
    for (const line of lines) {
      out.push(line);
      out.breakLine();
    }
  }
  const [titleTag] = findAll(root, (n) => n.type === 'tag' && n.name === 'title', 1);
  const title = textOf(titleTag ?? null)
    .replace(/\s+/g, ' ')
    .trim();
  return out.build(title.length > 0 ? title : null);
};
