import { defineTool, fail, toolError } from '@mcp/core';
import * as z from 'zod/v4';
import type { AnnuaireDeps } from '../deps.js';
import { CompanySummarySchema, PageInfoSchema } from '../schemas.js';
import { nearestDistanceKm } from '../service/geo.js';
import { filterShape, pagingShape } from '../service/inputs.js';
import { pageCapError } from '../service/mappers/page.js';
import { checkFilterRanges, toRegisterFilters } from '../service/query.js';
import { mapSearch } from '../service/search-output.js';

/**
 * The filters the API's geo search applies (search-api app/elastic/geo_search.py: activite_principale
 * and section_activite_principale; it also keeps only fully diffusible units). Any other filter would
 * be dropped by the API while the answer looked filtered, so the input refuses it by name.
 */
const NEAR_POINT_FILTERS = {
  naf_code: filterShape.naf_code,
  naf_section: filterShape.naf_section,
  matching_establishments_limit: filterShape.matching_establishments_limit,
};

const output = PageInfoSchema.extend({
  center: z.object({ latitude: z.number(), longitude: z.number(), radius_km: z.number() }),
  results: z.array(
    CompanySummarySchema.extend({
      nearest_distance_km: z
        .number()
        .nullable()
        .describe('Distance from the center to the closest establishment found (km, 2 decimals)'),
    }),
  ),
});

export const searchNearPoint = ({ api }: AnnuaireDeps) =>
  defineTool({
    name: 'search_near_point',
    title: 'Companies around a point (recherche géographique)',
    description:
      'Companies with an establishment within radius_km (≤ 50) of a latitude/longitude (recherche ' +
      'géographique). The API applies only the activity filters here (naf_code, naf_section) and returns ' +
      'only fully diffusible units; for legal form, size, state or labels, use search_companies with ' +
      'postal_code, commune_code or department instead. Each result lists the establishments found in ' +
      'the circle and the distance to the closest one.',
    input: z.strictObject({
      latitude: z.number().min(-90).max(90).describe('WGS84 latitude, e.g. 48.8315'),
      longitude: z.number().min(-180).max(180).describe('WGS84 longitude, e.g. 2.2781'),
      radius_km: z
        .number()
        .min(0.001)
        .max(50)
        .default(5)
        .describe('Search radius in km, at most 50 (default 5)'),
      ...NEAR_POINT_FILTERS,
      ...pagingShape,
    }),
    output,
    annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: true },
    async handler({ latitude, longitude, radius_km, page, per_page, ...filters }, { signal }) {
      const range = checkFilterRanges(filters);
      if (range) return toolError('invalid_input', range.message, { fields: range.fields });
      const capped = pageCapError(page, per_page);
      if (capped) return toolError('invalid_input', capped, { fields: ['page', 'per_page'] });
      const res = await api.nearPoint(
        // The API names it `long`, not `lon`.
        { lat: latitude, long: longitude, radius: radius_km, ...toRegisterFilters(filters), page, per_page },
        signal,
      );
      if (!res.ok) return fail(res.error);
      const { results, ...info } = mapSearch(res.value, page, per_page);
      return {
        ...info,
        center: { latitude, longitude, radius_km },
        results: results.map((r) => ({
          ...r,
          nearest_distance_km: nearestDistanceKm({ latitude, longitude }, r.matching_establishments),
        })),
      };
    },
  });
