import type { BasicCredential } from './credentials.js';

/** zxcvbn scores 0–4; 3 is "safely unguessable: moderate protection from offline slow-hash scenario". */
export const MIN_PASSWORD_SCORE = 3;

/**
 * Scores passwords with zxcvbn-ts: the common pack (leaked passwords, diceware, keyboard graphs incl.
 * AZERTY), the whole French pack, and the English common words and first names (the operators speak
 * French and English). The English last names and Wikipedia lists are left out: they double the
 * start-up cost for little gain on passwords that already pass 16 characters. Loading and ranking the
 * dictionaries costs CPU (measured: 4.8–6 s on a 2-core machine at load average 40, so well under a
 * second on an idle core) and ~45 MB of heap at the peak, so they are imported only here, only for a
 * production HTTP start. The ranked copies are collected afterwards; the imported word lists stay in the
 * module cache (~18 MB of heap), the price of checking without a separate worker file in the bundle.
 */
const withoutLargeLists = <D extends Record<string, string[]>>(dictionary: D) =>
  Object.fromEntries(
    Object.entries(dictionary).filter(([name]) => name !== 'lastnames-en' && name !== 'wikipedia-en'),
  );

const loadEstimator = async () => {
  const [{ ZxcvbnFactory }, common, en, fr] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
    import('@zxcvbn-ts/language-fr'),
  ]);
  return new ZxcvbnFactory({
    translations: en.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...fr.dictionary, ...withoutLargeLists(en.dictionary) },
  });
};

/** One problem per guessable password (score < MIN_PASSWORD_SCORE), naming the user, never the password. */
export const guessablePasswords = async (credentials: readonly BasicCredential[]): Promise<string[]> => {
  if (credentials.length === 0) return [];
  const estimator = await loadEstimator();
  return credentials.flatMap((cred) => {
    const { score } = estimator.check(cred.password, [cred.username, 'mcp']);
    return score < MIN_PASSWORD_SCORE
      ? [
          `the password of "${cred.username}" is guessable (zxcvbn score ${score} < ${MIN_PASSWORD_SCORE}); use mcp-config gen-password`,
        ]
      : [];
  });
};
