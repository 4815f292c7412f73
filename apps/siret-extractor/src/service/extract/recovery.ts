import { parseSiren, parseSiret, tvaKey } from '@mcp/fr-ids';

/*
 * Recovery of identifiers a careless legal notice garbles. Each rule fires only when the garbled text
 * still pins down exactly one SIREN by checks that do not depend on guessing: a TVA key that matches,
 * a SIRET that passes Luhn, or another identifier on the same page. A candidate so recovered says so
 * (`recovered: true`, the rule) and weighs less in the confidence; no rule ever completes missing
 * digits by checksum alone, since every prefix has a completion that passes Luhn.
 */
export const RECOVERY_RULES = ['tva_siret_body', 'odd_spacing', 'rcs_truncated'] as const;
export type RecoveryRule = (typeof RECOVERY_RULES)[number];

/**
 * `fr 67 81998997100018`: a TVA number (any case) whose body is the 14-digit SIRET instead of the
 * SIREN. Separators as in a TVA number, between the key and anywhere in the body.
 */
export const TVA_SIRET_BODY =
  /(?<![\p{L}\d])FR[ \t.-]?(\d{2})[ \t.-]?(\d{3}[ \t.-]?\d{3}[ \t.-]?\d{3}[ \t.-]?\d{5})(?![\d\p{L}])/giu;

/** The SIREN of a TVA-with-SIRET-body match: SIRET passes Luhn and the key is the SIREN's key. */
export const sirenFromTvaSiretBody = (key: string, body: string): string | null => {
  const siret = parseSiret(body.replace(/\D/g, ''));
  if (!siret.ok) return null;
  const { siren } = siret.value;
  return tvaKey(siren) === key ? siren : null;
};

/**
 * A SIREN or SIRET written with groups of no standard shape after a SIREN/SIRET/RCS label
 * (`8 1 9 9 8 9 9 7 1`, `819 989 97100018`): read only when the label names it and the whole passes
 * its checksum.
 */
export const oddSpacing = (
  parts: readonly string[],
  label: string | null,
): { digits: string; siren: string; type: 'siren' | 'siret' } | null => {
  if (label !== 'siren' && label !== 'siret' && label !== 'rcs') return null;
  const digits = parts.join('');
  if (digits.length === 9 && parseSiren(digits).ok) return { digits, siren: digits, type: 'siren' };
  if (digits.length === 14 && parseSiret(digits).ok)
    return { digits, siren: digits.slice(0, 9), type: 'siret' };
  return null;
};

/**
 * An RCS number missing its first digits (`RCS Paris B 19 989 971`): 5 to 8 digits, pinned down only
 * when exactly one SIREN stated elsewhere on the page (a valid SIREN, SIRET or TVA) ends with them.
 */
export const completeTruncatedRcs = (digits: string, sirensOnPage: ReadonlySet<string>): string | null => {
  if (digits.length < 5 || digits.length > 8) return null;
  const matches = [...sirensOnPage].filter((s) => s.endsWith(digits));
  return matches.length === 1 ? (matches[0] as string) : null;
};
