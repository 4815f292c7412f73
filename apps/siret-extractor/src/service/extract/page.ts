import { type CandidateType, contextOf, scanCandidates } from './candidates.js';
import { headingIndexAt, type TextDoc } from './doc.js';
import type { RecoveryRule } from './recovery.js';
import { decideRole, type Role, type RoleCue } from './roles.js';

/** A candidate as tools report it (snake_case), plus what scoring needs. */
export interface Candidate {
  type: CandidateType;
  value: string;
  normalized: string;
  siren: string | null;
  valid: boolean;
  invalid_reason: string | null;
  role: Role;
  context: string;
  page_url: string | null;
  /** Read from a garbled form by a recovery rule (`recovery_rule`); weighs less in the confidence. */
  recovered: boolean;
  recovery_rule: RecoveryRule | null;
}

export interface ScoredCandidate extends Candidate {
  cue: RoleCue;
  labeled: boolean;
  rcs_city: string | null;
  start: number;
  /** The candidate's section (heading start, -1 before any heading) and its end (next heading). */
  section_start: number;
  section_end: number;
}

/** A legal notice holds a handful of numbers; past this a page is a data dump, not worth scoring further. */
export const MAX_CANDIDATES = 500;

export interface PageAnalysis {
  url: string | null;
  doc: TextDoc;
  candidates: ScoredCandidate[];
  rcsCities: Array<{ city: string; offset: number }>;
  /** Spans of host and third-party sections: never where the publisher's name is read. */
  foreignSpans: Array<[number, number]>;
  /** Placeholders ("SIREN : <à compléter>", "SIRET : en cours d'immatriculation") and other remarks. */
  notes: string[];
  legalPage: boolean;
}

const PLACEHOLDER =
  /\b(SIREN|SIRET|RCS|TVA(?:\s+intra-?communautaire)?|N°\s*TVA)\s*(?:\([^)]*\))?\s*[:|]?\s*(<[^>\n]{0,40}>|en\s+cours(?:\s+d['’]immatriculation)?|[àa]\s+(?:compl[ée]ter|remplir|venir|d[ée]finir)|X{3,}[X\s]*|non\s+communiqu[ée]|\[[^\]\n]{0,40}\]|\.{3,}|N\/A\b)/giu;

const LEGAL_HINT =
  /mentions?[\s-]+l[ée]gales?|legal|impressum|imprint|cgv|cgu|conditions\s+g[ée]n[ée]rales|informations\s+l[ée]gales/i;

const HOST_HEADING = /h[ée]berg|hosting/i;
const THIRD_HEADING = /cr[ée]dit|photo|r[ée]alisation|conception|webmaster/i;

/** Decoded path of a URL; the raw string when it is not a URL or holds a broken %-escape. */
const pathOf = (url: string): string => {
  try {
    return decodeURIComponent(new URL(url).pathname);
  } catch {
    return url;
  }
};

/** Finds every candidate of one page and decides each one's role. */
export const analyzePage = (doc: TextDoc, url: string | null): PageAnalysis => {
  const scan = scanCandidates(doc);
  const raw = scan.candidates.slice(0, MAX_CANDIDATES);
  const rcsCities = scan.rcsCities;
  const headings = doc.headings;
  const candidates: ScoredCandidate[] = raw.map((c) => {
    const { role, cue } = decideRole(doc, c.start, c.siren, c.labeled);
    const index = headingIndexAt(doc, c.start);
    const section = headings[index];
    const next = headings[index + 1];
    return {
      type: c.type,
      value: c.value,
      normalized: c.normalized,
      siren: c.siren,
      valid: c.valid,
      invalid_reason: c.invalid_reason,
      role,
      context: contextOf(doc.text, c.start, c.end),
      page_url: url,
      recovered: c.recovered,
      recovery_rule: c.recovery_rule,
      cue,
      labeled: c.labeled,
      rcs_city: c.rcs_city,
      start: c.start,
      section_start: section ? section.start : -1,
      section_end: next ? next.start : doc.text.length,
    };
  });
  const foreignSpans: Array<[number, number]> = [];
  headings.forEach((h, i) => {
    if (HOST_HEADING.test(h.text) || THIRD_HEADING.test(h.text)) {
      foreignSpans.push([h.start, headings[i + 1]?.start ?? doc.text.length]);
    }
  });
  const notes = [...doc.text.matchAll(PLACEHOLDER)]
    .slice(0, 20)
    .map((m) => `placeholder, not an identifier: "${m[0].replace(/\s+/g, ' ').trim()}"`);
  if (scan.candidates.length > MAX_CANDIDATES) {
    notes.push(`only the first ${MAX_CANDIDATES} of ${scan.candidates.length} numbers were examined`);
  }
  const legalPage =
    (url !== null && LEGAL_HINT.test(pathOf(url))) ||
    LEGAL_HINT.test(doc.title ?? '') ||
    headings.some((h) => h.level <= 2 && LEGAL_HINT.test(h.text));
  return { url, doc, candidates, rcsCities, foreignSpans, notes, legalPage };
};
