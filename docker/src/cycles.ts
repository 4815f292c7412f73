import { parseCircular, parseDependencyTree } from 'dpdm';

/**
 * The import cycles among the TypeScript files matched by `globs` (relative to `root`), each as the
 * list of files on the loop. Type-only imports count: a type cycle still ties two modules together
 * so neither can be read or moved alone, and the declaration bundles follow those edges too.
 * Imports of other packages (node_modules, which is also how one workspace package reaches another)
 * are not followed: pnpm and turbo already refuse a cycle between workspace packages.
 */
export const importCycles = async (root: string, globs: string[]): Promise<string[][]> => {
  const tree = await parseDependencyTree(globs, { cwd: root, context: root, transform: false });
  return parseCircular(tree);
};
