// Régions and départements by name as well as by code: agents are asked "in Bretagne", not "in 53".
import { foldName as fold } from '@mcp/fr-ids';
import { DEPARTMENTS, REGIONS } from './geo.gen.js';

/** Names people use that are not the official ones. */
const REGION_ALIASES: Record<string, string> = {
  paca: '93',
  idf: '11',
  'ile de france': '11',
  reunion: '04',
  'centre val de loire': '24',
  centre: '24',
};

const DEPARTMENT_ALIASES: Record<string, string> = {
  reunion: '974',
  corse: '2A,2B',
};

/** "La Réunion" is also "Réunion"; "Côtes-d’Armor" also "Cotes d Armor". */
const keysOf = (name: string): string[] => {
  const folded = fold(name);
  const bare = folded.replace(/^(la|le|les|l) /, '');
  return bare === folded ? [folded] : [folded, bare];
};

const indexOf = (table: Record<string, string>, aliases: Record<string, string>): Map<string, string> => {
  const index = new Map<string, string>(Object.entries(aliases));
  for (const [code, name] of Object.entries(table)) for (const key of keysOf(name)) index.set(key, code);
  return index;
};

const REGION_INDEX = indexOf(REGIONS, REGION_ALIASES);
const DEPARTMENT_INDEX = indexOf(DEPARTMENTS, DEPARTMENT_ALIASES);

/** Edit distance, for naming the closest names to a typo. */
const distance = (a: string, b: string): number => {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
};

export type PlaceMatch = { codes: string[] } | { closest: string[] };

const resolve = (
  table: Record<string, string>,
  index: Map<string, string>,
  value: string,
  normalizeCode: (v: string) => string,
): PlaceMatch => {
  const code = normalizeCode(value.trim());
  if (Object.hasOwn(table, code)) return { codes: [code] };
  const key = fold(value);
  const found = index.get(key) ?? index.get(key.replace(/^(la|le|les|l) /, ''));
  if (found) return { codes: found.split(',') };
  const closest = Object.entries(table)
    .map(([c, name]) => ({ c, name, d: Math.min(...keysOf(name).map((k) => distance(key, k))) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map(({ c, name }) => `${name} (${c})`);
  return { closest };
};

/** A région by INSEE code ("53") or name ("Bretagne", "bretagne", "Ile de France", "PACA"). */
export const resolveRegion = (value: string): PlaceMatch =>
  resolve(REGIONS, REGION_INDEX, value, (v) => v.replace(/\s/g, ''));

/** A département by code ("35", "2a", "971") or name ("Ille-et-Vilaine", "corse du sud"). */
export const resolveDepartment = (value: string): PlaceMatch =>
  resolve(DEPARTMENTS, DEPARTMENT_INDEX, value, (v) => v.replace(/\s/g, '').toUpperCase());
