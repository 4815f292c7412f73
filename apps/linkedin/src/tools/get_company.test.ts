import { toolErrorOf } from '@mcp/core/testing';
import { describe, expect, it } from 'vitest';
import { useToolsHarness } from '../testing/tools-harness.js';

const h = useToolsHarness({ warm: true });

describe('get_company', () => {
  it('returns every field of the recorded Audiense page, then serves it from the cache', async () => {
    const first = await h.call('get_company', { url: 'https://fr.linkedin.com/company/audiense/?trk=x' });
    expect(first.isError).toBeUndefined();
    const company = first.structuredContent as Record<string, unknown>;
    expect(company).toEqual({
      name: 'Audiense',
      linkedin_url: 'https://www.linkedin.com/company/audiense/',
      slug: 'audiense',
      company_id: '10529043',
      description: expect.stringMatching(
        /^The Audiense platform combines rich social data sources[\s\S]+Instagram strategy$/,
      ),
      tagline: 'Put consumer segmentation and cultural understanding at the center of your strategy.',
      website: 'http://www.audiense.com',
      industry: 'Advertising Services',
      company_size: '51-200 employees',
      company_type: 'Privately Held',
      employees_on_linkedin: 69,
      headquarters: {
        text: 'London, London',
        street_address: 'Kemp House',
        locality: 'London',
        region: 'London',
        postal_code: 'EC1V2NX',
        country: 'GB',
      },
      founded: '2011',
      specialties: [],
      followers: 5750,
      logo_url:
        'https://media.licdn.com/dms/image/v2/C4E0BAQHWdu05nIFRWQ/company-logo_200_200/company-logo_200_200/0/1632826250380/audiense_logo?e=2147483647&v=beta&t=ZqV6Zik7OLnWmEqZwSwy5vnnl23GyPJuLjZD-6kJdaI',
      same_as: ['http://www.audiense.com'],
      source: {
        fetched_url: 'https://www.linkedin.com/company/audiense/',
        via: 'direct',
        cached: false,
        extracted_from: ['json_ld', 'markup'],
      },
    });
    const again = await h.call('get_company', { slug: 'audiense' });
    expect((again.structuredContent as { source: { cached: boolean } }).source.cached).toBe(true);
    expect(h.linkedin.count('/company/audiense/')).toBe(1);
  });

  it('follows LinkedIn from a numeric id to the slug page', async () => {
    const res = await h.call('get_company', { url: 'https://www.linkedin.com/company/10529043/' });
    expect(res.structuredContent).toMatchObject({
      name: 'Audiense',
      slug: 'audiense',
      company_id: '10529043',
    });
  });

  it('answers blocked on HTTP 999', async () => {
    const res = await h.call('get_company', { slug: 'bot' });
    expect(res.isError).toBe(true);
    expect(toolErrorOf(res)).toMatchObject({ code: 'blocked', details: { seen: 'http_999' } });
  });

  it('answers blocked on a redirect to the /authwall sign-up wall', async () => {
    const res = await h.call('get_company', { url: 'https://www.linkedin.com/company/walled/' });
    expect(toolErrorOf(res)).toMatchObject({
      code: 'blocked',
      message:
        'LinkedIn did not serve the public page for https://www.linkedin.com/company/walled/: it returned a redirect to /authwall.',
      details: { seen: 'authwall', via: 'direct' },
    });
  });

  it('answers blocked, never an empty success, on a page without data', async () => {
    const res = await h.call('get_company', { slug: 'empty' });
    expect(toolErrorOf(res)).toMatchObject({ code: 'blocked', details: { seen: 'no_public_data' } });
  });

  it('answers blocked on a sign-up page even when it carries the company’s Open Graph tags', async () => {
    const res = await h.call('get_company', { slug: 'og-wall' });
    expect(toolErrorOf(res)).toMatchObject({ code: 'blocked', details: { seen: 'login_page' } });
  });

  it('answers from Open Graph alone when that is all a real page has', async () => {
    const res = await h.call('get_company', { slug: 'og-only' });
    expect(res.structuredContent).toMatchObject({
      name: 'Audiense',
      followers: 5750,
      linkedin_url: 'https://www.linkedin.com/company/audiense/',
      source: { extracted_from: ['open_graph'] },
    });
  });

  it('answers not_found on 404 and invalid_input on a foreign URL or no argument', async () => {
    expect(toolErrorOf(await h.call('get_company', { slug: 'nobody' }))).toMatchObject({ code: 'not_found' });
    expect(
      toolErrorOf(await h.call('get_company', { url: 'https://example.com/company/acme' })),
    ).toMatchObject({ code: 'invalid_input', details: { fields: ['url'] } });
    expect(
      toolErrorOf(await h.call('get_company', { slug: 'https://www.linkedin.com/in/jane' })),
    ).toMatchObject({ code: 'invalid_input', details: { fields: ['slug'] } });
    expect(toolErrorOf(await h.call('get_company', {}))).toMatchObject({
      code: 'invalid_input',
      details: { fields: ['url'] },
    });
  });

  it('get_company refuses a page nested past HTML_MAX_DEPTH as upstream_too_large', async () => {
    const res = await h.call('get_company', { url: 'https://www.linkedin.com/company/deep/' });
    expect(toolErrorOf(res)).toMatchObject({
      code: 'upstream_too_large',
      message: expect.stringContaining('the HTML nests elements more than 512 deep'),
      details: { reason: 'too_deep' },
    });
  });
});
