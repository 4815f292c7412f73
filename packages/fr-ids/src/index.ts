// Public surface of @mcp/fr-ids: French company identifier rules and company-name folding. Named exports only; types apart.

export type { Identified, IdentifierType } from './identify.js';
export { parseIdentifier } from './identify.js';
export { digitSum, luhnValid } from './luhn.js';
export { foldName, LEGAL_FORM_WORDS, nameWords, withoutLegalForms } from './names.js';
export { isAllDigits, normalizeSpaces, SEPARATOR_CHARS, stripSeparators } from './normalize.js';
export type { Rcs } from './rcs.js';
export { formatRcs, parseRcs } from './rcs.js';
export type { IdError, IdResult, InvalidReason } from './result.js';
export { isValidRna, parseRna } from './rna.js';
export { formatSiren, isPlaceholderDigits, isValidSiren, parseSiren } from './siren.js';
export type { Siret } from './siret.js';
export { formatSiret, isValidSiret, LA_POSTE_SIREN, parseSiret, sirenFromSiret } from './siret.js';
export type { Tva } from './tva.js';
export { formatTva, isValidTva, parseTva, tvaFromSiren, tvaKey } from './tva.js';
