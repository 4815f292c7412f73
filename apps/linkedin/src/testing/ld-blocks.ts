// Test helpers only (never imported by the server): the JSON-LD blocks of a page, to perturb them.

const LD_BLOCK = /(<script[^>]*type=["']?application\/ld\+json["']?[^>]*>)([\s\S]*?)(<\/script>)/gi;

export interface LdBlock {
  /** Position among the page's ld+json scripts, counting those that are not JSON. */
  index: number;
  json: unknown;
}

/** The page's ld+json blocks that are JSON, parsed. */
export const ldBlocksOf = (html: string): LdBlock[] => {
  const blocks: LdBlock[] = [];
  let index = 0;
  for (const m of html.matchAll(LD_BLOCK)) {
    try {
      blocks.push({ index, json: JSON.parse(m[2] ?? '') as unknown });
    } catch {
      // Not JSON: nothing to perturb.
    }
    index += 1;
  }
  return blocks;
};

/** The page with its `index`-th ld+json block replaced by `value`, serialised as a page would. */
export const withLdBlock = (html: string, index: number, value: unknown): string => {
  let seen = -1;
  return html.replace(LD_BLOCK, (whole, open: string, _body: string, close: string) => {
    seen += 1;
    if (seen !== index) return whole;
    // `<\/` is the same JSON, and keeps a perturbed string from closing the script early.
    return `${open}${(JSON.stringify(value) ?? 'null').replaceAll('</', '<\\/')}${close}`;
  });
};
