/**
 * The one release variable: `MCP_FR_REPOSITORY` = `<owner>/<name>` of the GitHub repository that
 * publishes (the release workflow sets it to `github.repository`). Everything that names the
 * publisher derives from it: npm `repository`, the MCP Registry namespace `io.github.<owner>/…`
 * (which the registry grants to whoever logs in as that GitHub owner), and release asset URLs.
 */
export const DEFAULT_REPOSITORY = 'mcp-fr/mcp-fr';

export interface Repository {
  owner: string;
  name: string;
  /** `https://github.com/<owner>/<name>` */
  url: string;
}

/** GitHub's own rules for owner and repository names. */
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const NAME = /^[A-Za-z0-9._-]{1,100}$/;

export const parseRepository = (value: string): Repository => {
  const [owner = '', name = '', ...rest] = value.trim().split('/');
  if (rest.length > 0 || !OWNER.test(owner) || !NAME.test(name)) {
    throw new Error(`MCP_FR_REPOSITORY must be <owner>/<name> of a GitHub repository, got "${value}"`);
  }
  return { owner, name, url: `https://github.com/${owner}/${name}` };
};

export const releaseRepository = (env: NodeJS.ProcessEnv = process.env): Repository =>
  parseRepository(env.MCP_FR_REPOSITORY?.trim() || DEFAULT_REPOSITORY);

/** Name in the official MCP Registry, and `mcpName` in package.json: `io.github.<owner>/mcp-fr-<app>`. */
export const mcpName = (repo: Repository, app: string): string => `io.github.${repo.owner}/mcp-fr-${app}`;
