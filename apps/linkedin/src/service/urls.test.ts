import { describe, expect, it } from 'vitest';
import { cleanLinkedInUrl, parseRef } from './urls.js';

const company = (input: string) => parseRef(input, 'company');
const profile = (input: string) => parseRef(input, 'profile');

describe('parseRef for company pages', () => {
  it.each([
    ['https://fr.linkedin.com/company/audiense/', 'audiense'],
    ['https://uk.linkedin.com/company/audiense', 'audiense'],
    ['https://www.linkedin.com/company/audiense/about/?trk=public_profile', 'audiense'],
    ['http://linkedin.com/company/Audiense/jobs#top', 'audiense'],
    ['www.linkedin.com/company/audiense', 'audiense'],
    ['linkedin.com/company/audiense?originalSubdomain=fr', 'audiense'],
    ['/company/audiense/', 'audiense'],
    ['company/audiense', 'audiense'],
    ['audiense', 'audiense'],
    ['  Audiense  ', 'audiense'],
    ['https://www.linkedin.com/company/booking.com/', 'booking.com'],
    ['https://www.linkedin.com/company/soci%C3%A9t%C3%A9-g%C3%A9n%C3%A9rale/', 'société-générale'],
  ])('%s → %s', (input, id) => {
    const r = company(input);
    expect(r.ok && r.value.id).toBe(id);
    expect(r.ok && r.value.url).toBe(`https://www.linkedin.com/company/${encodeURIComponent(id)}/`);
    expect(r.ok && r.value.numeric).toBe(false);
  });

  it('keeps numeric company ids and flags them', () => {
    const r = company('https://www.linkedin.com/company/10529043/');
    expect(r).toEqual({
      ok: true,
      value: {
        kind: 'company',
        id: '10529043',
        numeric: true,
        url: 'https://www.linkedin.com/company/10529043/',
      },
    });
    expect(company('10529043').ok && company('10529043')).toMatchObject({ value: { numeric: true } });
  });

  it.each([
    'https://example.com/company/audiense',
    'https://linkedin.com.evil.example/company/audiense',
    'https://notlinkedin.com/company/audiense',
    'https://www.linkedin.com/school/hec-paris/',
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/company/',
    'ftp://www.linkedin.com/company/audiense',
    'acme.fr',
    'https://acme.fr',
    'acme/about',
    '',
    '   ',
  ])('rejects %j as invalid_input naming the field', (input) => {
    const r = company(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid_input');
      expect(r.error.details).toEqual({ fields: ['url'] });
      expect(r.error.message).toMatch(/^url: /);
    }
  });

  it('points a profile URL given for a company to get_profile', () => {
    const r = company('https://fr.linkedin.com/in/jane-doe/');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('use get_profile');
  });
});

describe('parseRef for profiles', () => {
  it.each([
    ['https://fr.linkedin.com/in/jane-doe-123abc/', 'jane-doe-123abc'],
    ['https://www.linkedin.com/in/Jane-Doe-123abc/details/experience/?trk=x', 'jane-doe-123abc'],
    ['linkedin.com/in/jane-doe', 'jane-doe'],
    ['in/jane-doe', 'jane-doe'],
    ['jane-doe-123abc', 'jane-doe-123abc'],
    ['https://fr.linkedin.com/in/j%C3%A9r%C3%B4me-dupont', 'jérôme-dupont'],
  ])('%s → %s', (input, id) => {
    const r = profile(input);
    expect(r.ok && r.value).toMatchObject({ kind: 'profile', id, numeric: false });
    expect(r.ok && r.value.url).toBe(`https://www.linkedin.com/in/${encodeURIComponent(id)}/`);
  });

  it('points a company URL given for a profile to get_company', () => {
    const r = profile('https://www.linkedin.com/company/audiense/');
    expect(!r.ok && r.error).toMatchObject({ code: 'invalid_input' });
    expect(!r.ok && r.error.message).toContain('use get_company');
  });

  it('rejects posts and other paths', () => {
    expect(profile('https://www.linkedin.com/posts/jane-doe_activity-123').ok).toBe(false);
    expect(profile('https://www.linkedin.com/pub/dir/jane/doe').ok).toBe(false);
  });
});

describe('URL helpers', () => {
  it('cleans tracking parameters off LinkedIn links', () => {
    expect(cleanLinkedInUrl('https://fr.linkedin.com/company/acme?trk=public_profile_topcard')).toBe(
      'https://www.linkedin.com/company/acme/',
    );
    expect(cleanLinkedInUrl('https://www.acme.fr/company/acme')).toBeUndefined();
  });
});
