import { bareHost } from './address.js';

export interface SafeFetchEnvOptions {
  allowHosts: string[];
  allowPorts: number[];
}

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/**
 * Reads `SAFE_FETCH_ALLOW_HOSTS` (host names or IPs, comma separated) and `SAFE_FETCH_ALLOW_PORTS`.
 * Both are for tests against loopback servers; a bad port is a configuration bug and throws.
 */
export const safeFetchOptionsFromEnv = (env: NodeJS.ProcessEnv = process.env): SafeFetchEnvOptions => {
  const allowPorts = list(env.SAFE_FETCH_ALLOW_PORTS).map((item) => {
    const port = Number(item);
    if (!Number.isInteger(port) || port < 1 || port > 65_535) {
      throw new Error(`SAFE_FETCH_ALLOW_PORTS: "${item}" is not a TCP port`);
    }
    return port;
  });
  return { allowHosts: list(env.SAFE_FETCH_ALLOW_HOSTS).map(bareHost), allowPorts };
};
