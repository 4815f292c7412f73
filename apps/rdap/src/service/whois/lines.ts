/** One `key: value` line of a WHOIS answer; `key` lower-cased, prefixed by its section heading if any. */
export interface WhoisField {
  key: string;
  value: string;
}

const COMMENT = /^\s*(%|#|>>>|;)/;
const KEY_VALUE = /^\s*([A-Za-z][A-Za-z0-9 ./_()-]{0,60}?)\s*:\s?(.*)$/;

/**
 * Splits a WHOIS text into blocks (separated by blank lines) of fields. Handles both the flat
 * `Key: Value` layout (ICANN, AFNIC) and the sectioned one (`Registrar:` then indented `Name: …`,
 * as .eu/.it print): indented fields under a heading become `heading key`, and an indented line
 * without a colon becomes the heading's value.
 */
export const whoisBlocks = (text: string): WhoisField[][] => {
  const blocks: WhoisField[][] = [];
  let block: WhoisField[] = [];
  let heading: string | null = null;
  const flush = () => {
    if (block.length > 0) blocks.push(block);
    block = [];
    heading = null;
  };
  for (const rawLine of text.replace(/\r/g, '').split('\n')) {
    if (COMMENT.test(rawLine)) continue;
    if (rawLine.trim() === '') {
      flush();
      continue;
    }
    const indented = /^\s/.test(rawLine);
    if (!indented) heading = null;
    const m = KEY_VALUE.exec(rawLine);
    if (m && !/^https?$/i.test(m[1] as string)) {
      const key = (m[1] as string).trim().toLowerCase();
      const value = (m[2] as string).trim();
      if (!indented && value === '') {
        heading = key;
        block.push({ key, value });
        continue;
      }
      block.push({ key: indented && heading ? `${heading} ${key}` : key, value });
    } else if (indented && heading) {
      block.push({ key: heading, value: rawLine.trim() });
    } else if (!indented && !rawLine.includes(':')) {
      heading = rawLine.trim().toLowerCase();
    }
  }
  flush();
  return blocks;
};

export const firstValue = (fields: WhoisField[], ...keys: string[]): string | null => {
  for (const key of keys) {
    const hit = fields.find((f) => f.key === key && f.value !== '');
    if (hit) return hit.value;
  }
  return null;
};

export const allValues = (fields: WhoisField[], ...keys: string[]): string[] =>
  fields.filter((f) => keys.includes(f.key) && f.value !== '').map((f) => f.value);

/** "clientTransferProhibited https://icann.org/epp#…" → "client transfer prohibited" (RFC 8056 wording). */
export const eppToRdapStatus = (raw: string): string => {
  const token = raw.trim().split(/\s+/)[0] ?? '';
  if (token.toLowerCase() === 'ok') return 'active';
  return token
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
};

/** "ns1.example.fr [192.0.2.1]" or "ns1.example.fr. 192.0.2.1" → "ns1.example.fr". */
export const nameserverName = (raw: string): string =>
  (raw.trim().split(/\s+/)[0] ?? '').toLowerCase().replace(/\.$/, '');
