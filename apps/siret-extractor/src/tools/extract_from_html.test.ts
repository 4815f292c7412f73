import { readFixtureText, toolErrorOf } from '@mcp/core/testing';
import { describe, expect, it } from 'vitest';
import { useTools } from '../testing/tools.js';

const { call } = useTools();

describe('extract_from_html', () => {
  it('extract_from_html reads the P11 table page', async () => {
    const res = await call('extract_from_html', {
      html: readFixtureText('siret', 'P11_8digriz-fr.html'),
      url: 'https://8digriz.fr/mentions-legales',
    });
    expect(res.isError).toBeUndefined();
    expect(res.structuredContent).toMatchObject({
      siren: '877773689',
      siret: '87777368900030',
      tva: 'FR96877773689',
      rcs: { city: 'Périgueux', number: '877773689' },
      company_name: '8DIGRIZ',
      source_url: 'https://8digriz.fr/mentions-legales',
      pages_fetched: 0,
      reason: null,
    });
  });

  it('extract_from_html refuses more than HTML_MAX_BYTES (1 MB by default) as invalid_input naming the field', async () => {
    const res = await call('extract_from_html', { html: `<p>${'x'.repeat(3 * 1024 * 1024)}</p>` });
    expect(toolErrorOf(res)).toMatchObject({
      code: 'invalid_input',
      message: 'html: the HTML is 3 MB, over the 1 MB limit',
      details: { fields: ['html'], reason: 'too_large', limit: 1024 * 1024 },
    });
  });

  it('verify: true checks the publisher SIREN against the registry', async () => {
    const html = '<h2>Éditeur</h2><p>Raison sociale : La Poste</p><p>SIRET : 356 000 000 00048</p>';
    const res = await call('extract_from_html', { html, verify: true });
    expect(res.isError).toBeUndefined();
    expect(res.structuredContent).toMatchObject({
      siren: '356000000',
      verification: [{ siren: '356000000', found: true, name: 'LA POSTE', active: true, error: null }],
    });
  });

  it('reports no source_url when the page comes without its URL', async () => {
    const res = await call('extract_from_html', { html: readFixtureText('siret', 'P11_8digriz-fr.html') });
    expect(res.structuredContent).toMatchObject({ siren: '877773689', source_url: null });
  });
});
