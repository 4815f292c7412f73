import * as z from 'zod/v4';
import type { RawResult } from '../text.js';

/** Serper and SerpAPI both relay Google's organic results, in the same row shape. */
const organic = z.object({
  title: z.string().optional(),
  link: z.string().optional(),
  snippet: z.string().optional(),
  date: z.string().optional(),
});

/** Rows that do not match the shape are skipped. */
export const googleOrganicRaws = (items: readonly unknown[]): RawResult[] => {
  const raws: RawResult[] = [];
  for (const item of items) {
    const row = organic.safeParse(item);
    if (row.success)
      raws.push({
        title: row.data.title,
        url: row.data.link,
        snippet: row.data.snippet,
        date: row.data.date,
      });
  }
  return raws;
};
