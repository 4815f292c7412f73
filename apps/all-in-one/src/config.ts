import * as z from 'zod/v4';
import { APPS } from './service/apps.js';

/**
 * Every variable of the five apps, read once: the same names as in the standalone servers, so one
 * `.env` serves either deployment. Where two apps declare one variable (the register's base URL and
 * rate), they read the same value.
 */
export const allInOneEnv = z.object(
  Object.assign({}, ...APPS.map((app) => app.env?.shape ?? {})) as Record<string, z.ZodType>,
);
export type AllInOneEnv = z.output<typeof allInOneEnv>;
