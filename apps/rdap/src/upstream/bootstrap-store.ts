import type { Result } from '@mcp/core';
import type { Logger } from 'pino';
import { type BootstrapFile, type BootstrapKind, parseBootstrap } from './bootstrap.js';

export interface BootstrapStoreOptions {
  /** Downloads one raw bootstrap file (`dns.json` …). */
  fetchFile: (kind: BootstrapKind) => Promise<Result<unknown>>;
  /** How long a file is fresh; IANA updates them a few times a month. Default 24 h. */
  ttlMs?: number;
  now?: () => number;
  log?: Logger;
}

export interface BootstrapStore {
  /** The file, from memory when fresh; a stale one is served while a background refresh runs. */
  get: (kind: BootstrapKind) => Promise<Result<BootstrapFile>>;
  /** Waits for pending background refreshes (tests, shutdown). */
  settled: () => Promise<void>;
}

interface Entry {
  file: BootstrapFile;
  fetchedAt: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Stale-while-revalidate cache of the IANA bootstrap files: one download per kind at a time, the first
 * caller waits, later callers never wait once a file is held — a failed refresh keeps the old file.
 */
export const createBootstrapStore = (options: BootstrapStoreOptions): BootstrapStore => {
  const ttlMs = options.ttlMs ?? DAY_MS;
  const now = options.now ?? Date.now;
  const entries = new Map<BootstrapKind, Entry>();
  const inflight = new Map<BootstrapKind, Promise<Result<BootstrapFile>>>();

  const download = (kind: BootstrapKind): Promise<Result<BootstrapFile>> => {
    const pending = inflight.get(kind);
    if (pending) return pending;
    const run = (async (): Promise<Result<BootstrapFile>> => {
      const raw = await options.fetchFile(kind);
      const parsed = raw.ok ? parseBootstrap(raw.value, kind) : raw;
      if (parsed.ok) {
        entries.set(kind, { file: parsed.value, fetchedAt: now() });
        options.log?.debug({ kind, publication: parsed.value.publication }, 'rdap bootstrap loaded');
      } else {
        options.log?.warn({ kind, code: parsed.error.code }, 'rdap bootstrap download failed');
      }
      return parsed;
    })().finally(() => inflight.delete(kind));
    inflight.set(kind, run);
    return run;
  };

  return {
    get: async (kind) => {
      const entry = entries.get(kind);
      if (!entry) return download(kind);
      if (now() - entry.fetchedAt >= ttlMs) void download(kind);
      return { ok: true, value: entry.file };
    },
    settled: async () => {
      await Promise.all([...inflight.values()]);
    },
  };
};
