import type { BlockKind, BlockSignal } from '../upstream/blocked.js';
import type { PageMeta } from './extract/meta.js';

// The whole title must be a login title ("Sign Up | LinkedIn"), so "Sign In Solutions | LinkedIn" is
// still a company.
const LOGIN_TITLE_RE =
  /^(LinkedIn Login|Sign In|Sign Up|Join LinkedIn|Log In|S['’]identifier|S['’]inscrire|Connexion|Inscription|Security Verification)(\s*[|,–-].*)?$/i;
const WALL_PAGE_KEY_RE = /auth_?wall|login|checkpoint|signup|registration/i;

/**
 * Body signals: a login or sign-up page served with 200, or the logged-in Ember app shell
 * (`<meta name="service" content="voyager-web">`, bare `<title>LinkedIn</title>`, no structured data).
 * Guest pages embed a sign-in modal, so a login form alone proves nothing: only page-level markers count.
 */
export const blockFromPage = (meta: PageMeta, hasStructuredData: boolean): BlockSignal | null => {
  if (meta.page_key && WALL_PAGE_KEY_RE.test(meta.page_key)) {
    const kind: BlockKind = /auth_?wall/i.test(meta.page_key) ? 'authwall' : 'login_page';
    return {
      kind,
      seen: `a ${kind === 'authwall' ? 'sign-up wall' : 'login'} page (pageKey "${meta.page_key}")`,
    };
  }
  if (!hasStructuredData && meta.title && LOGIN_TITLE_RE.test(meta.title)) {
    return { kind: 'login_page', seen: `a login page ("<title>${meta.title}</title>")` };
  }
  if (!hasStructuredData && (meta.service === 'voyager-web' || meta.is_guest === 'false')) {
    return {
      kind: 'app_shell',
      seen: `the logged-in web app shell (service "${meta.service ?? '?'}", <title>${meta.title ?? ''}</title>) with no public data`,
    };
  }
  return null;
};

/** The generic fallback: the page parsed but held nothing about the entity. */
export const noDataSignal = (meta: PageMeta): BlockSignal => ({
  kind: 'no_public_data',
  seen: `a page without public data (<title>${meta.title ?? ''}</title>, no JSON-LD, no Open Graph entity)`,
});
