/**
 * The one variable every generated config reads the Authorization header from: the whole value,
 * `Basic <base64 of user:password>` (or `Bearer <token>`). One name for every client, so one `export`
 * line serves them all and the files that travel (a repository's `.mcp.json`, `.vscode/mcp.json`)
 * hold a reference instead of the secret.
 */
export const AUTH_VAR = 'MCP_FR_AUTH';

/** VS Code's `inputs` id: VS Code asks once for the value and keeps it in its secret storage. */
export const VSCODE_INPUT_ID = 'mcp-fr-auth';

export const VSCODE_INPUT = {
  type: 'promptString',
  id: VSCODE_INPUT_ID,
  description: `Authorization header of the mcp-fr servers (the value of ${AUTH_VAR}: Basic …)`,
  password: true,
} as const;

/** What a header value must look like: a scheme and one token68 (RFC 7235), nothing else. */
const HEADER_VALUE = /^(Basic|Bearer) [A-Za-z0-9+/=._~-]+$/;

export const isHeaderValue = (value: string): boolean => HEADER_VALUE.test(value);

/** `'…'` for a POSIX shell: nothing inside is expanded, so `${MCP_FR_AUTH}` reaches the program as is. */
export const shellQuote = (text: string): string => `'${text.replaceAll("'", `'\\''`)}'`;
