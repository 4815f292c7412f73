import { publisherName } from './company.js';
import type { Candidate, PageAnalysis, ScoredCandidate } from './page.js';

export type Reason = 'no_identifier_found' | 'no_publisher_identifier' | 'invalid_identifier';

/** The answer every extraction tool returns (snake_case, as in the tools' output schema). */
export interface Extraction {
  siren: string | null;
  siret: string | null;
  tva: string | null;
  rcs: { city: string | null; number: string } | null;
  rna: string | null;
  company_name: string | null;
  /** 0–1: checksum, who the wording says it belongs to, label, agreeing identifiers, legal page. */
  confidence: number;
  source_url: string | null;
  pages_fetched: number;
  /** Other publishers' SIRENs when a site has several co-editors; the top level is the first. */
  co_publishers: string[];
  candidates: Candidate[];
  reason: Reason | null;
  notes: string[];
}

const CUE_SCORE = { local: 0.3, near: 0.25, section: 0.25, known_host: 0, label: 0.1, none: 0 } as const;

const publicView = (c: ScoredCandidate): Candidate => ({
  type: c.type,
  value: c.value,
  normalized: c.normalized,
  siren: c.siren,
  valid: c.valid,
  invalid_reason: c.invalid_reason,
  role: c.role,
  context: c.context,
  page_url: c.page_url,
  recovered: c.recovered,
  recovery_rule: c.recovery_rule,
});

const dedupe = (all: ScoredCandidate[]): ScoredCandidate[] => {
  const seen = new Set<string>();
  return all.filter((c) => {
    const key = `${c.type}|${c.normalized}|${c.role}|${c.page_url ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

const SIREN_TYPES = new Set(['siren', 'siret', 'rcs', 'tva']);

/** What a SIREN known only through recovered identifiers loses, before the 0.6 cap. */
const RECOVERED_PENALTY = 0.2;

/**
 * Folds the analysed pages (in fetch order) into one answer: the first valid publisher identifier
 * gives the SIREN; SIRET, TVA and RCS are taken only from publisher candidates of that same SIREN.
 */
export const buildAnswer = (pages: PageAnalysis[], pagesFetched: number): Extraction => {
  const all = dedupe(pages.flatMap((p) => p.candidates));
  const publishers = all.filter(
    (c) => c.role === 'publisher' && c.valid && c.siren !== null && SIREN_TYPES.has(c.type),
  );
  const first = publishers[0];
  const notes = [...new Set(pages.flatMap((p) => p.notes))];
  const rnaCandidate = all.find(
    (c) => c.type === 'rna' && c.valid && c.role !== 'host' && c.role !== 'third_party',
  );
  const base = {
    rna: rnaCandidate?.normalized ?? null,
    pages_fetched: pagesFetched,
    candidates: all.map(publicView),
    notes,
  };
  if (!first || first.siren === null) {
    const idCandidates = all.filter((c) => SIREN_TYPES.has(c.type) && c.invalid_reason !== 'foreign_vat');
    const reason: Reason =
      idCandidates.length === 0
        ? 'no_identifier_found'
        : idCandidates.some((c) => c.role === 'publisher')
          ? 'invalid_identifier'
          : 'no_publisher_identifier';
    for (const c of idCandidates.filter((c) => c.role === 'host' || c.role === 'third_party')) {
      notes.push(
        `${c.normalized} belongs to the ${c.role === 'host' ? 'host' : 'a third party'}, not the publisher`,
      );
    }
    return {
      siren: null,
      siret: null,
      tva: null,
      rcs: null,
      company_name: null,
      confidence: 0,
      source_url: rnaCandidate?.page_url ?? null,
      co_publishers: [],
      reason,
      ...base,
    };
  }
  const siren = first.siren;
  const mine = publishers.filter((c) => c.siren === siren);
  const siret = mine.find((c) => c.normalized.length === 14 && c.type !== 'tva')?.normalized ?? null;
  const tva = mine.find((c) => c.type === 'tva')?.normalized ?? null;
  const page = pages.find((p) => p.url === first.page_url) ?? pages[0];
  const rcsCandidate = mine.find((c) => c.rcs_city !== null);
  const sectionCity = page?.rcsCities.find(
    (r) => r.offset >= first.section_start && r.offset < first.section_end,
  )?.city;
  const city = rcsCandidate?.rcs_city ?? sectionCity ?? null;
  const hasRcs = mine.some((c) => c.type === 'rcs') || city !== null;
  // A recovered identifier does not count as one more agreeing identifier: it was read with help.
  const stated = mine.filter((c) => !c.recovered);
  const types = new Set(stated.map((c) => (c.type === 'rcs' ? 'siren' : c.type)));
  const bestCue = mine.reduce((m, c) => Math.max(m, CUE_SCORE[c.cue]), 0);
  const scored =
    0.35 +
    bestCue +
    (mine.some((c) => c.labeled) ? 0.1 : 0) +
    Math.min(0.2, Math.max(0, types.size - 1) * 0.1) +
    (page?.legalPage ? 0.05 : 0);
  // Only recovered identifiers for this SIREN: the page never states it cleanly, so it weighs less.
  const confidence = stated.length === 0 ? Math.min(0.6, scored - RECOVERED_PENALTY) : scored;
  for (const c of mine.filter((c) => c.recovered)) {
    notes.push(
      `${c.type.toUpperCase()} "${c.value.trim()}" recovered as SIREN ${c.siren} (rule ${c.recovery_rule})`,
    );
  }
  const co = [...new Set(publishers.map((c) => c.siren as string))].filter((s) => s !== siren);
  return {
    siren,
    siret,
    tva,
    rcs: hasRcs ? { city, number: siren } : null,
    company_name: page
      ? publisherName(page.doc, first.start, first.section_start, first.section_end, page.foreignSpans)
      : null,
    confidence: Math.round(Math.min(0.99, confidence) * 100) / 100,
    source_url: first.page_url,
    co_publishers: co,
    reason: null,
    ...base,
  };
};
