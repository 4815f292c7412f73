import { annuaireCase } from './annuaire.js';
import { linkedinCase } from './linkedin.js';
import { rdapCase } from './rdap.js';
import { serpCase } from './serp.js';
import { siretCase } from './siret-extractor.js';
import type { AppCase, ToolCall, Upstreams } from './types.js';

export const APP_CASES: readonly AppCase[] = [annuaireCase, serpCase, rdapCase, linkedinCase, siretCase];

/** The sample call with loopback placeholders (`PORT`) filled in for these upstreams. */
/** A call with `PORT` in its arguments replaced by the loopback site's port. */
export const resolveCall = (call: ToolCall, up: Upstreams): ToolCall => ({
  name: call.name,
  arguments: JSON.parse(
    JSON.stringify(call.arguments).replaceAll('PORT', up.env.SAFE_FETCH_ALLOW_PORTS ?? ''),
  ) as Record<string, unknown>,
});

export const sampleCall = (app: AppCase, up: Upstreams): ToolCall => resolveCall(app.sample, up);

/** The call repeated by the load and bench suites (the cached one when the app defines it). */
export const cachedCall = (app: AppCase, up: Upstreams): ToolCall & { expect: Record<string, unknown> } =>
  app.cached ?? { ...sampleCall(app, up), expect: app.sample.expect };

export type { AppCase, ToolCall, Upstreams } from './types.js';
