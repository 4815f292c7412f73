import { lenientArray, lenientObject, lenientText } from '@mcp/core';
import type * as z from 'zod/v4';
import type { RawResult } from '../text.js';

/** Serper and SerpAPI both relay Google's organic results, in the same row shape. */
const organicRow = lenientObject({
  title: lenientText(),
  link: lenientText(),
  snippet: lenientText(),
  date: lenientText(),
});

/** The organic list, lenient: rows that are not objects are dropped, members of another type coerced. */
export const organicList = lenientArray(organicRow);

export const googleOrganicRaws = (rows: z.output<typeof organicList>): RawResult[] =>
  rows.map((row) => ({
    title: row.title ?? undefined,
    url: row.link ?? undefined,
    snippet: row.snippet ?? undefined,
    date: row.date,
  }));
