import { defineHtmlTask } from '@mcp/html';
import { linkedinLinksOf } from '../find/website-links.js';
import { extractCompany } from './company.js';
import { extractProfile } from './profile.js';

/** This app's parses of outside HTML, run through @mcp/html's pool (guards, worker, time limit). */
export const companyTask = defineHtmlTask(import.meta.url, 'linkedin.company', ({ html }: { html: string }) =>
  extractCompany(html),
);

export const profileTask = defineHtmlTask(import.meta.url, 'linkedin.profile', ({ html }: { html: string }) =>
  extractProfile(html),
);

/** A company's own website: its links to LinkedIn company pages. */
export const websiteLinksTask = defineHtmlTask(
  import.meta.url,
  'linkedin.website_links',
  ({ html }: { html: string }) => linkedinLinksOf(html),
);
