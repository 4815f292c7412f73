import { normalizeSpaces } from '@mcp/fr-ids';

/** A section title and where it sits in `TextDoc.text`. */
export interface Heading {
  level: number;
  text: string;
  start: number;
  end: number;
}

/**
 * A page flattened to text with its structure kept: one block per line, table cells joined on one
 * line as `label | value`, headings recorded with their offsets so a number can be placed in its section.
 */
export interface TextDoc {
  text: string;
  headings: Heading[];
  title: string | null;
}

/** Appends text while collapsing whitespace the way a browser renders it. */
export const createDocBuilder = () => {
  let text = '';
  const headings: Heading[] = [];

  const push = (raw: string): void => {
    // Zero-width characters sometimes sit inside numbers (anti-scraping, CMS soft hyphens).
    let t = normalizeSpaces(raw.replace(/\u200b|\u200c|\u200d|\u2060|\ufeff|\u00ad/g, '')).replace(
      /\s+/g,
      ' ',
    );
    if (t.length === 0) return;
    if (text.length === 0 || text.endsWith('\n') || text.endsWith(' ')) t = t.replace(/^ /, '');
    text += t;
  };
  const pushRaw = (s: string): void => {
    text += s;
  };
  const breakLine = (): void => {
    text = text.replace(/ +$/, '');
    if (text.length > 0 && !text.endsWith('\n')) text += '\n';
  };
  const heading = (level: number, fill: () => void): void => {
    breakLine();
    const start = text.length;
    fill();
    text = text.replace(/ +$/, '');
    const end = text.length;
    const title = text.slice(start, end).trim();
    if (title.length > 0) headings.push({ level, text: title, start, end });
    breakLine();
  };
  const build = (title: string | null): TextDoc => ({ text, headings, title });
  return {
    push,
    pushRaw,
    breakLine,
    heading,
    length: () => text.length,
    endsWith: (s: string) => text.endsWith(s),
    build,
  };
};

export type DocBuilder = ReturnType<typeof createDocBuilder>;

/** The last heading starting before `offset`, or null when the offset precedes every heading. */
export const sectionAt = (doc: TextDoc, offset: number): Heading | null => {
  let found: Heading | null = null;
  for (const h of doc.headings) {
    if (h.start <= offset) found = h;
    else break;
  }
  return found;
};
