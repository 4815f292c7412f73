// Many identifiers at once, for cleaning a CRM: checksums cost nothing; register checks go through the
// client's shared 7 req/s limiter, one per distinct SIREN (plus one per distinct SIRET, whose
// establishment only a SIRET query shows), and stop at a deadline: what is not checked by then is said
// so, never dropped.
import type { Result } from '@mcp/core';
import type { RegisterClient } from '@mcp/recherche-entreprises';
import { type Identified, identify, isUnreadable } from './identify.js';
import { type Found, lookupCompany } from './lookup.js';
import { stateOf, text } from './mappers/establishment.js';

export type RegisterStatus = 'active' | 'closed' | 'not_found' | 'unchecked';

export interface BatchLine {
  input: string;
  kind: 'siren' | 'siret' | 'tva' | null;
  normalized: string | null;
  siren: string | null;
  valid: boolean;
  reason: string | null;
  /** null for an invalid number, which is never looked up. */
  register: RegisterStatus | null;
  company_name: string | null;
  /** Why a valid number stayed unchecked: the deadline, or the register's error code. */
  unchecked_reason: string | null;
}

export interface BatchOptions {
  checkRegister: boolean;
  deadlineMs: number;
  signal: AbortSignal;
  /** Register checks in flight at once; the client's limiter spaces them anyway. */
  concurrency?: number;
  onChecked?: (done: number, total: number) => Promise<void>;
}

/** A query key: the SIRET when the establishment matters, else the SIREN. */
const queryOf = (id: Identified): string => id.siret ?? id.siren;

const statusOf = (id: Identified, found: Found): { register: RegisterStatus; name: string | null } => {
  const name = text(found.company.nom_complet);
  if (id.siret) {
    if (!found.establishment) return { register: 'not_found', name };
    return {
      register: stateOf(found.establishment.etat_administratif) === 'closed' ? 'closed' : 'active',
      name,
    };
  }
  return { register: stateOf(found.company.etat_administratif) === 'closed' ? 'closed' : 'active', name };
};

export const verifyBatch = async (
  api: RegisterClient,
  inputs: readonly string[],
  options: BatchOptions,
): Promise<{ lines: BatchLine[]; registerChecks: number }> => {
  const ids = inputs.map(identify);
  // One check per distinct SIREN (SIREN and TVA lines share it) and one per distinct SIRET: a SIRET
  // query finds nothing when the establishment does not exist, which says nothing of the company.
  const queries = new Map<string, { siren: string; siret?: string }>();
  for (const id of ids) {
    if (isUnreadable(id) || !id.valid) continue;
    queries.set(queryOf(id), id.siret ? { siren: id.siren, siret: id.siret } : { siren: id.siren });
  }

  const answers = new Map<string, Result<Found> | 'deadline'>();
  if (options.checkRegister && queries.size > 0) {
    const deadline = AbortSignal.any([options.signal, AbortSignal.timeout(Math.ceil(options.deadlineMs))]);
    const pending = [...queries.entries()];
    let done = 0;
    const worker = async () => {
      for (let next = pending.shift(); next; next = pending.shift()) {
        const [key, id] = next;
        if (deadline.aborted) {
          answers.set(key, 'deadline');
          continue;
        }
        const res = await lookupCompany(api, id, deadline);
        if (deadline.aborted && !res.ok) {
          answers.set(key, 'deadline');
          continue;
        }
        answers.set(key, res);
        done += 1;
        await options.onChecked?.(done, queries.size);
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, queries.size) }, worker));
  }

  const lines = ids.map((id): BatchLine => {
    if (isUnreadable(id)) {
      return {
        input: id.input,
        kind: null,
        normalized: null,
        siren: null,
        valid: false,
        reason: id.message,
        register: null,
        company_name: null,
        unchecked_reason: null,
      };
    }
    const line = {
      input: id.input,
      kind: id.kind,
      normalized: id.normalized,
      siren: id.siren,
      valid: id.valid,
      reason: id.reason,
      company_name: null,
      unchecked_reason: null,
    };
    if (!id.valid) return { ...line, register: null };
    if (!options.checkRegister)
      return { ...line, register: 'unchecked', unchecked_reason: 'check_register false' };
    const answer = answers.get(queryOf(id));
    if (answer === undefined || answer === 'deadline') {
      return { ...line, register: 'unchecked', unchecked_reason: 'deadline' };
    }
    if (!answer.ok) {
      if (answer.error.code === 'not_found') return { ...line, register: 'not_found' };
      return { ...line, register: 'unchecked', unchecked_reason: answer.error.code };
    }
    const { register, name } = statusOf(id, answer.value);
    return { ...line, register, company_name: name };
  });
  return { lines, registerChecks: options.checkRegister ? queries.size : 0 };
};
