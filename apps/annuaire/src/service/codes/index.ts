// Code → label lookups over the generated tables. Unknown codes give null: never a guessed label.
import { DEPARTMENTS, REGION_OF_DEPARTMENT, REGIONS } from './geo.gen.js';
import { COMPANY_CATEGORIES, HEADCOUNT_BANDS } from './headcount.gen.js';
import { LEGAL_FORMS, LEGAL_FORMS_LEVEL1, LEGAL_FORMS_LEVEL2 } from './legal-forms.gen.js';
import { NAF_2025, NAF_REV2, NAF_SECTIONS } from './naf.gen.js';

export {
  COMPANY_CATEGORIES,
  DEPARTMENTS,
  HEADCOUNT_BANDS,
  LEGAL_FORMS,
  LEGAL_FORMS_LEVEL1,
  LEGAL_FORMS_LEVEL2,
  NAF_2025,
  NAF_REV2,
  NAF_SECTIONS,
  REGION_OF_DEPARTMENT,
  REGIONS,
};

export type NafCode = keyof typeof NAF_REV2;
export type NafSection = keyof typeof NAF_SECTIONS;
export type LegalFormCode = keyof typeof LEGAL_FORMS;
export type HeadcountBand = keyof typeof HEADCOUNT_BANDS;
export type CompanyCategory = keyof typeof COMPANY_CATEGORIES;
export type DepartmentCode = keyof typeof DEPARTMENTS;
export type RegionCode = keyof typeof REGIONS;

const lookup = (table: Readonly<Record<string, string>>, code: string | null | undefined): string | null =>
  code != null && Object.hasOwn(table, code) ? (table[code] ?? null) : null;

/** INSEE band order (the table's own key order is not, because of integer-like keys). */
export const HEADCOUNT_BAND_CODES = [
  'NN',
  '00',
  '01',
  '02',
  '03',
  '11',
  '12',
  '21',
  '22',
  '31',
  '32',
  '41',
  '42',
  '51',
  '52',
  '53',
] as const satisfies readonly HeadcountBand[];

export const NAF_SECTION_CODES = Object.keys(NAF_SECTIONS) as NafSection[];
export const COMPANY_CATEGORY_CODES = Object.keys(COMPANY_CATEGORIES) as CompanyCategory[];

/** NAF label for a rév. 2 code, or a NAF 2025 code (`…Y`, lettered sub-classes) when that is what we got. */
export const nafLabel = (code: string | null | undefined): string | null =>
  lookup(NAF_REV2, code) ?? lookup(NAF_2025, code);
export const nafSectionLabel = (code: string | null | undefined): string | null => lookup(NAF_SECTIONS, code);
export const legalFormLabel = (code: string | null | undefined): string | null =>
  lookup(LEGAL_FORMS, code) ??
  lookup(LEGAL_FORMS_LEVEL2, code?.length === 2 ? code : null) ??
  lookup(LEGAL_FORMS_LEVEL1, code?.length === 1 ? code : null);
export const headcountLabel = (code: string | null | undefined): string | null =>
  lookup(HEADCOUNT_BANDS, code);
export const companyCategoryLabel = (code: string | null | undefined): string | null =>
  lookup(COMPANY_CATEGORIES, code);
export const departmentName = (code: string | null | undefined): string | null => lookup(DEPARTMENTS, code);
export const regionName = (code: string | null | undefined): string | null => lookup(REGIONS, code);

export const isNafCode = (code: string): code is NafCode => Object.hasOwn(NAF_REV2, code);
export const isLegalFormCode = (code: string): code is LegalFormCode => Object.hasOwn(LEGAL_FORMS, code);
export const isDepartmentCode = (code: string): code is DepartmentCode => Object.hasOwn(DEPARTMENTS, code);
export const isRegionCode = (code: string): code is RegionCode => Object.hasOwn(REGIONS, code);

/**
 * Users write NAF codes as `6202A`, `62.02a` or `62.02 A`; the API wants `62.02A`. Returns null when the
 * shape is not a NAF sub-class at all.
 */
export const normalizeNafCode = (raw: string): string | null => {
  const m = /^\s*(\d{2})\s*\.?\s*(\d{2})\s*([A-Za-z])\s*$/.exec(raw);
  return m ? `${m[1]}.${m[2]}${(m[3] as string).toUpperCase()}` : null;
};
