import { describe, expect, it } from 'vitest';
import { blockedError, blockFromResponse } from './blocked.js';

describe('blockFromResponse', () => {
  it('reads HTTP 999 as a bot refusal', () => {
    expect(blockFromResponse({ status: 999, finalUrl: 'https://www.linkedin.com/company/x/' })).toEqual({
      kind: 'http_999',
      seen: 'HTTP 999 (LinkedIn’s answer to suspected bots)',
    });
  });

  it.each([
    ['https://www.linkedin.com/authwall?trk=gf&sessionRedirect=x', 'authwall', '/authwall'],
    ['/login?session_redirect=x', 'login_page', '/login'],
    ['https://www.linkedin.com/uas/login?trk=x', 'login_page', '/uas/login'],
    ['/checkpoint/challenge/abc', 'login_page', '/checkpoint/challenge/abc'],
  ])('reads a redirect to %s', (location, kind, path) => {
    expect(blockFromResponse({ status: 302, finalUrl: 'https://www.linkedin.com/in/x/', location })).toEqual({
      kind,
      seen: `a redirect to ${path}`,
    });
  });

  it('treats any unfollowed redirect as a wall, and a 200 on the page as fine', () => {
    expect(blockFromResponse({ status: 301, finalUrl: 'https://www.linkedin.com/in/x/' })?.kind).toBe(
      'authwall',
    );
    expect(blockFromResponse({ status: 200, finalUrl: 'https://www.linkedin.com/company/x/' })).toBeNull();
  });
});

describe('blockedError', () => {
  it('says what was seen and what to do, direct or through a provider', () => {
    const direct = blockedError(
      { kind: 'http_999', seen: 'HTTP 999' },
      { url: 'https://www.linkedin.com/in/x/', via: 'direct' },
    );
    expect(direct.code).toBe('blocked');
    expect(direct.message).toBe(
      'LinkedIn did not serve the public page for https://www.linkedin.com/in/x/: it returned HTTP 999.',
    );
    expect(direct.details).toMatchObject({ seen: 'http_999', via: 'direct' });
    expect(String(direct.details?.what_to_do)).toContain('LINKEDIN_FETCH_URL_TEMPLATE');
    const viaProvider = blockedError({ kind: 'app_shell', seen: 'x' }, { url: 'u', via: 'provider' });
    expect(String(viaProvider.details?.what_to_do)).toContain('scraping provider');
  });
});
