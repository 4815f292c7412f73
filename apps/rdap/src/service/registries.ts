import type { Logger } from 'pino';
import type { BootstrapStore } from '../upstream/bootstrap-store.js';
import type { RdapHttp } from '../upstream/rdap.js';
import type { WhoisClient } from '../upstream/whois.js';

/** The registry clients the lookups run on: built once per process (deps.ts), shared by the tools. */
export interface Registries {
  bootstrap: BootstrapStore;
  http: RdapHttp;
  whois: WhoisClient;
  /** `RDAP_FR_BASE_URL` when set: wins over the bootstrap for the AFNIC TLDs. */
  frBaseUrl: string | undefined;
  /** Simultaneous lookups per registry in check_availability. */
  concurrencyPerRegistry: number;
  log: Logger;
}
