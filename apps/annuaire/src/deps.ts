import type { AnnuaireClient } from './upstream/annuaire.js';

/** What every tool of this app closes over. */
export interface AnnuaireDeps {
  api: AnnuaireClient;
}
