import type { AppCase } from './types.js';

/** One app's case loaded alone, so a process serving it holds only that app's code (fair RSS figures). */
const LOADERS: Record<string, () => Promise<AppCase>> = {
  annuaire: async () => (await import('./annuaire.js')).annuaireCase,
  serp: async () => (await import('./serp.js')).serpCase,
  rdap: async () => (await import('./rdap.js')).rdapCase,
  linkedin: async () => (await import('./linkedin.js')).linkedinCase,
  'siret-extractor': async () => (await import('./siret-extractor.js')).siretCase,
  'all-in-one': async () => (await import('./all-in-one.js')).allInOneCase,
};

export const APP_NAMES = Object.keys(LOADERS);

export const loadAppCase = async (name: string): Promise<AppCase | undefined> => LOADERS[name]?.();
