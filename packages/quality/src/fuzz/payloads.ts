import fc from 'fast-check';

/** Strings attackers and broken clients send: injections, traversal, control characters, odd unicode. */
export const PAYLOADS = [
  "' OR '1'='1",
  '1; DROP TABLE companies; --',
  '" UNION SELECT password FROM users --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(document.cookie)>',
  '"><svg/onload=alert(1)>',
  'javascript:alert(1)',
  '../../../../etc/passwd',
  '..%2f..%2f..%2fetc%2fpasswd',
  '\u0000',
  'a\u0000b',
  '\r\nX-Injected: 1',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a Log4Shell-style payload, literally.
  '${jndi:ldap://127.0.0.1/x}',
  '{{7*7}}',
  '%s%s%s%n',
  '\u202Eevil\u202C',
  '🇫🇷🏢💶',
  'Ω≈ç√∫˜µ≤≥÷',
  'ÉTABLISSEMENTS GÉNÉRAUX D’ÎLE-DE-FRANCE',
  '\uFEFF',
  '\uD800',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  '-0',
  ' ',
  '',
] as const;

export const HUNDRED_KB = 'x'.repeat(100 * 1024);
export const HUNDRED_KB_UNICODE = 'é🏢'.repeat((100 * 1024) / 6);

export const BOUNDARY_NUMBERS = [
  0,
  -0,
  -1,
  1,
  0.5,
  -0.5,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  -(2 ** 53) - 2,
  1e308,
  -1e308,
  5e-324,
  1e21,
] as const;

/** A value of any JSON type, biased towards the nasty ones above. */
export const badValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<unknown>(...PAYLOADS) },
  { weight: 3, arbitrary: fc.constantFrom<unknown>(...BOUNDARY_NUMBERS) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(HUNDRED_KB, HUNDRED_KB_UNICODE) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }) },
  {
    weight: 1,
    arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  },
);
