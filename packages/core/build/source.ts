/**
 * The export condition under which every workspace library points at its TypeScript sources instead
 * of its dist/: tests, dev runs and the app bundles read src/ directly, so no build step sits between
 * an edit and its test, and a stale dist/ is never what runs.
 */
export const SOURCE_CONDITION = '@mcp/source';

/** Rolldown's own conditions for an import on Node, plus the workspace sources. */
export const SOURCE_CONDITION_NAMES = [SOURCE_CONDITION, 'import', 'node', 'default'];

/** Vite's own conditions for server code (vitest), plus the workspace sources. */
export const VITE_SOURCE_CONDITIONS = [SOURCE_CONDITION, 'module', 'node', 'development|production'];
