import type { RegisterClient } from '@mcp/recherche-entreprises';
import type { Extraction } from '../extract/answer.js';
import { nameSimilarity } from './similarity.js';

/**
 * What verification asks of the register: one `/search` through @mcp/recherche-entreprises, whose
 * lenient answer schema is the one every app reads the API with (a SIREN sent as a number still
 * matches; `null` names and enseignes lists of mixed scalars read as what they hold; a body without
 * its results list is `upstream_bad_response`, never "not found").
 */
export type RegisterSearch = Pick<RegisterClient, 'search'>;

export interface Verification {
  siren: string;
  found: boolean;
  name: string | null;
  active: boolean | null;
  name_similarity: number | null;
  error: string | null;
}

/** Looks one SIREN up (`GET /search?q=<siren>`) and compares the registry names with the stated one. */
export const verifySiren = async (
  client: RegisterSearch,
  siren: string,
  statedName: string | null,
  signal: AbortSignal,
): Promise<Verification> => {
  const body = await client.search({ q: siren, page: 1, per_page: 1 }, signal);
  if (!body.ok) {
    return {
      siren,
      found: false,
      name: null,
      active: null,
      name_similarity: null,
      error: body.error.message,
    };
  }
  const company = body.value.results.find((r) => r.siren === siren);
  if (!company) return { siren, found: false, name: null, active: null, name_similarity: null, error: null };
  const names = [
    company.nom_complet,
    company.nom_raison_sociale,
    company.sigle,
    company.siege?.nom_commercial,
    ...(company.siege?.liste_enseignes ?? []),
  ].filter((n): n is string => typeof n === 'string');
  const similarity =
    statedName === null ? null : names.reduce((best, n) => Math.max(best, nameSimilarity(statedName, n)), 0);
  return {
    siren,
    found: true,
    name: company.nom_complet ?? null,
    active: company.etat_administratif === 'A' ? true : company.etat_administratif === 'C' ? false : null,
    name_similarity: similarity,
    error: null,
  };
};

/**
 * Checks the publisher SIRENs (top level and co-publishers, at most 5) and folds the outcome into the
 * answer: a SIREN unknown to the registry lowers confidence, a matching name raises it, a closed
 * company is noted.
 */
export const verifyExtraction = async (
  client: RegisterSearch,
  answer: Extraction,
  signal: AbortSignal,
): Promise<Extraction & { verification: Verification[] }> => {
  if (answer.siren === null) return { ...answer, verification: [] };
  const sirens = [answer.siren, ...answer.co_publishers].slice(0, 5);
  const verification: Verification[] = [];
  for (const siren of sirens) {
    verification.push(
      await verifySiren(client, siren, siren === answer.siren ? answer.company_name : null, signal),
    );
  }
  const top = verification[0] as Verification;
  const notes = [...answer.notes];
  let confidence = answer.confidence;
  if (top.error === null && !top.found) {
    confidence -= 0.3;
    notes.push(`SIREN ${top.siren} is not in the Recherche d’entreprises registry`);
  } else if (top.found) {
    if (top.name_similarity === null || top.name_similarity >= 0.5) confidence += 0.05;
    else confidence -= 0.15;
    if (top.active === false) notes.push(`${top.name ?? top.siren} is closed (etat_administratif C)`);
  }
  return {
    ...answer,
    confidence: Math.round(Math.max(0, Math.min(0.99, confidence)) * 100) / 100,
    notes,
    verification,
  };
};
