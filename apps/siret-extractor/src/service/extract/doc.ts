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

interface OpenHeading {
  level: number;
  start: number;
  before: number;
}

/**
 * Appends text while collapsing whitespace the way a browser renders it. Text is kept as chunks so
 * that trimming a trailing space stays O(1) on multi-megabyte pages.
 */
export const createDocBuilder = () => {
  const parts: string[] = [];
  let length = 0;
  const headings: Heading[] = [];

  const last = (): string => {
    const part = parts[parts.length - 1];
    return part ? part.charAt(part.length - 1) : '';
  };
  const append = (s: string): void => {
    if (s.length === 0) return;
    parts.push(s);
    length += s.length;
  };
  /** Drops one trailing space; `push` never leaves more than one. */
  const trimEnd = (): void => {
    const part = parts[parts.length - 1];
    if (part?.endsWith(' ')) {
      parts[parts.length - 1] = part.slice(0, -1);
      length -= 1;
    }
  };
  const push = (raw: string): void => {
    // Zero-width characters sometimes sit inside numbers (anti-scraping, CMS soft hyphens).
    let t = normalizeSpaces(raw.replace(/\u200b|\u200c|\u200d|\u2060|\ufeff|\u00ad/g, '')).replace(
      /\s+/g,
      ' ',
    );
    const end = last();
    if (length === 0 || end === '\n' || end === ' ') t = t.replace(/^ /, '');
    append(t);
  };
  const pushRaw = (s: string): void => append(s);
  const breakLine = (): void => {
    trimEnd();
    if (length > 0 && last() !== '\n') append('\n');
  };
  const text = (): string => {
    const joined = parts.join('');
    parts.length = 0;
    parts.push(joined);
    return joined;
  };
  /** Opens a heading; what is pushed until `endHeading` is its title. Split so walkers need no recursion. */
  const beginHeading = (level: number): OpenHeading => {
    breakLine();
    return { level, start: length, before: parts.length };
  };
  const endHeading = ({ level, start, before }: OpenHeading): void => {
    trimEnd();
    const end = length;
    const title = parts.slice(before).join('').trim();
    if (title.length > 0) headings.push({ level, text: title, start, end });
    breakLine();
  };
  const heading = (level: number, fill: () => void): void => {
    const open = beginHeading(level);
    fill();
    endHeading(open);
  };
  const build = (title: string | null): TextDoc => ({ text: text(), headings, title });
  return {
    push,
    pushRaw,
    breakLine,
    heading,
    beginHeading,
    endHeading,
    endsWith: (s: string) => last() === s,
    build,
  };
};

export type DocBuilder = ReturnType<typeof createDocBuilder>;

/** Index of the last heading starting at or before `offset` (binary search), -1 when none. */
export const headingIndexAt = (doc: TextDoc, offset: number): number => {
  let lo = 0;
  let hi = doc.headings.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((doc.headings[mid] as Heading).start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
};

/** The last heading starting before `offset`, or null when the offset precedes every heading. */
export const sectionAt = (doc: TextDoc, offset: number): Heading | null =>
  doc.headings[headingIndexAt(doc, offset)] ?? null;
