import type { CallToolResult } from '@modelcontextprotocol/server';
import * as z from 'zod/v4';
import { ERROR_CODES, type ErrorPayload } from './errors.js';

/**
 * A tool failure on the wire: `isError: true` and ONE text item holding `{"error":{code,message,details?}}`,
 * with no `structuredContent`. Clients such as the TypeScript SDK v1 validate `structuredContent` against the
 * tool's output schema even when `isError` is set, so an error object there turns our message into a
 * protocol exception the agent never sees; plain text is read by every client.
 */
export const errorResult = (error: ErrorPayload): CallToolResult => ({
  isError: true,
  content: [{ type: 'text', text: JSON.stringify({ error }) }],
});

const errorPayloadSchema = z.strictObject({
  error: z.strictObject({
    code: z.enum(ERROR_CODES),
    message: z.string().min(1),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});

/**
 * The error a result carries if it is a failure in exactly the shape `errorResult` builds; undefined for a
 * success or for any other shape (metrics and the test kit read failures back through this one parser).
 */
export const readToolError = (result: {
  isError?: unknown;
  content?: unknown;
  structuredContent?: unknown;
}): ErrorPayload | undefined => {
  if (result.isError !== true || result.structuredContent !== undefined) return undefined;
  const content = result.content;
  if (!Array.isArray(content) || content.length !== 1) return undefined;
  const item = content[0] as { type?: unknown; text?: unknown };
  if (item.type !== 'text' || typeof item.text !== 'string') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(item.text);
  } catch {
    return undefined;
  }
  const parsed = errorPayloadSchema.safeParse(json);
  return parsed.success ? (parsed.data.error as ErrorPayload) : undefined;
};
