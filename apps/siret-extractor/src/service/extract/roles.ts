import { sectionAt, type TextDoc } from './doc.js';
import { HOST_NAMES, KNOWN_HOST_SIRENS } from './hosts.js';

export type Role = 'publisher' | 'host' | 'third_party' | 'unknown';

/** How the role was decided, strongest first; feeds the confidence score. */
export type RoleCue = 'local' | 'near' | 'section' | 'known_host' | 'label' | 'none';

export interface RoleDecision {
  role: Role;
  cue: RoleCue;
}

const HOST_CUE =
  /h[ée]berg[ée]e?s?\s+(?:par|chez|sur)|h[ée]bergeur|h[ée]bergement\s*(?:du\s+site|web|&|et\b|:|-|–|est|assur)|hosted\s+(?:by|on|with)|hosting\s*(?:provider|:)|\bhost\s*:/giu;
const THIRD_CUE =
  /cr[ée]dits?\b|photos?\s*(?::|par|©)|photographies?\s+(?:de\s+\p{L}+\s+)?par|r[ée]alis[ée]e?s?\s+par|(?:conception|r[ée]alisation|design|d[ée]veloppement|cr[ée]ation)(?:\s+(?:du\s+site|graphique|web|technique))?\s*:|r[ée]alisation\s+(?:du\s+site|technique|graphique)|con[çc]ue?\s+(?:et\s+\p{L}+\s+)?par|conception\s+(?:du\s+site|graphique|et\s+r[ée]alisation)|d[ée]velopp[ée]e?\s+par|cr[ée]ateur(?:\s+du\s+site)?\s*:|cr[ée]{2}e?\s+par|cr[ée]ation\s+(?:du\s+site|graphique)|webmaster|(?:designed|developed|built)\s+by|photos?\s+by|photo\s+credits?|design(?:[ée]e?)?\s+par|illustrations?\s*(?::|par)|agence\s+web|prestataire|sous-traitant|m[ée]diateur|assureur|assurance\s+(?:professionnelle|responsabilit)/giu;
const PUBLISHER_CUE =
  /[ée]dit[ée]e?s?\s+par|[ée]diteur|[ée]ditrice|[ée]dition\s+(?:du|et|de)|publi[ée]e?\s+par|exploit[ée]e?\s+par|propri[ée]taire\s+du\s+site|directeur\s+de\s+(?:la\s+)?publication|directrice\s+de\s+(?:la\s+)?publication|publisher|co-?[ée]diteurs?|propri[ée]taire\s*:|site\s+est\s+la\s+propri[ée]t[ée]|appartient\s+[àa]|(?:published|operated|owned|edited)\s+by|website\s+owner/giu;

const HEADING_HOST = /h[ée]berg|hosting|\bhost\b/iu;
const HEADING_THIRD =
  /cr[ée]dit|photo|r[ée]alisation|conception|design|d[ée]velopp|cr[ée]ation|webmaster|illustration|prestataire|partenaire|m[ée]diat|assur/iu;
const HEADING_PUBLISHER =
  /[ée]dit(?:eur|rice|ion)|publisher|propri[ée]taire|identification|informations?\s+(?:l[ée]gales|g[ée]n[ée]rales|soci[ée]t[ée])|soci[ée]t[ée]|l['’]entreprise|qui\s+sommes|[àa]\s+propos|about|imprint|impressum|responsable|directeur|directrice|publication/iu;

type Cls = 'publisher' | 'host' | 'third_party';

const classifyHeading = (title: string): Cls | 'mixed' | null => {
  const hits: Cls[] = [];
  if (HEADING_HOST.test(title)) hits.push('host');
  if (HEADING_THIRD.test(title)) hits.push('third_party');
  if (HEADING_PUBLISHER.test(title)) hits.push('publisher');
  if (hits.length === 0) return null;
  return hits.length === 1 ? (hits[0] as Cls) : 'mixed';
};

/** The last role cue in `window` (closest to the number wins). */
const lastCue = (window: string): Cls | null => {
  let best: { cls: Cls; at: number } | null = null;
  const scan = (re: RegExp, cls: Cls) => {
    re.lastIndex = 0;
    for (let m = re.exec(window); m; m = re.exec(window)) {
      if (!best || m.index >= best.at) best = { cls, at: m.index };
    }
  };
  scan(PUBLISHER_CUE, 'publisher');
  scan(HOST_CUE, 'host');
  scan(THIRD_CUE, 'third_party');
  return (best as { cls: Cls } | null)?.cls ?? null;
};

/** Start of the line before the current one: a host's name often sits just above its RCS. */
const previousLineStart = (text: string, from: number, start: number): number => {
  const window = text.slice(from, start);
  const lineStart = window.lastIndexOf('\n') + 1;
  return from + (lineStart > 0 ? window.lastIndexOf('\n', lineStart - 2) + 1 : 0);
};

const SENTENCE_END = /[.!?;]\s+|\n/g;
/** Footer-style separators: what comes before them is another item, not context ("Hébergé par OVH – ACME"). */
const SEGMENT_END = /\s[|–—]\s|\s-\s|[•·]/g;

/** End of the last `re` match in `text[from, start)`, or `from`. */
const lastEnd = (re: RegExp, text: string, from: number, start: number): number => {
  const window = text.slice(from, start);
  let at = 0;
  re.lastIndex = 0;
  for (let m = re.exec(window); m; m = re.exec(window)) at = m.index + m[0].length;
  return from + at;
};

/**
 * Whose number is this? In order: wording in the same sentence ("hébergé par", "édité par",
 * "crédits", a host's name), wording earlier in the same section (200 characters back), the section
 * heading, the list of hosting SIRENs; failing all, a labeled number is the publisher's (legal notices
 * lead with it) and an unlabeled one stays `unknown`.
 */
export const decideRole = (
  doc: TextDoc,
  start: number,
  siren: string | null,
  labeled: boolean,
): RoleDecision => {
  const text = doc.text;
  const section = sectionAt(doc, start);
  const from = Math.max(section ? section.end : 0, start - 200);
  const lineFrom = from + text.slice(from, start).lastIndexOf('\n') + 1;
  const segmentFrom = lastEnd(SEGMENT_END, text, lineFrom, start);
  const nearFrom = segmentFrom > lineFrom ? segmentFrom : from;
  const sentenceFrom = Math.max(segmentFrom, lastEnd(SENTENCE_END, text, from, start));
  const sentence = text.slice(sentenceFrom, start);
  const local = lastCue(sentence);
  if (local) return { role: local, cue: 'local' };
  if (HOST_NAMES.test(sentence)) return { role: 'host', cue: 'local' };
  const near = lastCue(text.slice(nearFrom, sentenceFrom));
  if (near) return { role: near, cue: 'near' };
  if (HOST_NAMES.test(text.slice(Math.max(nearFrom, previousLineStart(text, from, start)), sentenceFrom))) {
    return { role: 'host', cue: 'near' };
  }
  const heading = section ? classifyHeading(section.text) : null;
  if (heading && heading !== 'mixed') return { role: heading, cue: 'section' };
  if (siren && KNOWN_HOST_SIRENS.has(siren)) return { role: 'host', cue: 'known_host' };
  return labeled ? { role: 'publisher', cue: 'label' } : { role: 'unknown', cue: 'none' };
};
