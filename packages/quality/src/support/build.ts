import { fileURLToPath } from 'node:url';
import { build } from 'tsdown';
import { SOURCE_CONDITION_NAMES } from '../../../core/build/source.js';

export { FLOOR_LIBRARIES } from '../../../core/bench/floor-libraries.js';

const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));

export const DIST = here('../../dist');
export const BUNDLED_SERVE_APP = here('../../dist/serve-app.mjs');
/** An app alone (no fixtures, no upstreams in its process) and its upstreams apart: bench and load. */
export const BUNDLED_SERVE_ALONE = here('../../dist/serve-alone.mjs');
export const BUNDLED_SERVE_UPSTREAMS = here('../../dist/serve-upstreams.mjs');
export const CORE_BENCH = {
  rawFastify: here('../../dist/raw-fastify.mjs'),
  sdkPattern: here('../../dist/sdk-pattern.mjs'),
  coreStack: here('../../dist/core-stack.mjs'),
  floor: here('../../dist/floor.mjs'),
};

/**
 * Bundles the app entry and core's benchmark servers to plain JavaScript (everything inlined), so the
 * measured processes run as in production: no TypeScript loader inflating RSS or start-up time.
 */
export const buildServers = async () => {
  await build({
    entry: {
      'serve-app': here('./serve-app.ts'),
      'serve-alone': here('./serve-alone.ts'),
      'serve-upstreams': here('./serve-upstreams.ts'),
      'raw-fastify': here('../../../core/bench/raw-fastify.ts'),
      'sdk-pattern': here('../../../core/bench/sdk-pattern.ts'),
      'core-stack': here('../../../core/bench/core-stack.ts'),
      floor: here('../../../core/bench/floor.ts'),
    },
    outDir: DIST,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    dts: false,
    // `.mjs`, the names above (tsdown writes `.js` for a package of type module otherwise).
    fixedExtension: true,
    // As the apps' own bundles: minified, one file per entry.
    minify: true,
    deps: { alwaysBundle: [/.*/] },
    // The workspace packages are bundled from their sources, as in the apps' own bundles.
    inputOptions: { resolve: { conditionNames: SOURCE_CONDITION_NAMES } },
    logLevel: 'warn',
  });
};
