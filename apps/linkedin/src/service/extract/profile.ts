import { readJsonLd } from '@mcp/jsonld';
import { type CheerioAPI, load } from 'cheerio';
import { refFromUrl } from '../urls.js';
import type { Source } from './company.js';
import { type Person, pageJsonLd, personSchema, profilePageSchema } from './jsonld.js';
import { type PageMeta, readMeta } from './meta.js';
import {
  type EducationEntry,
  type ExperienceEntry,
  educationFromJsonLd,
  experienceFromJsonLd,
  type LanguageEntry,
  languagesFromJsonLd,
  readEducation,
  readExperience,
  readLanguages,
} from './profile-sections.js';
import { clean, cleanMultiline, connectionsIn, followersIn } from './text.js';
import { parseProfileTitle } from './titles.js';

export interface ProfileData {
  name: string;
  linkedin_url: string | null;
  public_id: string | null;
  headline: string | null;
  location: string | null;
  current_company: string | null;
  current_title: string | null;
  about: string | null;
  experience: ExperienceEntry[];
  education: EducationEntry[];
  languages: LanguageEntry[];
  followers: number | null;
  connections: string | null;
  image_url: string | null;
  sources: Source[];
}

export interface ProfileExtraction {
  data: ProfileData | null;
  meta: PageMeta;
  has_structured_data: boolean;
}

/**
 * Open Graph description of a public profile: "Experience: Acme · Education: HEC Paris · Location:
 * Paris · 500+ connections on LinkedIn. …" (French: "Expérience : … · Formation : … · Lieu : …").
 */
const ogFields = (description: string | null) => {
  const field = (re: RegExp): string | null => clean(description ? re.exec(description)?.[1] : null);
  return {
    company: field(/(?:Experience|Expérience)\s*:\s*([^·|]+)/i),
    location: field(/(?:Location|Lieu)\s*:\s*([^·|]+)/i),
  };
};

const followersOf = (person: Person | undefined): number | null => {
  for (const stat of person?.interactionStatistic ?? []) {
    if (/Follow/i.test(`${stat.interactionType ?? ''} ${stat.name ?? ''}`)) return stat.userInteractionCount;
  }
  return null;
};

/** First top-card subline item that is not a follower or connection count. */
const shownLocation = (topCard: ReturnType<CheerioAPI>): string | null => {
  const items = topCard.find('.profile-info-subheader .not-first-middot span, .top-card__subline-item');
  for (let i = 0; i < items.length; i++) {
    const text = clean(items.eq(i).text());
    if (text && followersIn(text) === null && connectionsIn(text) === null) return text;
  }
  return null;
};

const STATIC_IMAGE_RE = /static\.licdn\.com|\/aero-v1\/sc\/h\//;

/** Extracts a public profile: JSON-LD `Person` (inside `@graph`), Open Graph, then the public markup. */
export const extractProfile = (html: string): ProfileExtraction => {
  const $ = load(html);
  const meta = readMeta($);
  const nodes = pageJsonLd($);
  const person =
    readJsonLd(nodes, ['Person'], personSchema) ??
    readJsonLd(nodes, ['ProfilePage'], profilePageSchema)?.mainEntity ??
    undefined;
  const sources = new Set<Source>();
  const from = <T>(source: Source, value: T | null | undefined): T | null => {
    if (value == null || (Array.isArray(value) && value.length === 0)) return null;
    sources.add(source);
    return value;
  };

  const topCard = $('section.top-card-layout, .top-card-layout').first();
  const topTitle = clean(topCard.find('h1.top-card-layout__title, h1').first().text());
  const isProfileCard = topTitle !== null && $('section[data-section], .profile').length > 0;
  const ogRef = meta.og.url ? refFromUrl(meta.og.url) : undefined;
  const og = ogFields(meta.og.description);
  const subline = clean(topCard.find('.top-card-layout__first-subline').first().text());

  const name =
    from('json_ld', person?.name) ??
    from('markup', isProfileCard ? topTitle : null) ??
    from('open_graph', ogRef?.kind === 'profile' ? (parseProfileTitle(meta.og.title)?.name ?? null) : null);
  if (!name) return { data: null, meta, has_structured_data: person !== undefined || isProfileCard };

  const urlRef = [person?.url, meta.og.url, meta.canonical]
    .map((u) => (u ? refFromUrl(u) : undefined))
    .find((r) => r?.kind === 'profile');

  const experience =
    from('markup', readExperience($)) ?? from('json_ld', person ? experienceFromJsonLd(person) : []) ?? [];
  const currentJob = experience.find((e) => e.current) ?? null;
  const rightColumnCompany = clean(
    topCard.find('[data-section="currentPositionsDetails"] .top-card-link__description').first().text(),
  );

  const imageUrl = person?.image?.contentUrl ?? person?.image?.url ?? meta.og.image;

  const data: ProfileData = {
    name,
    linkedin_url: urlRef?.url ?? null,
    public_id: urlRef?.id ?? null,
    headline:
      from('markup', clean(topCard.find('.top-card-layout__headline').first().text())) ??
      from(
        'open_graph',
        ogRef?.kind === 'profile' ? (parseProfileTitle(meta.og.title)?.headline ?? null) : null,
      ),
    location:
      from('json_ld', person?.address?.addressLocality) ??
      from('markup', shownLocation(topCard)) ??
      from('open_graph', og.location),
    current_company:
      from('json_ld', person?.worksFor[0]?.name) ??
      from('markup', rightColumnCompany ?? currentJob?.company) ??
      from('open_graph', og.company),
    current_title: from('json_ld', person?.jobTitle[0]) ?? from('markup', currentJob?.title),
    about:
      from('json_ld', cleanMultiline(person?.description)) ??
      from(
        'markup',
        cleanMultiline($('section[data-section="summary"] .core-section-container__content').first().text()),
      ),
    experience,
    education:
      from('markup', readEducation($)) ?? from('json_ld', person ? educationFromJsonLd(person) : []) ?? [],
    languages:
      from('markup', readLanguages($)) ?? from('json_ld', person ? languagesFromJsonLd(person) : []) ?? [],
    followers: from('json_ld', followersOf(person)) ?? from('markup', followersIn(subline)),
    connections:
      from('markup', connectionsIn(subline)) ?? from('open_graph', connectionsIn(meta.og.description)),
    image_url: imageUrl && !STATIC_IMAGE_RE.test(imageUrl) ? imageUrl : null,
    sources: [],
  };
  data.sources = (['json_ld', 'open_graph', 'markup'] as const).filter((s) => sources.has(s));
  return { data, meta, has_structured_data: person !== undefined || isProfileCard };
};
