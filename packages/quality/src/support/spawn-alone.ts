import { TEST_CREDENTIAL } from '@mcp/core/testing';
import { BUNDLED_SERVE_ALONE, BUNDLED_SERVE_UPSTREAMS } from './build.js';
import { type AppProcess, spawnApp } from './spawn-app.js';

/** An app in its own process, its loopback upstreams in another: the app's RSS is its own. */
export interface AloneApp {
  proc: AppProcess;
  /** The upstreams' process: its `upstreamRequests()` counts what the app asked them. */
  up: AppProcess;
  stop: () => Promise<void>;
}

export const spawnAlone = async (app: string, nodeArgs: string[]): Promise<AloneApp> => {
  const up = await spawnApp(app, { entry: BUNDLED_SERVE_UPSTREAMS });
  try {
    const proc = await spawnApp(app, {
      entry: BUNDLED_SERVE_ALONE,
      nodeArgs,
      env: { ...up.env, AUTH_USERNAME: TEST_CREDENTIAL.username, AUTH_PASSWORD: TEST_CREDENTIAL.password },
    });
    return {
      proc,
      up,
      stop: async () => {
        await proc.stop();
        await up.stop();
      },
    };
  } catch (error) {
    await up.stop();
    throw error;
  }
};
