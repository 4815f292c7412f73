// Public surface of @mcp/cli. Named exports only; types apart.
export type { AppId, AppInfo } from './apps.js';
export {
  ALL_IN_ONE,
  APP_IDS,
  APPS,
  appInfo,
  appUrl,
  isAppId,
  npmPackageName,
  STANDALONE_IDS,
} from './apps.js';
export { basicHeader } from './auth.js';
export { run, USAGE } from './cli.js';
export { CliError } from './cli-error.js';
export type { ClientFormat, ClientId, Target } from './clients/formats.js';
export { CLIENT_ALIASES, CLIENT_IDS, CLIENTS, clientJson, headerFor } from './clients/formats.js';
export { AUTH_VAR } from './clients/header-ref.js';
export type { MergeResult } from './clients/merge.js';
export { mergeIntoFile, mergeServers } from './clients/merge.js';
export type { CheckResult, CheckStatus } from './doctor/check.js';
export type { Exec, ExecOptions } from './exec.js';
export { exec } from './exec.js';
export type { Io } from './io.js';
export { DEFAULT_START_PORT, LOCAL_ORDER, localUrl } from './local.js';
