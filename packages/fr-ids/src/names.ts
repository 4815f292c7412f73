/**
 * Company names compared as words. Registers, websites, search results and LinkedIn write one name
 * with different case, accents and punctuation, and add or leave out the legal form ("SAS",
 * "Société", "Ltd"): folding and dropping those words is what makes two spellings comparable.
 */

/** Lower case, accents off, every run of other characters as one space: "SARL L'Épicerie" → "sarl l epicerie". */
export const foldName = (value: string): string =>
  value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * Legal-form words, folded: French legal forms, the foreign ones French sites and LinkedIn pages
 * show, and the words that stand for "company" in front of a name ("Société", "Sté", "Éts").
 * None of them tells one company from another.
 */
export const LEGAL_FORM_WORDS: ReadonlySet<string> = new Set([
  'sa',
  'sas',
  'sasu',
  'sarl',
  'eurl',
  'sca',
  'sci',
  'snc',
  'scop',
  'scic',
  'scp',
  'scea',
  'selarl',
  'selas',
  'gie',
  'ei',
  'eirl',
  'ltd',
  'limited',
  'inc',
  'llc',
  'gmbh',
  'ag',
  'bv',
  'plc',
  'corp',
  'societe',
  'ste',
  'ets',
  'etablissements',
  'entreprise',
]);

/** The folded words of a name, leaving out those in `drop`: ("Acme SAS", LEGAL_FORM_WORDS) → ["acme"]. */
export const nameWords = (value: string, drop?: ReadonlySet<string>): string[] =>
  foldName(value)
    .split(' ')
    .filter((w) => w !== '' && !drop?.has(w));

/** Folded, legal-form words off: "Éditions les Crocos SAS" → "editions les crocos". */
export const withoutLegalForms = (name: string): string => nameWords(name, LEGAL_FORM_WORDS).join(' ');
