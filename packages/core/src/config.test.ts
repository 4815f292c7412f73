import { describe, expect, it } from 'vitest';
import * as z from 'zod/v4';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it("keeps core's SAFE_FETCH_ALLOW_* in an app's parsed env though the app does not declare them", () => {
    const env = loadConfig(z.object({ APP_ONLY: z.string().default('x') }), {
      SAFE_FETCH_ALLOW_HOSTS: '127.0.0.1',
      SAFE_FETCH_ALLOW_PORTS: '8080',
    });
    expect(env).toMatchObject({
      APP_ONLY: 'x',
      SAFE_FETCH_ALLOW_HOSTS: '127.0.0.1',
      SAFE_FETCH_ALLOW_PORTS: '8080',
    });
  });
});
