/** Lower case, accents off, every run of other characters as one space: "SARL L'Épicerie" → "sarl l epicerie". */
export const fold = (value: string): string =>
  value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
