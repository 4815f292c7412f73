import { APP_IDS, type AppId } from './apps.js';

/**
 * The order in which `.ci/start` starts the apps, one port each from its START_PORT: its loop globs
 * every `apps/<app>/src/main.ts`, which the shell sorts by directory name. docker-compose.local.yml publishes
 * the same ports. `local.test.ts` reads the script and the compose file to keep the three in step.
 */
export const LOCAL_ORDER: readonly AppId[] = [...APP_IDS].sort();

export const DEFAULT_START_PORT = 8081;

/** `http://127.0.0.1:8083/mcp` for rdap when the first app listens on 8081. */
export const localUrl = (id: AppId, startPort: number): string =>
  `http://127.0.0.1:${startPort + LOCAL_ORDER.indexOf(id)}/mcp`;

export const isStartPort = (port: number): boolean =>
  Number.isInteger(port) && port >= 1 && port + LOCAL_ORDER.length - 1 <= 65_535;
