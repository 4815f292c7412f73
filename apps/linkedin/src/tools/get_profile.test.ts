import { toolErrorOf } from '@mcp/core/testing';
import { describe, expect, it } from 'vitest';
import { useToolsHarness } from '../testing/tools-harness.js';

const h = useToolsHarness({ warm: true });

describe('get_profile', () => {
  it('answers blocked on the recorded logged-in app shell', async () => {
    const res = await h.call('get_profile', { url: 'https://fr.linkedin.com/in/shell-user/' });
    expect(res.isError).toBe(true);
    expect(toolErrorOf(res)).toMatchObject({
      code: 'blocked',
      details: { seen: 'app_shell', url: 'https://www.linkedin.com/in/shell-user/' },
    });
  });

  it('answers blocked on a redirect to /authwall', async () => {
    const res = await h.call('get_profile', { public_id: 'walled-person' });
    expect(toolErrorOf(res)).toMatchObject({ code: 'blocked', details: { seen: 'authwall' } });
  });

  it('reads the hand-made public profile page (not a recorded fixture)', async () => {
    const res = await h.call('get_profile', {
      url: 'https://www.linkedin.com/in/Camille-Exemple-0000/details/',
    });
    expect(res.structuredContent).toMatchObject({
      name: 'Camille Exemple',
      linkedin_url: 'https://www.linkedin.com/in/camille-exemple-0000/',
      current_company: 'Exemple Industries',
      current_title: 'Directrice commerciale',
      followers: 1234,
      connections: '500+',
      source: { via: 'direct', cached: false, extracted_from: ['json_ld', 'markup'] },
    });
  });

  it('rejects a company URL', async () => {
    const res = await h.call('get_profile', { url: 'https://www.linkedin.com/company/audiense/' });
    expect(toolErrorOf(res)).toMatchObject({ code: 'invalid_input' });
  });
});
