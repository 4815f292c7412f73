import type { CheerioAPI } from 'cheerio';
import { cleanLinkedInUrl } from '../urls.js';
import type { Affiliation, Person } from './jsonld.js';
import { clean, cleanMultiline } from './text.js';

type Sel = ReturnType<CheerioAPI>;

/** Entries of a public profile's Experience / Education / Languages sections, from markup or JSON-LD. */

export interface ExperienceEntry {
  title: string | null;
  company: string | null;
  company_linkedin_url: string | null;
  location: string | null;
  start: string | null;
  /** null while the position is current. */
  end: string | null;
  current: boolean;
  duration: string | null;
  description: string | null;
}

export interface EducationEntry {
  school: string;
  school_linkedin_url: string | null;
  degree: string | null;
  start: string | null;
  end: string | null;
}

export interface LanguageEntry {
  name: string;
  proficiency: string | null;
}

const PRESENT_RE = /^(present|présent|aujourd[’']hui|heute|actualidad|ahora)$/i;

/** `<span class="date-range"><time>Jan 2020</time> - <time>Mar 2022</time><span>2 yrs 3 mos</span></span>`. */
const dateRange = (el: Sel): Pick<ExperienceEntry, 'start' | 'end' | 'current' | 'duration'> => {
  const range = el.find('.date-range').first();
  const timeEls = range.find('time');
  const times = Array.from({ length: timeEls.length }, (_, i) => clean(timeEls.eq(i).text()));
  const text = clean(range.text()) ?? '';
  const duration = clean(range.find('.before\\:middot, .date-range__duration').first().text());
  const [start = null, endShown = null] = times;
  const present = times.length < 2 && /(present|présent|aujourd|heute|actualidad)/i.test(text);
  const end = endShown && !PRESENT_RE.test(endShown) ? endShown : null;
  return { start, end, current: present || (endShown !== null && PRESENT_RE.test(endShown)), duration };
};

const linkOf = (el: Sel): string | null => {
  const selector = 'a[href*="/company/"], a[href*="/school/"]';
  const href = (el.is(selector) ? el : el.find(selector)).first().attr('href');
  if (!href) return null;
  return cleanLinkedInUrl(href) ?? schoolUrl(href);
};

const schoolUrl = (href: string): string | null => {
  const m = /linkedin\.com\/school\/([^/?#]+)/i.exec(href);
  return m ? `https://www.linkedin.com/school/${m[1]!.toLowerCase()}/` : null;
};

export const readExperience = ($: CheerioAPI): ExperienceEntry[] => {
  const out: ExperienceEntry[] = [];
  const section = $('section[data-section="experience"], section.experience').first();
  section.find('li.experience-item, li.experience-group').each((_, li) => {
    const item = $(li);
    if (item.hasClass('experience-group')) {
      // Several positions at one company: the company heads the group, each position is a nested item.
      const company = clean(item.find('.experience-group-header__company').first().text());
      const companyUrl = linkOf(item.find('.experience-group-header').first());
      item.find('li.experience-group-position').each((__, pos) => {
        const p = $(pos);
        out.push({
          title: clean(p.find('h3, .experience-item__title').first().text()),
          company,
          company_linkedin_url: companyUrl,
          location: clean(p.find('.experience-group-position__location').first().text()),
          ...dateRange(p),
          description: cleanMultiline(
            p
              .find('.show-more-less-text__text--less, .experience-group-position__description')
              .first()
              .text(),
          ),
        });
      });
      return;
    }
    if (item.parents('li.experience-group').length > 0) return;
    const metas = item
      .find('.experience-item__meta-item')
      .toArray()
      .map((m) => $(m));
    const locationMeta = metas.find((m) => m.find('.date-range').length === 0);
    out.push({
      title: clean(item.find('.experience-item__title, h3').first().text()),
      company: clean(item.find('.experience-item__subtitle, h4').first().text()),
      company_linkedin_url: linkOf(item),
      location: clean(item.find('.experience-item__location').first().text() || locationMeta?.text()),
      ...dateRange(item),
      description: cleanMultiline(
        item.find('.show-more-less-text__text--less, .experience-item__description').first().text(),
      ),
    });
  });
  return out.filter((e) => e.title || e.company);
};

export const readEducation = ($: CheerioAPI): EducationEntry[] => {
  const out: EducationEntry[] = [];
  $('section[data-section="educationsDetails"], section.education')
    .first()
    .find('li.education__list-item, li.profile-section-card')
    .each((_, li) => {
      const item = $(li);
      const school = clean(item.find('h3').first().text());
      if (!school) return;
      const degree = clean(
        item
          .find('h4 span')
          .toArray()
          .map((s) => clean($(s).text()))
          .filter(Boolean)
          .join(', ') || item.find('h4').first().text(),
      );
      const { start, end } = dateRange(item);
      out.push({ school, school_linkedin_url: linkOf(item), degree, start, end });
    });
  return out;
};

export const readLanguages = ($: CheerioAPI): LanguageEntry[] => {
  const out: LanguageEntry[] = [];
  $('section[data-section="languages"], section.languages')
    .first()
    .find('li')
    .each((_, li) => {
      const name = clean($(li).find('h3').first().text());
      if (name) out.push({ name, proficiency: clean($(li).find('h4').first().text()) });
    });
  return out;
};

// --- JSON-LD fallbacks -------------------------------------------------------------------------

const orgUrl = (org: Affiliation): string | null =>
  org.url ? (cleanLinkedInUrl(org.url) ?? schoolUrl(org.url) ?? org.url) : null;

const SCHOOL_TYPES = ['EducationalOrganization', 'CollegeOrUniversity'];

/** `worksFor` (current) and non-school `alumniOf` (past) Organizations of a `Person`. */
export const experienceFromJsonLd = (person: Person): ExperienceEntry[] => {
  const titles = person.jobTitle;
  const past = person.alumniOf.filter((o) => o.types.includes('Organization'));
  const entry = (org: Affiliation, i: number, isCurrent: boolean): ExperienceEntry => {
    const role = org.member[0];
    return {
      title: isCurrent ? (titles[i] ?? null) : null,
      company: org.name,
      company_linkedin_url: orgUrl(org),
      location: org.location,
      start: role?.startDate ?? null,
      end: isCurrent ? null : (role?.endDate ?? null),
      current: isCurrent && !role?.endDate,
      duration: null,
      description: cleanMultiline(role?.description),
    };
  };
  return [
    ...person.worksFor.map((o, i) => entry(o, i, true)),
    ...past.map((o, i) => entry(o, i, false)),
  ].filter((e) => e.company);
};

export const educationFromJsonLd = (person: Person): EducationEntry[] =>
  person.alumniOf
    .filter((o) => o.types.some((t) => SCHOOL_TYPES.includes(t)))
    .map((o) => ({
      school: o.name ?? '',
      school_linkedin_url: orgUrl(o),
      degree: null,
      start: o.member[0]?.startDate ?? null,
      end: o.member[0]?.endDate ?? null,
    }))
    .filter((e) => e.school !== '');

export const languagesFromJsonLd = (person: Person): LanguageEntry[] =>
  person.knowsLanguage.map((name) => ({ name, proficiency: null }));
