import { ok } from '@mcp/core';
import { readFixtureJson } from '@mcp/core/testing';
import { describe, expect, it } from 'vitest';
import { type JsonClient, verifySiren } from './annuaire.js';

/** A register client answering one body, as core's upstream client returns it. */
const answering = (data: unknown): JsonClient => ({
  json: async <T>() => ok({ status: 200, headers: {}, data: data as T, cached: false, url: '/search' }),
});
const signal = new AbortController().signal;

describe('verifySiren reads the register answer through its schema', () => {
  it('reads the recorded La Poste answer', async () => {
    const v = await verifySiren(
      answering(readFixtureJson('annuaire', 'search_356000000.json')),
      '356000000',
      'La Poste',
      signal,
    );
    expect(v).toEqual({
      siren: '356000000',
      found: true,
      name: 'LA POSTE',
      active: true,
      name_similarity: 1,
      error: null,
    });
  });

  it('matches a SIREN sent as a number and reads enseignes of mixed scalars (labelled hand-made variant)', async () => {
    const body = readFixtureJson<{ results: Record<string, unknown>[] }>('annuaire', 'search_356000000.json');
    const first = body.results[0] as Record<string, unknown>;
    // HAND-MADE variant of the recorded answer: siren as a number, enseignes mixing numbers and null.
    const variant = {
      ...body,
      results: [{ ...first, siren: 356000000, siege: { liste_enseignes: [42, null, 'LA BANQUE POSTALE'] } }],
    };
    const v = await verifySiren(answering(variant), '356000000', 'La Banque Postale', signal);
    expect(v).toMatchObject({ found: true, name: 'LA POSTE', name_similarity: 1, error: null });
  });

  it('reports an answer without its results list as an error, not as "not in the register"', async () => {
    for (const data of [null, 'text', { results: 'none' }, { total_results: 3 }]) {
      const v = await verifySiren(answering(data), '356000000', null, signal);
      expect(v.found).toBe(false);
      expect(v.error).toMatch(/API Recherche d’entreprises .*cannot be read at \$/);
    }
  });
});
