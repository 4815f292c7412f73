import type { AnyTool } from '@mcp/core';
import type { HtmlLimits } from '@mcp/html';
import type { SearchFn } from '@mcp/search';
import type { PageLoader } from '../service/pages.js';
import { type FetchWebsite, findCompany } from './find_company.js';
import { findPeople } from './find_people.js';
import { getCompany } from './get_company.js';
import { getProfile } from './get_profile.js';

export interface LinkedInToolDeps {
  loader: PageLoader;
  search: SearchFn;
  fetchWebsite: FetchWebsite;
  /** Size, depth and time limits of every page parse (HTML_MAX_BYTES…); default: @mcp/html's. */
  htmlLimits?: HtmlLimits;
}

export const linkedinTools = (deps: LinkedInToolDeps): AnyTool[] => [
  getCompany(deps),
  getProfile(deps),
  findCompany(deps),
  findPeople(deps),
];
