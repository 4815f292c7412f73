import type { TextDoc } from './doc.js';
import { htmlToDoc } from './html.js';

/** Markdown that embeds HTML: a closing tag, a `<br>`, or a tag with attributes; `<à compléter>` is not. */
const HTML_TAG =
  /<\/(?:p|div|h[1-6]|table|tr|td|th|li|ul|ol|strong|b|em|i|span|a|section|article|dl|dt|dd|mark|small)>|<br\s*\/?>|<(?:p|div|a|span|img|table|section)\s+[\w-]+=/i;
/<\/?(?:p|div|br|h[1-6]|table|tr|td|th|li|ul|ol|strong|b|em|i|span|a|section|article|dl|dt|dd|mark|small)\b[^>]*>/i;

const escapeHtml = (s: string): string =>
  s
    .replace(/&(?![a-z]+;|#\d+;|#x[0-9a-f]+;)/gi, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');

/** Inline Markdown → inline HTML: emphasis markers go, link texts stay, link targets go. */
const inline = (line: string, allowHtml: boolean, refs: ReadonlySet<string>): string => {
  let s = allowHtml ? line : escapeHtml(line);
  s = s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    // `[x]` is a link only when `[x]: …` is defined; "[Numéro SIRET]" in a template stays as written.
    .replace(/\[([^\]]+)\]/g, (all, label: string) => (refs.has(label.toLowerCase()) ? label : all))
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/__([^_]+)__/g, '$1')
    .replace(/(^|[\s(])\*([^*\s][^*]*)\*/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');
  return s;
};

/**
 * Markdown (or plain text) → structured text. Headings (ATX and setext), lists and paragraphs become
 * blocks; front matter, Liquid/Hugo template tags and link reference definitions are dropped. HTML
 * embedded in the Markdown is kept and parsed with the rest, so a `.md` made of HTML reads as HTML.
 */
export const markdownToDoc = (markdown: string): TextDoc => {
  const allowHtml = HTML_TAG.test(markdown);
  const body = markdown
    .replace(/^\ufeff/, '')
    .replace(/^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/, '')
    .replace(/\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g, '');
  const lines = body.split(/\r?\n/);
  const refs = new Set(
    lines.map((l) => /^\s*\[([^\]]+)\]:\s*\S/.exec(l)?.[1]?.toLowerCase()).filter((r): r is string => !!r),
  );
  const out: string[] = [];
  let insideTag = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const next = lines[i + 1] ?? '';
    if (insideTag || (allowHtml && /^\s*</.test(line))) {
      out.push(line);
      const opens = (line.match(/</g) ?? []).length;
      const closes = (line.match(/>/g) ?? []).length;
      insideTag = insideTag
        ? !line.includes('>') || line.lastIndexOf('<') > line.lastIndexOf('>')
        : opens > closes;
      continue;
    }
    if (/^\s*\[[^\]]+\]:\s*\S+/.test(line)) continue;
    const atx = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (atx) {
      const level = atx[1]?.length ?? 1;
      out.push(`<h${level}>${inline(atx[2] ?? '', allowHtml, refs)}</h${level}>`);
      continue;
    }
    if (line.trim().length > 0 && /^\s{0,3}(=+|-+)\s*$/.test(next) && !/^\s*[-*+]\s/.test(line)) {
      const level = next.trim().startsWith('=') ? 1 : 2;
      out.push(`<h${level}>${inline(line.trim(), allowHtml, refs)}</h${level}>`);
      i += 1;
      continue;
    }
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      out.push('<hr>');
      continue;
    }
    const item = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (item) {
      out.push(`<li>${inline(item[1] ?? '', allowHtml, refs)}</li>`);
      continue;
    }
    if (line.trim().length === 0) {
      out.push('<p></p>');
      continue;
    }
    out.push(`${inline(line.replace(/^\s*>\s?/, ''), allowHtml, refs)}<br>`);
  }
  const doc = htmlToDoc(out.join('\n'));
  const title = /^---\r?\n[\s\S]*?^title:\s*["']?(.+?)["']?\s*$/m.exec(markdown)?.[1] ?? null;
  return { ...doc, title };
};
