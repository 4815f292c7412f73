import { ALL_IN_ONE, type AppId, STANDALONE_IDS } from './apps.js';

/**
 * The order in which `.ci/start` starts the apps, one port each from its START_PORT: the five by
 * directory name (annuaire 8081 … siret-extractor 8085, as docker-compose.local.yml publishes them),
 * then the all-in-one after them (8086, its dev.env port). `local.test.ts` reads the script, the
 * compose file and the all-in-one's dev.env to keep them in step.
 */
export const LOCAL_ORDER: readonly AppId[] = [...[...STANDALONE_IDS].sort(), ALL_IN_ONE];

export const DEFAULT_START_PORT = 8081;

/** `http://127.0.0.1:8083/mcp` for rdap when the first app listens on 8081. */
export const localUrl = (id: AppId, startPort: number): string =>
  `http://127.0.0.1:${startPort + LOCAL_ORDER.indexOf(id)}/mcp`;

export const isStartPort = (port: number): boolean =>
  Number.isInteger(port) && port >= 1 && port + LOCAL_ORDER.length - 1 <= 65_535;
