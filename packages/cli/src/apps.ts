/** The five servers and the all-in-one, as a client sees them. */
export interface AppInfo {
  /** Directory under apps/ and default server key in client configs. */
  id: AppId;
  /** Its host's first label under the deployment's domain: `annuaire` → `https://annuaire.<domain>/mcp`. */
  subdomain: string;
  title: string;
  /** One line for MetaMCP and other catalogues. */
  description: string;
  /** Optional env variables worth surfacing in a stdio config (empty = unset for @mcp/core). */
  stdioEnv: readonly string[];
}

/** The five standalone servers: what `clients` configures when no `--app` is given. */
export const STANDALONE_IDS = ['annuaire', 'serp', 'rdap', 'linkedin', 'siret-extractor'] as const;
/** The one server serving the five apps' tools (`/mcp`, prefixed; `/<app>/mcp`, unchanged) and research_company. */
export const ALL_IN_ONE = 'all-in-one';
export const APP_IDS = [...STANDALONE_IDS, ALL_IN_ONE] as const;
export type AppId = (typeof APP_IDS)[number];

const STANDALONE: readonly AppInfo[] = [
  {
    id: 'annuaire',
    subdomain: 'annuaire',
    title: 'Annuaire des entreprises',
    description:
      "French company register (API Recherche d'entreprises): search, company record, SIRET check, officers, finances",
    stdioEnv: [],
  },
  {
    id: 'serp',
    subdomain: 'serp',
    title: 'Web search',
    description:
      "Web search (Serper, SerpAPI, Brave, SearXNG, DuckDuckGo) and a French company's pages (Pappers, Societe.com, LinkedIn, website)",
    stdioEnv: ['SERPER_API_KEY', 'SERPAPI_API_KEY', 'BRAVE_API_KEY', 'SEARXNG_URL'],
  },
  {
    id: 'rdap',
    subdomain: 'rdap',
    title: 'RDAP / WHOIS',
    description:
      'Who owns a domain, since when, its registrar and availability (.fr first); IP and ASN owners',
    stdioEnv: [],
  },
  {
    id: 'linkedin',
    subdomain: 'linkedin',
    title: 'LinkedIn public pages',
    description: 'Public LinkedIn company and profile pages, structured, with honest "blocked" answers',
    stdioEnv: ['SERPER_API_KEY', 'LINKEDIN_FETCH_URL_TEMPLATE'],
  },
  {
    id: 'siret-extractor',
    subdomain: 'siret-extractor',
    title: 'SIRET extractor',
    description:
      'The SIREN/SIRET/TVA of the company behind a website, read from its legal notice (mentions légales)',
    stdioEnv: [],
  },
];

export const APPS: readonly AppInfo[] = [
  ...STANDALONE,
  {
    id: ALL_IN_ONE,
    // docker-compose.all-in-one.yml routes `mcp.${MCP_DOMAIN}` to it.
    subdomain: 'mcp',
    title: 'French company intelligence (all-in-one)',
    description:
      "The five servers' tools in one (annuaire_*, serp_*, rdap_*, linkedin_*, siret_extractor_*) and research_company: a cross-checked company dossier in one call",
    // It reads every variable of the five.
    stdioEnv: [...new Set(STANDALONE.flatMap((a) => a.stdioEnv))],
  },
];

/** npm name of an app's published bundle (`npx -y @mcp-fr/annuaire --stdio`). */
export const npmPackageName = (id: AppId): string => `@mcp-fr/${id}`;

export const appInfo = (id: AppId): AppInfo => APPS.find((a) => a.id === id) as AppInfo;

/** `https://annuaire.mcp.example.com/mcp`; the all-in-one: `https://mcp.mcp.example.com/mcp`. */
export const appUrl = (id: AppId, domain: string): string => `https://${appInfo(id).subdomain}.${domain}/mcp`;

export const isAppId = (value: string): value is AppId => (APP_IDS as readonly string[]).includes(value);
