import { type Implementation, SERVER_INFO_META_KEY } from '@modelcontextprotocol/server';

/** The revisions the SDK's handler serves on its modern (2026-07-28) path. */
export const MODERN_VERSIONS: ReadonlySet<string> = new Set(['2026-07-28']);

type Result = Record<string, unknown> & { _meta?: unknown; resultType?: unknown };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The SDK's modern path parses a handler's tools/call result through its CallToolResult schema, which
 * writes the keys it knows in the schema's order (`_meta`, `content`, `structuredContent`, `isError`)
 * before any other.
 */
const inSchemaOrder = ({ _meta, content, structuredContent, isError, ...rest }: Result): Result => ({
  ...(_meta === undefined ? {} : { _meta }),
  content: content ?? [],
  ...(structuredContent === undefined ? {} : { structuredContent }),
  ...(isError === undefined ? {} : { isError }),
  ...rest,
});

/**
 * A result as the SDK's 2026-07-28 encoder sends it (its `encodeResult`, not exported): `resultType`
 * stamped `complete`, the cacheable `tools/list` given `ttlMs: 0` and `cacheScope: "private"` (its
 * defaults), tools stripped of the deleted `execution` field, and the server's identity stamped in
 * `_meta` unless the handler put one there. Same keys in the same order, so the bytes are the SDK's.
 */
export const encodeModernResult = (
  method: 'tools/call' | 'tools/list',
  result: Result,
  serverInfo: Implementation,
): Result => {
  let next: Result = method === 'tools/call' ? inSchemaOrder(result) : result;
  if (method === 'tools/list' && Array.isArray(next.tools)) {
    const tools = next.tools as unknown[];
    if (tools.some((tool) => isPlainObject(tool) && 'execution' in tool)) {
      next = {
        ...next,
        tools: tools.map((tool) => {
          if (!isPlainObject(tool) || !('execution' in tool)) return tool;
          const { execution: _deleted, ...rest } = tool;
          return rest;
        }),
      };
    }
  }
  if (next.resultType === undefined) next = { ...next, resultType: 'complete' };
  if (method === 'tools/list' && next.resultType === 'complete') {
    next = {
      ...next,
      ttlMs: Number.isSafeInteger(next.ttlMs) && (next.ttlMs as number) >= 0 ? next.ttlMs : 0,
      cacheScope: next.cacheScope === 'public' || next.cacheScope === 'private' ? next.cacheScope : 'private',
    };
  }
  const meta = next._meta;
  if (meta === undefined) return { ...next, _meta: { [SERVER_INFO_META_KEY]: serverInfo } };
  if (!isPlainObject(meta) || meta[SERVER_INFO_META_KEY] !== undefined) return next;
  return { ...next, _meta: { ...meta, [SERVER_INFO_META_KEY]: serverInfo } };
};
