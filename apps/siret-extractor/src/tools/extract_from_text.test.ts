import { readFixtureText, toolErrorOf } from '@mcp/core/testing';
import { describe, expect, it } from 'vitest';
import { useTools } from '../testing/tools.js';

const { call } = useTools();

describe('extract_from_text', () => {
  it('extract_from_text reads Markdown with co-editors', async () => {
    const res = await call('extract_from_text', { text: readFixtureText('siret', 'P08_lacofabrique-fr.md') });
    expect(res.structuredContent).toMatchObject({
      siren: '792334229',
      co_publishers: ['792410953', '524082740', '532273398'],
    });
  });

  it('extract_from_text says no_identifier_found as a success, not an error', async () => {
    const res = await call('extract_from_text', {
      text: readFixtureText('siret', 'N01_clementbiron-com.md'),
    });
    expect(res.isError).toBeUndefined();
    expect(res.structuredContent).toMatchObject({
      siren: null,
      reason: 'no_identifier_found',
      candidates: [],
    });
  });

  it('verify: true confirms an active company whose name matches (La Poste)', async () => {
    const text = '## Éditeur\nRaison sociale : La Poste\nSIRET : 356 000 000 00048';
    const plain = await call('extract_from_text', { text });
    const res = await call('extract_from_text', { text, verify: true });
    expect(res.structuredContent.verification).toEqual([
      { siren: '356000000', found: true, name: 'LA POSTE', active: true, name_similarity: 1, error: null },
    ]);
    expect(res.structuredContent.confidence).toBe((plain.structuredContent.confidence as number) + 0.05);
  });

  it('verify: true notes a closed company and lowers confidence for an unknown SIREN', async () => {
    const closed = await call('extract_from_text', {
      text: 'Éditeur : Ganymede, SIREN 880 878 145',
      verify: true,
    });
    expect(closed.structuredContent.verification).toMatchObject([
      { siren: '880878145', found: true, active: false },
    ]);
    expect(closed.structuredContent.notes).toContain('GANYMEDE is closed (etat_administratif C)');
    const plain = await call('extract_from_text', { text: 'Éditeur : EDF, SIREN 552 081 317' });
    const unknown = await call('extract_from_text', {
      text: 'Éditeur : EDF, SIREN 552 081 317',
      verify: true,
    });
    expect(unknown.structuredContent.verification).toMatchObject([
      { siren: '552081317', found: false, error: null },
    ]);
    expect(unknown.structuredContent.confidence).toBeLessThan(plain.structuredContent.confidence as number);
  });

  it('extract_from_text answers a host-only page with an empty top level', async () => {
    const res = await call('extract_from_text', { text: readFixtureText('siret', 'T01_documents.md') });
    expect(res.structuredContent).toMatchObject({ siren: null, reason: 'no_publisher_identifier' });
    const candidates = (res.structuredContent as { candidates: Array<{ role: string }> }).candidates;
    expect(candidates.map((c) => c.role)).toEqual(['host', 'host']);
  });

  it('refuses more than 3 MB of text as invalid_input naming the field', async () => {
    const res = await call('extract_from_text', { text: 'x'.repeat(3 * 1024 * 1024 + 1) });
    expect(toolErrorOf(res)).toMatchObject({
      code: 'invalid_input',
      message: 'text is 3.0 MB, over the 3 MB limit',
      details: { fields: ['text'] },
    });
  });
});
