import type { AnyTool } from '@mcp/core';
import { findCompanyPagesTool } from './find_company_pages.js';
import { searchCompanyMentions } from './search_company_mentions.js';
import { type SearchDeps, webSearch } from './web_search.js';

export const serpTools = (deps: SearchDeps): AnyTool[] => [
  webSearch(deps),
  findCompanyPagesTool(deps),
  searchCompanyMentions(deps),
];
