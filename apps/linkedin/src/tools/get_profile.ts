import { defineTool, fail, toolError } from '@mcp/core';
import * as z from 'zod/v4';
import type { LinkedinDeps } from '../deps.js';
import { pageSourceSchema, profileSchema } from '../schemas.js';
import { parseRef } from '../service/urls.js';

export const getProfile = ({ loader }: Pick<LinkedinDeps, 'loader'>) =>
  defineTool({
    name: 'get_profile',
    title: 'LinkedIn public profile',
    description:
      'Public (logged-out) data of a LinkedIn profile: name, headline, location, current company and title, public ' +
      'experience and education entries, languages, followers / connections when shown, profile URL. LinkedIn ' +
      'often refuses logged-out visits to profiles: the answer is then a `blocked` error saying what was seen and ' +
      'how to route fetches through a scraping provider. Never logs in.',
    input: z.object({
      url: z
        .string()
        .max(500)
        .optional()
        .describe(
          'profile URL, e.g. https://fr.linkedin.com/in/jane-doe-1234/ (query strings and sub-pages ignored)',
        ),
      public_id: z.string().max(120).optional().describe('or the public id alone, e.g. jane-doe-1234'),
    }),
    output: profileSchema.extend({ source: pageSourceSchema }),
    annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: true },
    async handler({ url, public_id }, { signal, log }) {
      if (url === undefined && public_id === undefined) {
        return toolError('invalid_input', 'url: give the profile URL (or public_id: the id after /in/).', {
          fields: ['url'],
        });
      }
      const ref =
        url !== undefined
          ? parseRef(url, 'profile', 'url')
          : parseRef(public_id ?? '', 'profile', 'public_id');
      if (!ref.ok) return fail(ref.error);
      const res = await loader.profile(ref.value, signal);
      if (!res.ok) {
        log.info({ linkedin_url: ref.value.url, code: res.error.code }, 'get_profile failed');
        return fail(res.error);
      }
      const { sources, ...profile } = res.value.data;
      return { ...profile, source: { ...res.value.source, extracted_from: sources } };
    },
  });
