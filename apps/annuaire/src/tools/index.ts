import type { AnyTool } from '@mcp/core';
import type { AnnuaireDeps } from '../deps.js';
import { getCompany } from './get_company.js';
import { getOfficers } from './get_officers.js';
import { listEstablishments } from './list_establishments.js';
import { searchCompanies } from './search_companies.js';
import { searchNearPoint } from './search_near_point.js';
import { verifySiret } from './verify_siret.js';
import { verifySirets } from './verify_sirets.js';

/** The tools, in the order an agent usually needs them. */
export const annuaireTools = (deps: AnnuaireDeps): AnyTool[] => [
  searchCompanies(deps),
  getCompany(deps),
  verifySiret(deps),
  verifySirets(deps),
  listEstablishments(deps),
  searchNearPoint(deps),
  getOfficers(deps),
];
