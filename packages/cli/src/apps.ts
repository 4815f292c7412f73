/** The five servers, as a client sees them. */
export interface AppInfo {
  /** Directory under apps/, subdomain label and default server key in client configs. */
  id: AppId;
  title: string;
  /** One line for MetaMCP and other catalogues. */
  description: string;
  /** Optional env variables worth surfacing in a stdio config (empty = unset for @mcp/core). */
  stdioEnv: readonly string[];
}

export const APP_IDS = ['annuaire', 'serp', 'rdap', 'linkedin', 'siret-extractor'] as const;
export type AppId = (typeof APP_IDS)[number];

export const APPS: readonly AppInfo[] = [
  {
    id: 'annuaire',
    title: 'Annuaire des entreprises',
    description:
      "French company register (API Recherche d'entreprises): search, company record, SIRET check, officers, finances",
    stdioEnv: [],
  },
  {
    id: 'serp',
    title: 'Web search',
    description:
      "Web search (Serper, SerpAPI, Brave, SearXNG, DuckDuckGo) and a French company's pages (Pappers, Societe.com, LinkedIn, website)",
    stdioEnv: ['SERPER_API_KEY', 'SERPAPI_API_KEY', 'BRAVE_API_KEY', 'SEARXNG_URL'],
  },
  {
    id: 'rdap',
    title: 'RDAP / WHOIS',
    description:
      'Who owns a domain, since when, its registrar and availability (.fr first); IP and ASN owners',
    stdioEnv: [],
  },
  {
    id: 'linkedin',
    title: 'LinkedIn public pages',
    description: 'Public LinkedIn company and profile pages, structured, with honest "blocked" answers',
    stdioEnv: ['SERPER_API_KEY', 'LINKEDIN_FETCH_URL_TEMPLATE'],
  },
  {
    id: 'siret-extractor',
    title: 'SIRET extractor',
    description:
      'The SIREN/SIRET/TVA of the company behind a website, read from its legal notice (mentions légales)',
    stdioEnv: [],
  },
];

/** npm name of an app's published bundle (`npx -y @mcp-fr/annuaire --stdio`). */
export const npmPackageName = (id: AppId): string => `@mcp-fr/${id}`;

/** `https://annuaire.mcp.example.com/mcp` */
export const appUrl = (id: AppId, domain: string): string => `https://${id}.${domain}/mcp`;

export const isAppId = (value: string): value is AppId => (APP_IDS as readonly string[]).includes(value);
