import * as z from 'zod/v4';

/** Output schemas shared by the tools; field names are snake_case and part of the contract. */

const sourceEnum = z.enum(['json_ld', 'open_graph', 'markup']);

export const pageSourceSchema = z
  .object({
    fetched_url: z.string().describe('canonical linkedin.com URL that was fetched'),
    via: z.enum(['direct', 'provider']).describe('direct fetch, or through LINKEDIN_FETCH_URL_TEMPLATE'),
    cached: z.boolean(),
    extracted_from: z.array(sourceEnum).describe('which parts of the page gave the data'),
  })
  .describe('where the data came from');

export const headquartersSchema = z.object({
  text: z.string().nullable().describe('as displayed, e.g. "Paris, Île-de-France"'),
  street_address: z.string().nullable(),
  locality: z.string().nullable(),
  region: z.string().nullable(),
  postal_code: z.string().nullable(),
  country: z.string().nullable().describe('ISO 3166 code as LinkedIn gives it'),
});

export const companySchema = z.object({
  name: z.string(),
  linkedin_url: z.string().nullable().describe('canonical https://www.linkedin.com/company/<slug>/'),
  slug: z.string().nullable(),
  company_id: z.string().nullable().describe('numeric LinkedIn organization id when the page shows it'),
  description: z.string().nullable(),
  tagline: z.string().nullable(),
  website: z.string().nullable(),
  industry: z.string().nullable().describe('secteur, as LinkedIn names it'),
  company_size: z.string().nullable().describe('declared size band, e.g. "51-200 employees"'),
  company_type: z.string().nullable().describe('e.g. "Privately Held"'),
  employees_on_linkedin: z.number().int().nullable().describe('members who list the company; not headcount'),
  headquarters: headquartersSchema.nullable().describe('siège'),
  founded: z.string().nullable(),
  specialties: z.array(z.string()),
  followers: z.number().int().nullable().describe('abonnés'),
  logo_url: z.string().nullable(),
  same_as: z.array(z.string()).describe('JSON-LD sameAs links (usually the website)'),
});

const experienceSchema = z.object({
  title: z.string().nullable(),
  company: z.string().nullable(),
  company_linkedin_url: z.string().nullable(),
  location: z.string().nullable(),
  start: z.string().nullable().describe('as shown ("mars 2021") or ISO ("2021-03")'),
  end: z.string().nullable().describe('null while current'),
  current: z.boolean(),
  duration: z.string().nullable(),
  description: z.string().nullable(),
});

const educationSchema = z.object({
  school: z.string(),
  school_linkedin_url: z.string().nullable(),
  degree: z.string().nullable(),
  start: z.string().nullable(),
  end: z.string().nullable(),
});

export const profileSchema = z.object({
  name: z.string(),
  linkedin_url: z.string().nullable().describe('canonical https://www.linkedin.com/in/<id>/'),
  public_id: z.string().nullable(),
  headline: z.string().nullable(),
  location: z.string().nullable(),
  current_company: z.string().nullable(),
  current_title: z.string().nullable(),
  about: z.string().nullable(),
  experience: z.array(experienceSchema).describe('public entries only; LinkedIn hides some from visitors'),
  education: z.array(educationSchema),
  languages: z.array(z.object({ name: z.string(), proficiency: z.string().nullable() })),
  followers: z.number().int().nullable(),
  connections: z.string().nullable().describe('as shown, LinkedIn caps it: "500+"'),
  image_url: z.string().nullable(),
});
