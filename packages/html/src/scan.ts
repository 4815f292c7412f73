import type { HtmlLimits } from './limits.js';
import type { HtmlRefusal } from './refusal.js';

// Elements that never hold children.
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

// Elements whose end tag is optional: parsers close them implicitly (a `<p>` closes the open `<p>`),
// so counting their start tags would make ordinary sloppy markup look deep. Their containers
// (`ul`, `table`, `dl`, `select`) are counted, so nesting through them is still seen.
const OPTIONAL_END = new Set([
  'body',
  'caption',
  'colgroup',
  'dd',
  'dt',
  'head',
  'html',
  'li',
  'optgroup',
  'option',
  'p',
  'rb',
  'rp',
  'rt',
  'rtc',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
]);

// Their content is text up to the matching end tag, whatever it looks like.
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']);
const rawEnd = new Map([...RAW_TEXT].map((name) => [name, new RegExp(`</${name}[\\s/>]`, 'gi')]));

// In SVG and MathML, `<x/>` closes itself; in HTML it opens an element (`<div/>` is an open div).
const FOREIGN = new Set(['svg', 'math']);

const isNameStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isNameEnd = (c: number): boolean =>
  c === 62 /* > */ || c === 47 /* / */ || c === 32 || c === 9 || c === 10 || c === 12 || c === 13;

/** Index of the `>` ending a tag that starts at `from`, skipping quoted attribute values; -1 when none. */
const tagEnd = (html: string, from: number): number => {
  let quote = 0;
  for (let i = from; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) {
      // A quote only opens a value right after `=` (possibly spaced); elsewhere it is a stray character.
      let j = i - 1;
      while (j > from && (html.charCodeAt(j) === 32 || html.charCodeAt(j) === 10)) j--;
      if (html.charCodeAt(j) === 61 /* = */) quote = c;
    } else if (c === 62) return i;
  }
  return -1;
};

/**
 * The deepest element nesting of a page, measured by one linear pass over its tags (no tree is
 * built). It approximates what an HTML parser would build: void elements and elements with optional
 * end tags are not counted, script/style/textarea content is skipped, comments too. Stops counting
 * once `stopAt` is passed.
 */
export const nestingDepth = (html: string, stopAt = Number.POSITIVE_INFINITY): number => {
  let depth = 0;
  let max = 0;
  let foreign = 0;
  let i = html.indexOf('<');
  while (i !== -1 && i < html.length - 1) {
    const next = html.charCodeAt(i + 1);
    if (next === 33 /* ! */ || next === 63 /* ? */) {
      const comment = html.startsWith('<!--', i);
      const end = comment ? html.indexOf('-->', i + 4) : html.indexOf('>', i + 2);
      if (end === -1) break;
      i = html.indexOf('<', end + 1);
      continue;
    }
    const closing = next === 47; /* / */
    const start = closing ? i + 2 : i + 1;
    if (!isNameStart(html.charCodeAt(start))) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    let j = start + 1;
    while (j < html.length && !isNameEnd(html.charCodeAt(j))) j++;
    const name = html.slice(start, j).toLowerCase();
    const end = tagEnd(html, j);
    if (end === -1) break;
    if (closing) {
      if (!VOID.has(name) && !OPTIONAL_END.has(name) && depth > 0) {
        depth -= 1;
        if (FOREIGN.has(name) && foreign > 0) foreign -= 1;
      }
      i = html.indexOf('<', end + 1);
      continue;
    }
    const selfClosed = html.charCodeAt(end - 1) === 47 && (foreign > 0 || FOREIGN.has(name));
    if (!VOID.has(name) && !OPTIONAL_END.has(name) && !selfClosed) {
      depth += 1;
      if (FOREIGN.has(name)) foreign += 1;
      if (depth > max) {
        max = depth;
        if (max > stopAt) return max;
      }
    }
    const raw = rawEnd.get(name);
    if (raw && !selfClosed) {
      raw.lastIndex = end + 1;
      const found = raw.exec(html);
      if (!found) break;
      // The end tag itself is read by the next turn, which closes the element.
      i = found.index;
      continue;
    }
    i = html.indexOf('<', end + 1);
  }
  return max;
};

const mb = (bytes: number): string => `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;

/** The cheap checks made before any parse: size first (one pass over the bytes), then depth. */
export const checkHtml = (html: string, limits: HtmlLimits): HtmlRefusal | null => {
  // Each UTF-16 unit is at most 3 UTF-8 bytes: short strings skip the byte count.
  if (html.length * 3 > limits.maxBytes) {
    const bytes = Buffer.byteLength(html, 'utf8');
    if (bytes > limits.maxBytes) {
      return {
        reason: 'too_large',
        message: `the HTML is ${mb(bytes)}, over the ${mb(limits.maxBytes)} limit`,
        limit: limits.maxBytes,
        measured: bytes,
      };
    }
  }
  const depth = nestingDepth(html, limits.maxDepth);
  if (depth > limits.maxDepth) {
    return {
      reason: 'too_deep',
      message: `the HTML nests elements more than ${limits.maxDepth} deep`,
      limit: limits.maxDepth,
      measured: depth,
    };
  }
  return null;
};
