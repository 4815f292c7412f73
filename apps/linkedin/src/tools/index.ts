import type { AnyTool } from '@mcp/core';
import type { LinkedinDeps } from '../deps.js';
import { findCompany } from './find_company.js';
import { findPeople } from './find_people.js';
import { getCompany } from './get_company.js';
import { getProfile } from './get_profile.js';

export const linkedinTools = (deps: LinkedinDeps): AnyTool[] => [
  getCompany(deps),
  getProfile(deps),
  findCompany(deps),
  findPeople(deps),
];
