import { isValidSiren } from '@mcp/fr-ids';
import { parse as parseHost } from 'tldts';

/** The pages `find_company_pages` looks for, in the order it reports them. */
export const COMPANY_SITES = [
  'pappers',
  'societe',
  'annuaire_entreprises',
  'infogreffe',
  'linkedin_company',
  'website',
] as const;
export type CompanySite = (typeof COMPANY_SITES)[number];
export type DirectorySite = Exclude<CompanySite, 'website'>;

/** Where each directory lives; the `site:` restriction used when a search targets it. */
export const SITE_DOMAINS: Record<DirectorySite, string> = {
  pappers: 'pappers.fr',
  societe: 'societe.com',
  annuaire_entreprises: 'annuaire-entreprises.data.gouv.fr',
  infogreffe: 'infogreffe.fr',
  linkedin_company: 'linkedin.com/company',
};

export const annuaireUrl = (siren: string): string =>
  `https://annuaire-entreprises.data.gouv.fr/entreprise/${siren}`;

/** The registries whose company page follows from the SIREN alone: no search is spent on them. */
export const REGISTRY_SITES = ['pappers', 'societe', 'annuaire_entreprises', 'infogreffe'] as const;
export type RegistrySite = (typeof REGISTRY_SITES)[number];

/**
 * Each registry's page for a SIREN, in the URL form the site serves for it (Pappers and Infogreffe
 * redirect the bare SIREN to the slugged page; Societe.com and annuaire-entreprises take it as is).
 * Every form is one `classifyUrl` reads the SIREN back from.
 */
export const registryUrl = (site: RegistrySite, siren: string): string => {
  switch (site) {
    case 'pappers':
      return `https://www.pappers.fr/entreprise/${siren}`;
    case 'societe':
      return `https://www.societe.com/societe/${siren}.html`;
    case 'annuaire_entreprises':
      return annuaireUrl(siren);
    case 'infogreffe':
      return `https://www.infogreffe.fr/entreprise-societe/${siren}`;
  }
};

export const isRegistrySite = (site: CompanySite): site is RegistrySite =>
  (REGISTRY_SITES as readonly string[]).includes(site);

export interface SitePage {
  site: DirectorySite;
  /** Canonical form of the page URL (LinkedIn sub-pages and locale hosts folded to the company root). */
  url: string;
  /** SIREN the URL carries, when the site puts one there and it passes Luhn. */
  siren: string | undefined;
}

const hostIs = (host: string, domain: string): boolean => host === domain || host.endsWith(`.${domain}`);
const validSiren = (digits: string | undefined): string | undefined =>
  digits !== undefined && isValidSiren(digits) ? digits : undefined;

/** Pappers: `/entreprise/<slug>-<siren>` (also bare `/entreprise/<siren>`). */
export const sirenFromPappersPath = (path: string): string | undefined =>
  validSiren(/^\/entreprise\/(?:[^/]*-)?(\d{9})\/?$/.exec(path)?.[1]);

/** Societe.com: `/societe/<slug>-<siren>.html`. */
export const sirenFromSocietePath = (path: string): string | undefined =>
  validSiren(/^\/societe\/(?:[^/]*-)?(\d{9})\.html$/.exec(path)?.[1]);

/** annuaire-entreprises: `/entreprise/<siren>` or `/entreprise/<slug>-<siren>`; `/etablissement/<siret>`. */
export const sirenFromAnnuairePath = (path: string): string | undefined => {
  const company = /^\/entreprise\/(?:[^/]*-)?(\d{9})\/?$/.exec(path)?.[1];
  if (company) return validSiren(company);
  return validSiren(/^\/etablissement\/(\d{9})\d{5}\/?$/.exec(path)?.[1]);
};

