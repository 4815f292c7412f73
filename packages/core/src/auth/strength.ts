import type { BasicCredential } from './credentials.js';

/** zxcvbn scores 0–4; 3 is "safely unguessable: moderate protection from offline slow-hash scenario". */
export const MIN_PASSWORD_SCORE = 3;

/**
 * Scores passwords with zxcvbn-ts (common, English and French dictionaries: these servers are run by
 * French and English speakers). Loading and ranking the dictionaries costs about a second of CPU and
 * ~40 MB of heap, so it is imported only here, only for a production start, and nothing keeps a
 * reference afterwards: the dictionaries are collected once start-up is done.
 */
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
    dictionary: { ...common.dictionary, ...en.dictionary, ...fr.dictionary },
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
