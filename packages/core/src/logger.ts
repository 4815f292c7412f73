import { type Logger, pino } from 'pino';

/** Paths pino must never print: credentials travel in these. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'req.headers.cookie',
  'headers.authorization',
  'authorization',
  'password',
  '*.password',
  'apiKey',
  '*.apiKey',
];

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
