import { ERROR_CODES } from '@mcp/core';
import { toolErrorOf } from '@mcp/core/testing';
import type { FuzzRequest } from './requests.js';

const KNOWN_CODES = new Set<string>(ERROR_CODES);
const STACK = /\bat [^\s]+ \(?[^\s]*\.(?:ts|js|mjs|cjs):\d+:\d+/;

export interface Answer {
  status: number;
  contentType: string;
  text: string;
}

type Message = {
  jsonrpc?: unknown;
  id?: unknown;
  result?: {
    isError?: boolean;
    content?: Array<{ type?: string; text?: string }>;
    structuredContent?: unknown;
  };
  error?: { code?: unknown; message?: unknown };
};

/** The JSON messages of a body: one JSON document, or the `data:` lines of an SSE stream. */
const messagesOf = (answer: Answer): unknown[] => {
  if (answer.contentType.includes('text/event-stream')) {
    return answer.text
      .split('\n')
      .filter((l) => l.startsWith('data:') && l.slice(5).trim() !== '')
      .map((l) => JSON.parse(l.slice(5)) as unknown);
  }
  return [JSON.parse(answer.text) as unknown];
};

/** The failure of an `isError` result in the one wire shape, or why it is not in that shape. */
const failureOf = (result: unknown): { code: string; message: string } | { problem: string } => {
  try {
    return toolErrorOf(result);
  } catch (error) {
    return { problem: (error as Error).message };
  }
};

/**
 * What is wrong with an answer, or undefined when it is acceptable: below 500, JSON (or SSE of JSON),
 * a JSON-RPC error with a code and a message, an `isError` result whose one text item is
 * `{"error":{code,message}}` with a known code (never internal_error: that is a handler bug) and no
 * `structuredContent`, or a result — and never a stack trace.
 */
export const problemWith = (request: FuzzRequest, answer: Answer): string | undefined => {
  if (answer.status >= 500) return `HTTP ${answer.status}`;
  if (STACK.test(answer.text)) return 'stack trace in the answer';
  if (answer.status === 202 && answer.text === '') return undefined;
  let messages: unknown[];
  try {
    messages = messagesOf(answer);
  } catch {
    return `HTTP ${answer.status} with a body that is not JSON: ${answer.text.slice(0, 120)}`;
  }
  if (messages.length === 0) return `HTTP ${answer.status} with no message`;
  for (const raw of messages) {
    const items = Array.isArray(raw) ? raw : [raw];
    for (const item of items) {
      const m = item as Message;
      if (answer.status >= 400 && m.jsonrpc === undefined) {
        // Plain HTTP refusals (401/403/405/406/413/415) are {error, message} objects.
        const plain = item as { error?: unknown; message?: unknown };
        if (typeof plain.error !== 'string' || typeof plain.message !== 'string')
          return `HTTP ${answer.status} body is neither JSON-RPC nor {error, message}`;
        continue;
      }
      if (m.jsonrpc !== '2.0') return 'message without jsonrpc 2.0';
      if (m.error) {
        if (typeof m.error.code !== 'number' || typeof m.error.message !== 'string' || !m.error.message)
          return 'JSON-RPC error without a numeric code and a message';
        continue;
      }
      if (m.result === undefined) continue; // a notification (progress) inside an SSE stream
      if (request.kind === 'tool-call' && m.result.isError) {
        const error = failureOf(m.result);
        if ('problem' in error) return error.problem;
        if (!KNOWN_CODES.has(error.code)) return `isError without a known code: ${error.code}`;
        if (error.code === 'internal_error') return `internal_error (a handler threw): ${error.message}`;
      }
    }
  }
  return undefined;
};

/** A short label of the outcome, for the distribution printed after a run. */
export const outcomeOf = (answer: Answer): string => {
  try {
    const [first] = messagesOf(answer);
    const m = (Array.isArray(first) ? first[0] : first) as Message | undefined;
    if (m?.error) return `${answer.status} rpc-error ${String(m.error.code)}`;
    if (m?.result?.isError) {
      const error = failureOf(m.result);
      return `${answer.status} isError ${'code' in error ? error.code : 'malformed'}`;
    }
    if (m?.result) return `${answer.status} result`;
    return `${answer.status} ${String((m as { error?: unknown } | undefined)?.error ?? 'other')}`;
  } catch {
    return `${answer.status} non-json`;
  }
};
