import { allInOneCase } from './all-in-one.js';
import { annuaireCase } from './annuaire.js';
import { linkedinCase } from './linkedin.js';
import { rdapCase } from './rdap.js';
import { serpCase } from './serp.js';
import { siretCase } from './siret-extractor.js';
import { type AppCase, sitePort, type ToolCall, type Upstreams } from './types.js';

export const APP_CASES: readonly AppCase[] = [
  annuaireCase,
  serpCase,
  rdapCase,
  linkedinCase,
  siretCase,
  allInOneCase,
];

/** A call with `PORT` in its arguments replaced by the loopback site's port. */
export const resolveCall = (call: ToolCall, up: Upstreams): ToolCall => ({
  name: call.name,
  arguments: JSON.parse(JSON.stringify(call.arguments).replaceAll('PORT', sitePort(up))) as Record<
    string,
    unknown
  >,
});

export const sampleCall = (app: AppCase, up: Upstreams): ToolCall => resolveCall(app.sample, up);

/** The call repeated by the load and bench suites (the cached one when the app defines it). */
export const cachedCall = (app: AppCase, up: Upstreams): ToolCall & { expect: Record<string, unknown> } =>
  app.cached ?? { ...sampleCall(app, up), expect: app.sample.expect };

export type { AppCase, ToolCall, Upstreams } from './types.js';
