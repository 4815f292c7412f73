import { defineTool, fail, toolError } from '@mcp/core';
import * as z from 'zod/v4';
import type { LinkedinDeps } from '../deps.js';
import { companySchema, pageSourceSchema } from '../schemas.js';
import { parseRef } from '../service/urls.js';

export const getCompany = ({ loader }: Pick<LinkedinDeps, 'loader'>) =>
  defineTool({
    name: 'get_company',
    title: 'LinkedIn company page',
    description:
      'Public data of a LinkedIn company page (page entreprise): name, description, website, industry (secteur), ' +
      'company size, employees on LinkedIn, headquarters (siège), founded, specialties, followers (abonnés), logo, ' +
      'same_as links. Reads JSON-LD, Open Graph and the public markup of the logged-out page. When LinkedIn ' +
      'refuses the visit (HTTP 999, sign-up wall, app shell) the answer is a `blocked` error saying what was seen.',
    input: z.object({
      url: z
        .string()
        .max(500)
        .optional()
        .describe('company page URL, e.g. https://fr.linkedin.com/company/audiense/ or /company/10529043/'),
      slug: z.string().max(120).optional().describe('or the company slug / numeric id alone, e.g. audiense'),
    }),
    output: companySchema.extend({ source: pageSourceSchema }),
    annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: true },
    async handler({ url, slug }, { signal, log }) {
      if (url === undefined && slug === undefined) {
        return toolError('invalid_input', 'url: give the company page URL (or slug: the company slug).', {
          fields: ['url'],
        });
      }
      const ref =
        url !== undefined ? parseRef(url, 'company', 'url') : parseRef(slug ?? '', 'company', 'slug');
      if (!ref.ok) return fail(ref.error);
      const res = await loader.company(ref.value, signal);
      if (!res.ok) {
        log.info({ linkedin_url: ref.value.url, code: res.error.code }, 'get_company failed');
        return fail(res.error);
      }
      const { sources, ...company } = res.value.data;
      return { ...company, source: { ...res.value.source, extracted_from: sources } };
    },
  });
