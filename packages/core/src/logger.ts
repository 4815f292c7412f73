import { type Logger, pino } from 'pino';

/** Keys that carry credentials wherever they appear: headers, provider options, error configs. */
const SECRET_KEYS = [
  'authorization',
  '["proxy-authorization"]',
  'cookie',
  'Authorization',
  'Cookie',
  'password',
  'apiKey',
  'api_key',
  'token',
  'secret',
];

// pino's redaction has no recursive wildcard, so each key is listed at the top level and under one to
// four levels of `*`: deep enough for `err.config.headers.authorization` or `a.b.c.password`, and
// the path list is compiled once at start-up, so the cost is paid then, not per log line.
const MAX_DEPTH = 4;

/** Paths pino must never print: credentials travel in these, at any depth up to MAX_DEPTH. */
export const REDACT_PATHS: string[] = SECRET_KEYS.flatMap((key) =>
  Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => {
    const prefix = Array(depth).fill('*').join('.');
    if (key.startsWith('[')) return prefix ? `${prefix}${key}` : key.slice(2, -2);
    return prefix ? `${prefix}.${key}` : key;
  }),
);

/** JSON logs; in stdio mode they go to stderr because stdout carries only the protocol. */
export const createLogger = (options: { level: string; name: string; stderr?: boolean }): Logger =>
  pino(
    {
      level: options.level,
      name: options.name,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { app: options.name },
    },
    pino.destination({ fd: options.stderr ? 2 : 1, sync: false }),
  );
