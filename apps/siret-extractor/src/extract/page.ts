import { type CandidateType, contextOf, scanCandidates } from './candidates.js';
import { sectionAt, type TextDoc } from './doc.js';
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

export interface PageAnalysis {
  url: string | null;
  doc: TextDoc;
  candidates: ScoredCandidate[];
  rcsCities: Array<{ city: string; offset: number }>;
  /** Spans of host and third-party sections: never where the publisher's name is read. */
  foreignSpans: Array<[number, number]>;
  /** "SIREN : <à compléter>", "SIRET : en cours d'immatriculation": stated, not given. */
  placeholders: string[];
  legalPage: boolean;
}

const PLACEHOLDER =
  /\b(SIREN|SIRET|RCS|TVA(?:\s+intra-?communautaire)?|N°\s*TVA)\s*(?:\([^)]*\))?\s*[:|]?\s*(<[^>\n]{0,40}>|en\s+cours(?:\s+d['’]immatriculation)?|[àa]\s+(?:compl[ée]ter|remplir|venir|d[ée]finir)|X{3,}[X\s]*|non\s+communiqu[ée]|\[[^\]\n]{0,40}\]|\.{3,}|N\/A\b)/giu;

const LEGAL_HINT =
  /mentions?[\s-]+l[ée]gales?|legal|impressum|imprint|cgv|cgu|conditions\s+g[ée]n[ée]rales|informations\s+l[ée]gales/i;

const HOST_HEADING = /h[ée]berg|hosting/i;
const THIRD_HEADING = /cr[ée]dit|photo|r[ée]alisation|conception|webmaster/i;

/** Finds every candidate of one page and decides each one's role. */
export const analyzePage = (doc: TextDoc, url: string | null): PageAnalysis => {
  const { candidates: raw, rcsCities } = scanCandidates(doc);
  const headings = doc.headings;
  const candidates: ScoredCandidate[] = raw.map((c) => {
    const { role, cue } = decideRole(doc, c.start, c.siren, c.labeled);
    const section = sectionAt(doc, c.start);
    const next = headings.find((h) => h.start > c.start);
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
  const placeholders = [...doc.text.matchAll(PLACEHOLDER)].map((m) => m[0].replace(/\s+/g, ' ').trim());
  const legalPage =
    (url !== null && LEGAL_HINT.test(decodeURIComponent(new URL(url).pathname))) ||
    LEGAL_HINT.test(doc.title ?? '') ||
    headings.some((h) => h.level <= 2 && LEGAL_HINT.test(h.text));
  return { url, doc, candidates, rcsCities, foreignSpans, placeholders, legalPage };
};
