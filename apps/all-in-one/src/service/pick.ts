import { foldName } from '@mcp/fr-ids';
import type { Alternative } from '../schemas.js';
import { sameCompanyName } from './names.js';

/** The fields of a search_companies result the choice reads. */
export interface Summary {
  siren: string;
  name: string | null;
  state: 'active' | 'closed' | null;
  head_office_address: string | null;
  matching_establishments: Array<{
    is_head_office: boolean | null;
    city: string | null;
    postal_code: string | null;
  }>;
}

export interface Place {
  city?: string | undefined;
  postal_code?: string | undefined;
}

const placeOf = (s: Summary): { city: string | null; postal_code: string | null } => {
  const office = s.matching_establishments.find((e) => e.is_head_office) ?? s.matching_establishments[0];
  if (office?.city || office?.postal_code) return { city: office.city, postal_code: office.postal_code };
  // The register writes the head office on one line ending with "<postcode> <COMMUNE>".
  const m = /(\d{5})\s+([^,\d][^,]*)$/.exec(s.head_office_address ?? '');
  return { city: m?.[2]?.trim() ?? null, postal_code: m?.[1] ?? null };
};

const judge = (s: Summary, query: string, place: Place) => {
  const why: string[] = [];
  let score = 0;
  const name = s.name ?? '';
  if (foldName(name) === foldName(query)) {
    score += 4;
    why.push('name matches exactly');
  } else if (sameCompanyName(name, query)) {
    score += 3;
    why.push('name matches');
  } else {
    why.push('name is close (full-text search)');
  }
  const { city, postal_code } = placeOf(s);
  const inCity = place.city !== undefined && city !== null && foldName(city).startsWith(foldName(place.city));
  const inPostcode = place.postal_code !== undefined && postal_code === place.postal_code;
  if (inCity || inPostcode) {
    score += 3;
    why.push(`in ${[postal_code, city].filter(Boolean).join(' ')}`);
  } else if (city) {
    why.push(`based in ${city}`);
  }
  if (s.state === 'active') {
    score += 1;
    why.push('active');
  } else if (s.state === 'closed') {
    why.push('closed');
  }
  return { score, why, city, postal_code };
};

/**
 * The company a name query most likely means, and up to five others that fit, each saying why: name
 * first, then place, then an active company before a closed one; the register's own rank breaks ties.
 */
export const pickCompany = (
  results: readonly Summary[],
  query: string,
  place: Place,
): { best: Summary; alternatives: Alternative[] } | null => {
  const ranked = results
    .map((s, rank) => ({ s, rank, ...judge(s, query, place) }))
    .sort((a, b) => b.score - a.score || a.rank - b.rank);
  const [first, ...rest] = ranked;
  if (!first) return null;
  return {
    best: first.s,
    alternatives: rest.slice(0, 5).map((r) => ({
      siren: r.s.siren,
      name: r.s.name,
      city: r.city,
      postal_code: r.postal_code,
      state: r.s.state,
      why: r.why,
    })),
  };
};