/** Infogreffe: `/entreprise/<slug>/<siren>/<id>` or the older `/entreprise-societe/<siren>-<slug>.html`. */
export const sirenFromInfogreffePath = (path: string): string | undefined => {
  if (!/^\/entreprise(?:-societe)?\//.test(path)) return undefined;
  for (const m of path.matchAll(/(?:^|[/-])(\d{9})(?=[/-]|\.html|$)/g)) {
    const siren = validSiren(m[1]);
    if (siren) return siren;
  }
  return undefined;
};

/**
 * Recognises a directory page and reads the SIREN its URL carries. Anything else (search pages,
 * `/dirigeant/` pages, LinkedIn people) is not a company page and gives undefined.
 */
export const classifyUrl = (raw: string): SitePage | undefined => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  const host = url.hostname.toLowerCase();
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // a malformed escape: match on the raw path
  }
  if (hostIs(host, 'pappers.fr') && /^\/entreprise\/[^/]+\/?$/.test(path)) {
    return { site: 'pappers', url: `${url.origin}${url.pathname}`, siren: sirenFromPappersPath(path) };
  }
  if (hostIs(host, 'societe.com') && path.startsWith('/societe/')) {
    return { site: 'societe', url: `${url.origin}${url.pathname}`, siren: sirenFromSocietePath(path) };
  }
  if (hostIs(host, 'annuaire-entreprises.data.gouv.fr') && /^\/(entreprise|etablissement)\//.test(path)) {
    return {
      site: 'annuaire_entreprises',
      url: `${url.origin}${url.pathname}`,
      siren: sirenFromAnnuairePath(path),
    };
  }
  if (hostIs(host, 'infogreffe.fr') && /^\/entreprise(-societe)?\//.test(path)) {
    return { site: 'infogreffe', url: `${url.origin}${url.pathname}`, siren: sirenFromInfogreffePath(path) };
  }
  if (hostIs(host, 'linkedin.com')) {
    const slug = /^\/company\/([^/?#]+)/.exec(path)?.[1];
    if (slug)
      return { site: 'linkedin_company', url: `https://www.linkedin.com/company/${slug}/`, siren: undefined };
  }
  return undefined;
};

/**
 * Domains that describe companies without being one: registries, directories, social networks, job
 * boards, encyclopaedias. A result there is never "the company's website", and mentions searches
 * leave the registries out.
 */
export const REGISTRY_DOMAINS = [
  'pappers.fr',
  'societe.com',
  'infogreffe.fr',
  'annuaire-entreprises.data.gouv.fr',
  'data.inpi.fr',
  'bodacc.fr',
  'verif.com',
  'manageo.fr',
  'corporama.com',
  'societeinfo.com',
  'infonet.fr',
  'sirene.fr',
  'score3.fr',
  'rubypayeur.com',
  'societe.ninja',
  'b-reputation.com',
  'lagazettefrance.fr',
  'entreprises.lefigaro.fr',
  'kompass.com',
  'dnb.com',
  'pagesjaunes.fr',
  'doctrine.fr',
] as const;

const NOT_A_COMPANY_SITE = [
  ...REGISTRY_DOMAINS,
  'linkedin.com',
  'facebook.com',
  'instagram.com',
  'twitter.com',
  'x.com',
  'youtube.com',
  'tiktok.com',
  'wikipedia.org',
  'wikidata.org',
  'indeed.com',
  'indeed.fr',
  'glassdoor.fr',
  'glassdoor.com',
  'welcometothejungle.com',
  'hellowork.com',
  'google.com',
  'gouv.fr',
  'trustpilot.com',
  'tripadvisor.fr',
  'mappy.com',
  'cylex-france.fr',
  '118712.fr',
  'bing.com',
  'duckduckgo.com',
];

export const isDomainIn = (domain: string, list: readonly string[]): boolean =>
  list.some((d) => hostIs(domain.toLowerCase(), d));

export const isDirectoryDomain = (domain: string): boolean => isDomainIn(domain, NOT_A_COMPANY_SITE);

/** `www.groupe-edf.fr` → `groupe-edf`: the part of a host a company chooses. */
export const domainLabel = (domain: string): string | undefined =>
  parseHost(domain).domainWithoutSuffix ?? undefined;
