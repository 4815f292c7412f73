/** A fenced code block of a Markdown page, with the HTML comment just above it (if any). */
export interface CodeBlock {
  lang: string;
  text: string;
  /** Text of an `<!-- … -->` comment on the line right before the fence. */
  marker?: string;
  /** 1-based line of the opening fence. */
  line: number;
}

export const codeBlocks = (markdown: string): CodeBlock[] => {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)/.exec(lines[i] ?? '');
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !(lines[i] ?? '').startsWith('```'); i++) body.push(lines[i] ?? '');
    const previous = /^<!--\s*(.*?)\s*-->$/.exec(lines[start - 1] ?? '');
    blocks.push({
      lang: open[1] ?? '',
      text: body.join('\n'),
      ...(previous?.[1] ? { marker: previous[1] } : {}),
      line: start + 1,
    });
  }
  return blocks;
};

/** Shell lines with `\` continuations joined. */
export const shellCommands = (text: string): string[] =>
  text
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * Splits a command line into words the way a POSIX shell would for the simple forms the docs use:
 * single and double quotes, and an unquoted `#` starting a comment. Expansions are left alone.
 */
export const shellWords = (line: string): string[] => {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else current += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else if (ch === '#' && !inWord) {
      break;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  return words;
};
