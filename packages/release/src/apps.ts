import { APPS, type AppId, type AppInfo } from '@mcp/cli';

/** A provider setting a user types into Claude Desktop when installing a bundle (`.mcpb` `user_config`). */
/** An app, or `cli` for mcp-config itself (@mcp-fr/cli). */
export type PackTarget = AppId | 'cli';

export interface UserSetting {
  /** The app's env variable. */
  env: string;
  title: string;
  description: string;
  /** Keys and URLs that carry a key: Claude Desktop keeps them in the OS keychain and masks them. */
  sensitive: boolean;
}

export interface ReleaseApp extends AppInfo {
  /** The MCP Registry caps a description at 100 characters. */
  summary: string;
  userSettings: readonly UserSetting[];
}

// The search variables of @mcp/search, which serp and linkedin (find_company) both read.
const searchSettings: readonly UserSetting[] = [
  {
    env: 'SERPER_API_KEY',
    title: 'Serper API key',
    description: 'serper.dev key (first provider tried). Leave all keys empty for keyless DuckDuckGo.',
    sensitive: true,
  },
  { env: 'SERPAPI_API_KEY', title: 'SerpAPI key', description: 'serpapi.com key.', sensitive: true },
  {
    env: 'BRAVE_API_KEY',
    title: 'Brave Search API key',
    description: 'Brave Search API subscription token.',
    sensitive: true,
  },
  {
    env: 'SEARXNG_URL',
    title: 'SearXNG URL',
    description: 'Your SearXNG instance (JSON format enabled), e.g. https://searx.example.org',
    sensitive: false,
  },
];

// The LinkedIn scraping provider, besides the search keys (find_company searches).
const linkedinSettings: readonly UserSetting[] = [
  ...searchSettings,
  {
    env: 'LINKEDIN_FETCH_URL_TEMPLATE',
    title: 'Scraping provider URL',
    description: 'Provider URL with {url} for the URL-encoded LinkedIn page; often carries the key.',
    sensitive: true,
  },
  {
    env: 'LINKEDIN_FETCH_HEADERS',
    title: 'Scraping provider headers',
    description: 'Headers for that provider: a JSON object such as {"X-Api-Key":"…"}.',
    sensitive: true,
  },
];

const release: Record<AppId, Pick<ReleaseApp, 'summary' | 'userSettings'>> = {
  annuaire: {
    summary: 'French company register (Sirene + RNE): search, company record, SIRET check, officers',
    userSettings: [],
  },
  serp: {
    summary: "Web search (Serper, SerpAPI, Brave, SearXNG, DuckDuckGo) and a French company's pages",
    userSettings: searchSettings,
  },
  rdap: {
    summary: 'Who owns a domain (RDAP/WHOIS, .fr first), since when, its registrar; IP and ASN owners',
    userSettings: [],
  },
  linkedin: {
    summary: 'Public LinkedIn company and profile pages, structured, with honest "blocked" answers',
    userSettings: linkedinSettings,
  },
  'siret-extractor': {
    summary: 'The SIREN/SIRET/VAT number of the company behind a website, read from its legal notice',
    userSettings: [],
  },
  'all-in-one': {
    summary: 'The five servers in one, plus research_company: a cross-checked French company dossier',
    // Every variable of the five applies unchanged: serp's search keys and LinkedIn's provider (a superset).
    userSettings: linkedinSettings,
  },
};

export const RELEASE_APPS: readonly ReleaseApp[] = APPS.map((app) => ({ ...app, ...release[app.id] }));

export const releaseApp = (id: AppId): ReleaseApp => {
  const app = RELEASE_APPS.find((a) => a.id === id);
  if (!app) throw new Error(`unknown app ${id}`);
  return app;
};
