import { getDomain } from 'tldts';
import type { Signal } from '../schemas.js';
import { sameCompanyName } from './names.js';

/** What the cross-checks compare: each part is null when its step gave nothing. */
export interface Facts {
  siren: string | null;
  company: { names: string[]; state: 'active' | 'closed' | null; created_on: string | null } | null;
  website: {
    domain: string;
    answered: boolean;
    publisher_siren: string | null;
    publisher_name: string | null;
    /** The company was identified from this site's legal notice (a site was the query). */
    identified_by_it: boolean;
  } | null;
  domain: { domain: string; created_on: string | null; registrant_organisation: string | null } | null;
  linkedin: { website: string | null } | null;
}

// A domain bought some months before the company is registered is the usual start of a business.
const SETUP_GRACE_DAYS = 365;
const DAY_MS = 86_400_000;

const day = (iso: string | null): number | null => {
  if (!iso) return null;
  const t = Date.parse(iso.slice(0, 10));
  return Number.isNaN(t) ? null : t;
};

const publisherSignal = (f: Facts): Signal | null => {
  if (!f.website?.publisher_siren || !f.siren) return null;
  const { domain, publisher_siren, publisher_name } = f.website;
  if (publisher_siren === f.siren) {
    return {
      kind: 'website_publisher_matches',
      ok: true,
      detail: f.website.identified_by_it
        ? `The legal notice of ${domain} names SIREN ${publisher_siren}: the company was identified from it.`
        : `The legal notice of ${domain} names SIREN ${publisher_siren}, the register's company.`,
    };
  }
  return {
    kind: 'website_publisher_matches',
    ok: false,
    detail: `The legal notice of ${domain} names another company, SIREN ${publisher_siren}${publisher_name ? ` (${publisher_name})` : ''}: a reseller, an agency, a parent or a former owner publishes the site.`,
  };
};

const registrantSignal = (f: Facts): Signal | null => {
  const org = f.domain?.registrant_organisation;
  if (!org || !f.domain || !f.company || f.company.names.length === 0) return null;
  const match = f.company.names.find((name) => sameCompanyName(org, name));
  return {
    kind: 'domain_registrant_matches',
    ok: match !== undefined,
    detail: match
      ? `${f.domain.domain} is registered to "${org}", the company's name.`
      : `${f.domain.domain} is registered to "${org}", not to "${f.company.names[0]}".`,
  };
};

const ageSignal = (f: Facts): Signal | null => {
  const domainDay = day(f.domain?.created_on ?? null);
  const companyDay = day(f.company?.created_on ?? null);
  if (domainDay === null || companyDay === null || !f.domain) return null;
  const years = Math.abs(domainDay - companyDay) / (365.25 * DAY_MS);
  const span = years >= 1 ? `${Math.round(years)} year(s)` : `${Math.round(years * 12)} month(s)`;
  if (domainDay >= companyDay - SETUP_GRACE_DAYS * DAY_MS) {
    return {
      kind: 'domain_created_after_company',
      ok: true,
      detail:
        domainDay >= companyDay
          ? `${f.domain.domain} was registered ${span} after the company was created.`
          : `${f.domain.domain} was registered ${span} before the company was created, as when a business is set up.`,
    };
  }
  return {
    kind: 'domain_created_after_company',
    ok: false,
    detail: `${f.domain.domain} was registered ${span} before the company was created: an earlier owner, a parent or a former business held it.`,
  };
};

const closedSignal = (f: Facts): Signal | null => {
  if (f.company?.state !== 'closed' || !f.website) return null;
  return {
    kind: 'closed_company_site_answers',
    ok: !f.website.answered,
    detail: f.website.answered
      ? `The company is closed in the register, but ${f.website.domain} still answers.`
      : `The company is closed in the register and ${f.website.domain} does not answer.`,
  };
};

const linkedinSignal = (f: Facts): Signal | null => {
  const listed = f.linkedin?.website;
  if (!listed || !f.website) return null;
  let listedDomain: string | null = null;
  try {
    listedDomain = getDomain(new URL(/^https?:\/\//i.test(listed) ? listed : `https://${listed}`).hostname);
  } catch {
    listedDomain = null;
  }
  return {
    kind: 'linkedin_website_matches',
    ok: listedDomain === f.website.domain,
    detail:
      listedDomain === f.website.domain
        ? `The LinkedIn page links to ${f.website.domain}.`
        : `The LinkedIn page links to ${listedDomain ?? listed}, not to ${f.website.domain}.`,
  };
};

/** The cross-checks that the facts allow; a check with a missing side is left out, not guessed. */
export const crossCheck = (facts: Facts): Signal[] =>
  [publisherSignal, registrantSignal, ageSignal, closedSignal, linkedinSignal]
    .map((check) => check(facts))
    .filter((s): s is Signal => s !== null);
