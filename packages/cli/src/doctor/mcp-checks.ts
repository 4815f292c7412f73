import { Client, SdkHttpError, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { mcpStatusCause } from './causes.js';
import type { CheckResult } from './check.js';
import type { DoctorTarget } from './target.js';

/**
 * One call per app that touches no upstream: a checksum-only SIRET check and a pure text extraction
 * give real answers; elsewhere an argument refused by the tool's own validation proves the whole
 * tools/call path (auth → MCP → registry → handler → structured error) without leaving the server.
 */
/**
 * A tool failure travels as one text item `{"error":{code,message}}` (no `structuredContent`, which
 * strict clients would validate against the output schema); read it without the server's packages.
 */
const toolFailureOf = (content: unknown): { code?: string; message?: string } | undefined => {
  const first = Array.isArray(content) ? (content[0] as { type?: unknown; text?: unknown }) : undefined;
  if (first?.type !== 'text' || typeof first.text !== 'string') return undefined;
  try {
    return (JSON.parse(first.text) as { error?: { code?: string; message?: string } }).error;
  } catch {
    return undefined;
  }
};

interface HarmlessCall {
  tool: string;
  args: Record<string, unknown>;
  expect: 'answer' | 'invalid_input';
  note: string;
}

export const HARMLESS_CALLS: readonly HarmlessCall[] = [
  {
    tool: 'verify_siret',
    args: { id: '356 000 000 00048', check_register: false },
    expect: 'answer',
    note: 'checksum only, no register call',
  },
  {
    // The all-in-one's /mcp: the same tool under its combined name.
    tool: 'annuaire_verify_siret',
    args: { id: '356 000 000 00048', check_register: false },
    expect: 'answer',
    note: 'checksum only, no register call',
  },
  {
    tool: 'extract_from_text',
    args: { text: 'Éditeur : La Poste SA, SIREN 356 000 000, RCS Paris', verify: false },
    expect: 'answer',
    note: 'pure text extraction',
  },
  {
    tool: 'lookup_domain',
    args: { domain: 'example..fr' },
    expect: 'invalid_input',
    note: 'refused by its own validation, no RDAP call',
  },
  {
    tool: 'get_company',
    args: {},
    expect: 'invalid_input',
    note: 'refused by its own validation, no LinkedIn call',
  },
  {
    tool: 'web_search',
    args: { query: '' },
    expect: 'invalid_input',
    note: 'refused by its own validation, no provider call',
  },
];

const statusOf = (error: unknown): number | undefined => {
  if (error instanceof SdkHttpError) return error.status;
  const match = /\b(?:HTTP|status)\D{0,3}([1-5]\d\d)\b/i.exec(String((error as Error)?.message ?? error));
  return match?.[1] ? Number(match[1]) : undefined;
};

const errorCause = (error: unknown): string => {
  const status = statusOf(error);
  const byStatus = status === undefined ? undefined : mcpStatusCause(status, true);
  if (byStatus) return byStatus;
  const code = (error as { cause?: { code?: string } }).cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused: nothing listens there (see the first checks)';
  return 'the MCP exchange failed: is this an MCP Streamable HTTP endpoint (URL ending in /mcp)? Try the MCP Inspector for the raw exchange';
};

const withTimeout = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });

const since = (started: number) => performance.now() - started;

export interface McpChecks {
  results: CheckResult[];
  /** The tools listed; empty when the listing failed. */
  tools: string[];
}

/**
 * tools/list through the official SDK client, then the app's harmless call; the client is always
 * closed. `endpoint` (e.g. `/annuaire/mcp`) names the checks of an endpoint other than the target's.
 */
export const checkMcp = async (
  target: DoctorTarget,
  authorization: string,
  timeoutMs: number,
  endpoint?: string,
): Promise<McpChecks> => {
  const on = endpoint ? ` on ${endpoint}` : '';
  const client = new Client({ name: 'mcp-config-doctor', version: '0.1.0' });
  const transport = new StreamableHTTPClientTransport(new URL(target.mcpUrl), {
    requestInit: { headers: { authorization } },
  });
  const results: CheckResult[] = [];
  let names: string[] = [];
  let started = performance.now();
  try {
    await withTimeout(client.connect(transport), timeoutMs, 'connect');
    const { tools } = await withTimeout(client.listTools(), timeoutMs, 'tools/list');
    const server = client.getServerVersion();
    names = tools.map((t) => t.name);
    results.push({
      name: `tools/list (SDK client)${on}`,
      status: names.length > 0 ? 'ok' : 'fail',
      ms: since(started),
      detail: `${server ? `${server.name} ${server.version}: ` : ''}${names.length} tools: ${names.join(', ')}`,
      ...(names.length === 0 ? { cause: 'the server lists no tools: a wrong or broken build' } : {}),
    });

    const call = HARMLESS_CALLS.find((c) => names.includes(c.tool));
    if (!call) {
      results.push({
        name: `tools/call${on}`,
        status: 'skip',
        ms: 0,
        detail: 'no tool known to answer without an upstream call: skipped',
      });
      return { results, tools: names };
    }
    started = performance.now();
    const result = await withTimeout(
      client.callTool({ name: call.tool, arguments: call.args }),
      timeoutMs,
      `tools/call ${call.tool}`,
    );
    const failure = result.isError ? toolFailureOf(result.content) : undefined;
    const name = `tools/call ${call.tool}${on}`;
    const ms = since(started);
    if (call.expect === 'answer' && !result.isError) {
      results.push({ name, status: 'ok', ms, detail: `answered (${call.note})` });
    } else if (call.expect === 'invalid_input' && result.isError && failure?.code === 'invalid_input') {
      results.push({ name, status: 'ok', ms, detail: `invalid_input as expected (${call.note})` });
    } else {
      results.push({
        name,
        status: 'fail',
        ms,
        detail: result.isError
          ? `error ${failure?.code ?? '?'}: ${failure?.message ?? ''}`
          : 'unexpected answer',
        cause: 'the tool did not answer as this version does: an older or different image is deployed',
      });
    }
  } catch (error) {
    results.push({
      name: `${results.length === 0 ? 'tools/list (SDK client)' : 'tools/call'}${on}`,
      status: 'fail',
      ms: since(started),
      detail: String((error as Error)?.message ?? error).slice(0, 160),
      cause: errorCause(error),
    });
  } finally {
    await client.close().catch(() => {});
  }
  return { results, tools: names };
};
