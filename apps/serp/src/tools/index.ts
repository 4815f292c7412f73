import type { AnyTool } from '@mcp/core';
import type { SerpDeps } from '../deps.js';
import { findCompanyPagesTool } from './find_company_pages.js';
import { searchCompanyMentions } from './search_company_mentions.js';
import { webSearch } from './web_search.js';

export const serpTools = (deps: SerpDeps): AnyTool[] => [
  webSearch(deps),
  findCompanyPagesTool(deps),
  searchCompanyMentions(deps),
];
