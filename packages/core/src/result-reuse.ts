import type { CallToolResult } from '@modelcontextprotocol/server';
import { LRUCache } from 'lru-cache';
import { type ReadTrace, replayable, stillSame } from './upstream/read-trace.js';

/**
 * Results of cached calls, reused (production only: tests and development validate every answer).
 *
 * A cached call makes the same answer again and again, and rebuilding it — re-reading the cached
 * upstream body through its zod schema, mapping it, checking a 15 KB record against the output schema,
 * serializing it twice — costs far more than sending it. Per tool and arguments the last result is
 * kept with either
 * - what the call read (`ReadTrace`): when every read was an upstream cache hit and those entries are
 *   still the same objects, the handler is not run again — an answer depends on its arguments and on
 *   what it read, and none of that changed; or
 * - the JSON the handler returned: when the handler (run again) returns the same JSON, its output is
 *   not validated again and the same result object is handed back, which the fast path sends as bytes
 *   it serialized once. Any difference is validated afresh.
 */
export interface ResultReuse {
  /** The kept result if what it read is unchanged; else undefined. */
  replay: (key: string) => Promise<CallToolResult | undefined>;
  /** The kept result if the handler returned this same JSON last time; else undefined. */
  sameAnswer: (key: string, raw: string) => CallToolResult | undefined;
  keep: (key: string, entry: { raw?: string; trace?: ReadTrace; result: CallToolResult }) => void;
}

/** Arguments longer than this are not worth a key: their calls are rebuilt and validated every time. */
export const MAX_REUSE_KEY = 2048;

/** `tool\0{arguments}` as sent, or undefined when too long to keep. */
export const reuseKey = (name: string, args: unknown): string | undefined => {
  const key = `${name}\u0000${JSON.stringify(args ?? {})}`;
  return key.length <= MAX_REUSE_KEY ? key : undefined;
};

interface Entry {
  raw?: string;
  trace?: ReadTrace;
  result: CallToolResult;
}

const sizeOf = (entry: Entry): number => {
  const text = entry.result.content?.[0];
  const length = text?.type === 'text' ? text.text.length : 0;
  // The text item, the object it was made from and the raw JSON: about three times the text.
  return Math.max(1, length * 3 + (entry.raw?.length ?? 0));
};

export const createResultReuse = (options: { maxEntries?: number; maxBytes?: number } = {}): ResultReuse => {
  const kept = new LRUCache<string, Entry>({
    max: options.maxEntries ?? 500,
    maxSize: options.maxBytes ?? 16 * 1024 * 1024,
    sizeCalculation: sizeOf,
  });
  return {
    replay: async (key) => {
      const entry = kept.get(key);
      if (!entry?.trace) return undefined;
      if (await stillSame(entry.trace)) return entry.result;
      entry.trace = undefined; // an entry changed: the next call runs the handler and traces anew
      return undefined;
    },
    sameAnswer: (key, raw) => {
      const entry = kept.get(key);
      return entry?.raw === raw ? entry.result : undefined;
    },
    keep: (key, entry) => {
      const trace = entry.trace && replayable(entry.trace) ? entry.trace : undefined;
      // The same answer again with nothing to replay (a tool that reads no upstream): the entry stands,
      // and sameAnswer's read already made it recent.
      const current = kept.peek(key);
      if (current?.result === entry.result && !trace && !current.trace) return;
      kept.set(key, { ...entry, ...(trace ? { trace } : { trace: undefined }) });
    },
  };
};
