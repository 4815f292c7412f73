import type { AnyTool } from '@mcp/core';
import type { SearchFn } from '@mcp/search';
import type { PageLoader } from '../pages.js';
import { type FetchWebsite, findCompany } from './find_company.js';
import { findPeople } from './find_people.js';
import { getCompany } from './get_company.js';
import { getProfile } from './get_profile.js';

export interface LinkedInToolDeps {
  loader: PageLoader;
  search: SearchFn;
  fetchWebsite: FetchWebsite;
}

export const linkedinTools = (deps: LinkedInToolDeps): AnyTool[] => [
  getCompany(deps),
  getProfile(deps),
  findCompany(deps),
  findPeople(deps),
];
