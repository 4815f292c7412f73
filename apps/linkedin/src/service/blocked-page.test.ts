import { readFixtureText } from '@mcp/core/testing';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { blockFromPage } from './blocked-page.js';
import { readMeta } from './extract/meta.js';

const metaOf = (html: string) => readMeta(load(html));

describe('blockFromPage', () => {
  it('recognises the recorded logged-in app shell', () => {
    const signal = blockFromPage(
      metaOf(readFixtureText('linkedin', 'loggedin_app_shell_profile.html')),
      false,
    );
    expect(signal).toEqual({
      kind: 'app_shell',
      seen: 'the logged-in web app shell (service "voyager-web", <title>LinkedIn</title>) with no public data',
    });
  });

  it('does not flag the recorded public company page, whose sign-in modal has a login form', () => {
    expect(
      blockFromPage(metaOf(readFixtureText('linkedin', 'company_audiense_public.html')), true),
    ).toBeNull();
  });

  it('recognises login and sign-up pages by pageKey or title', () => {
    expect(
      blockFromPage(
        metaOf('<title>x</title><meta name="pageKey" content="auth_wall_desktop_profile">'),
        false,
      )?.kind,
    ).toBe('authwall');
    expect(
      blockFromPage(metaOf('<meta name="pageKey" content="d_checkpoint_lg_consumerLogin">'), false)?.kind,
    ).toBe('login_page');
    expect(blockFromPage(metaOf('<title>Sign Up | LinkedIn</title>'), false)?.kind).toBe('login_page');
    expect(blockFromPage(metaOf('<title>LinkedIn Login, Sign in | LinkedIn</title>'), false)?.kind).toBe(
      'login_page',
    );
    expect(blockFromPage(metaOf('<title>S’identifier | LinkedIn</title>'), false)?.kind).toBe('login_page');
  });

  it('keeps companies whose name starts like a login title', () => {
    expect(blockFromPage(metaOf('<title>Sign In Solutions | LinkedIn</title>'), false)).toBeNull();
  });
});
