import { TextDecoder } from 'node:util';

/**
 * Bytes → string with the encoding a browser would pick: byte-order mark, then the Content-Type
 * charset, then `<meta charset>` / `<meta http-equiv="Content-Type">` in the first bytes of HTML or an
 * XML declaration, then UTF-16 sniffing, else UTF-8. WHATWG TextDecoder (full ICU in Node) does the
 * decoding, so labels like `latin1` or `iso-8859-1` map to windows-1252 as browsers do.
 */

const PRESCAN_BYTES = 4096;

export const charsetFromContentType = (contentType: string | undefined): string | undefined => {
  const match = contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i);
  return match?.[1]?.toLowerCase();
};

const bomEncoding = (bytes: Uint8Array): string | undefined => {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
};

// Markup without a BOM but in UTF-16 still starts with `<` next to a NUL byte.
const sniffUtf16 = (bytes: Uint8Array): string | undefined => {
  if (bytes.length < 4) return undefined;
  if (bytes[0] === 0x3c && bytes[1] === 0 && bytes[3] === 0) return 'utf-16le';
  if (bytes[0] === 0 && bytes[1] === 0x3c && bytes[2] === 0) return 'utf-16be';
  return undefined;
};

/** Charset declared inside the document: `<meta charset>`, http-equiv Content-Type, or `<?xml encoding>`. */
export const charsetFromMarkup = (head: string): string | undefined => {
  const meta = head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i);
  if (meta?.[1]) return meta[1].toLowerCase();
  const xml = head.match(/^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i);
  return xml?.[1]?.toLowerCase();
};

const decoderFor = (label: string | undefined): TextDecoder | undefined => {
  if (!label) return undefined;
  try {
    return new TextDecoder(label);
  } catch {
    return undefined;
  }
};

/** The encoding to use for `bytes`, as a WHATWG encoding name. */
export const detectEncoding = (bytes: Uint8Array, contentType?: string): string => {
  const bom = bomEncoding(bytes);
  if (bom) return bom;
  const declared = decoderFor(charsetFromContentType(contentType));
  if (declared) return declared.encoding;
  const sniffed = sniffUtf16(bytes);
  if (sniffed) return sniffed;
  // ASCII-compatible prescan: latin1 keeps every byte as one char, so the regex sees the markup.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES)).toString(
    'latin1',
  );
  const inMarkup = decoderFor(charsetFromMarkup(head))?.encoding;
  // A document cannot truthfully declare UTF-16 in ASCII bytes: browsers read it as UTF-8.
  if (inMarkup && !inMarkup.startsWith('utf-16')) return inMarkup;
  return 'utf-8';
};

export const decodeBody = (bytes: Uint8Array, contentType?: string): string =>
  // TextDecoder strips a matching BOM by default; invalid sequences become U+FFFD rather than throwing.
  new TextDecoder(detectEncoding(bytes, contentType)).decode(bytes);
