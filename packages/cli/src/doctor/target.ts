import { isIP } from 'node:net';
import { STANDALONE_IDS } from '../apps.js';
import { CliError } from '../cli-error.js';

export interface DoctorTarget {
  /** Base URL without a trailing slash and without `/mcp`: `https://annuaire.mcp.example.com`. */
  base: string;
  mcpUrl: string;
  healthUrl: string;
  /**
   * For a URL ending in `/<app>/mcp`: the health check one level up, where the all-in-one answers it
   * (its `/<app>/mcp` endpoints have no health route of their own).
   */
  parentHealthUrl?: string;
  https: boolean;
  host: string;
  port: number;
  loopback: boolean;
}

const isLoopback = (host: string): boolean => {
  const bare = host.replace(/^\[|\]$/g, '');
  return bare === 'localhost' || bare === '::1' || (isIP(bare) === 4 && bare.startsWith('127.'));
};

/**
 * Accepts `https://annuaire.mcp.example.com`, the same with `/mcp`, or a path prefix behind a proxy.
 * Something that is not an http(s) URL is most often a stdio config pasted where a URL belongs.
 */
export const parseTarget = (raw: string): DoctorTarget => {
  const text = raw.trim();
  if (/^(npx|node|pnpm|docker)\b/.test(text) || text.includes('--stdio') || text.startsWith('{'))
    throw new CliError(
      `"${text}" is a stdio command or config, not an HTTP deployment: stdio servers are started by the client ` +
        '(command/args) and have no URL to check. Give the https://<app>.<domain> URL of the deployment.',
    );
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    throw new CliError(`"${text}" is not a URL (expected https://<app>.<domain> or …/mcp)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new CliError(`${url.protocol} URLs are not MCP HTTP endpoints; use https://`);
  if (url.username || url.password)
    throw new CliError('put no credentials in the URL; use --user and --password-env');
  const path = url.pathname.replace(/\/+$/, '').replace(/\/mcp$/, '');
  if (/\/sse$/.test(path))
    throw new CliError(
      `${url.href} is an SSE-transport URL; these servers speak Streamable HTTP at ${url.origin}/mcp — use that in clients too`,
    );
  return targetAt(url, path);
};

const targetAt = (url: URL, path: string): DoctorTarget => {
  const base = `${url.protocol}//${url.host}${path}`;
  const https = url.protocol === 'https:';
  const app = /^(.*)\/([a-z-]+)$/.exec(path);
  const parent =
    app && (STANDALONE_IDS as readonly string[]).includes(app[2] ?? '')
      ? `${url.protocol}//${url.host}${app[1]}/`
      : undefined;
  return {
    base,
    mcpUrl: `${base}/mcp`,
    healthUrl: `${base}/`,
    ...(parent ? { parentHealthUrl: parent } : {}),
    https,
    host: url.hostname,
    port: url.port ? Number(url.port) : https ? 443 : 80,
    loopback: isLoopback(url.hostname),
  };
};

/** The all-in-one's endpoint for one app, beside the target's `/mcp`: `https://mcp.example.com/annuaire/mcp`. */
export const appEndpoint = (target: DoctorTarget, app: string): DoctorTarget => {
  const url = new URL(target.base);
  return targetAt(url, `${url.pathname.replace(/\/+$/, '')}/${app}`);
};
