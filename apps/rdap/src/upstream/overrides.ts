/**
 * Registries missing from (older) IANA bootstrap publications. AFNIC runs .fr and the overseas
 * TLDs .re .pm .tf .wf .yt on one RDAP server; the 2022 `dns.json` (fixture iana_dns.json) lists none.
 */
export const AFNIC_RDAP = 'https://rdap.nic.fr/';
export const AFNIC_TLDS = ['fr', 're', 'pm', 'tf', 'wf', 'yt'] as const;

export interface OverrideOptions {
  /** `RDAP_FR_BASE_URL`: replaces the AFNIC server for every AFNIC-run TLD. */
  frBaseUrl?: string | undefined;
}

const withSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);

/** The built-in base URL for `tld`, if any. */
export const overrideFor = (tld: string, options: OverrideOptions = {}): string | null =>
  (AFNIC_TLDS as readonly string[]).includes(tld) ? withSlash(options.frBaseUrl ?? AFNIC_RDAP) : null;

/** WHOIS servers known without asking whois.iana.org. */
export const WHOIS_OVERRIDES: Record<string, string> = Object.fromEntries(
  AFNIC_TLDS.map((t) => [t, 'whois.nic.fr']),
);
