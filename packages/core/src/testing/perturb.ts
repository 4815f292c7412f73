import fc from 'fast-check';
import { readToolError } from '../tool-result.js';

/*
 * Perturbations of recorded upstream JSON, for property-based tests that every tool reading an upstream
 * answers a variant of a real body with a result or a typed error, never `internal_error`. The edits are
 * the ways real APIs drift from their docs and from our fixtures: a scalar of another type, a `null`, a
 * missing key, a scalar wrapped in an array, an empty array, string or object.
 */

export const PERTURBATION_OPS = ['flip_type', 'null', 'drop', 'wrap', 'empty'] as const;
export type PerturbationOp = (typeof PERTURBATION_OPS)[number];

/** One edit: the op, which node (index into the node list, modulo its length) and a variant number. */
export interface PerturbationEdit {
  op: PerturbationOp;
  node: number;
  variant: number;
}

export interface Perturbation {
  value: unknown;
  /** Human-readable, e.g. `flip_type $.events[0].eventDate: "2005-…" → 2005`, for counterexamples. */
  edits: string[];
}

type Key = string | number;
type Path = Key[];

const pathText = (path: Path): string =>
  path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : `${acc}.${k}`), '$');

const short = (v: unknown): string => {
  const t = JSON.stringify(v) ?? String(v);
  return t.length > 40 ? `${t.slice(0, 37)}…` : t;
};

/** Every node below the root, depth-first, parents before children. */
const nodes = (value: unknown, path: Path = [], out: Path[] = []): Path[] => {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      out.push([...path, i]);
      nodes(v, [...path, i], out);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      out.push([...path, k]);
      nodes(v, [...path, k], out);
    }
  }
  return out;
};

const getAt = (root: unknown, path: Path): unknown =>
  path.reduce<unknown>((node, k) => (node as Record<Key, unknown>)[k], root);

/** A scalar of another JSON type, derived from the original where that means something (`"12"` ↔ 12). */
const flip = (v: unknown, variant: number): unknown => {
  const pick = <T>(options: T[]): T => options[variant % options.length] as T;
  if (typeof v === 'string') {
    const n = Number(v);
    return pick([v.trim() !== '' && Number.isFinite(n) ? n : v.length, v.length % 2 === 0, [v]]);
  }
  if (typeof v === 'number') return pick([String(v), v !== 0, -v, v + 0.5]);
  if (typeof v === 'boolean') return pick([String(v), v ? 1 : 0]);
  if (v === null) return pick([0, '', false]);
  if (Array.isArray(v)) return pick([v.length, 'x', { 0: v[0] }]);
  return pick(['[object Object]', 1, true]);
};

const emptyOf = (v: unknown): unknown => {
  if (Array.isArray(v)) return [];
  if (typeof v === 'string') return '';
  if (typeof v === 'object' && v !== null) return {};
  if (typeof v === 'number') return 0;
  return '';
};

/** Applies edits to a deep copy of `original`, each on the node list of the value as it is by then. */
export const applyPerturbation = (original: unknown, edits: readonly PerturbationEdit[]): Perturbation => {
  let root: unknown = structuredClone(original);
  const done: string[] = [];
  for (const edit of edits) {
    const all = nodes(root);
    if (all.length === 0) {
      const before = root;
      root = edit.op === 'null' ? null : edit.op === 'wrap' ? [root] : flip(root, edit.variant);
      done.push(`${edit.op} $: ${short(before)} → ${short(root)}`);
      continue;
    }
    const path = all[edit.node % all.length] as Path;
    const key = path[path.length - 1] as Key;
    const parent = getAt(root, path.slice(0, -1)) as Record<Key, unknown> | unknown[];
    const before = (parent as Record<Key, unknown>)[key];
    if (edit.op === 'drop') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete (parent as Record<Key, unknown>)[key];
      done.push(`drop ${pathText(path)}`);
      continue;
    }
    const after =
      edit.op === 'null'
        ? null
        : edit.op === 'wrap'
          ? [before]
          : edit.op === 'empty'
            ? emptyOf(before)
            : flip(before, edit.variant);
    (parent as Record<Key, unknown>)[key] = after;
    done.push(`${edit.op} ${pathText(path)}: ${short(before)} → ${short(after)}`);
  }
  return { value: root, edits: done };
};

const editArb: fc.Arbitrary<PerturbationEdit> = fc.record({
  op: fc.constantFrom(...PERTURBATION_OPS),
  node: fc.nat(),
  variant: fc.nat(7),
});

/** A perturbed copy of `original` with 1..maxEdits edits (default 4); shrinks toward fewer edits. */
export const perturbedJson = (
  original: unknown,
  options: { maxEdits?: number } = {},
): fc.Arbitrary<Perturbation> =>
  fc
    .array(editArb, { minLength: 1, maxLength: options.maxEdits ?? 4 })
    .map((edits) => applyPerturbation(original, edits));

/** What one call answered: `result`, or the typed error code of an `isError` result. */
export type PerturbationOutcome = string;

export interface PerturbationReport {
  cases: number;
  seed: number;
  /** Answers by outcome (`result`, `not_found`, `upstream_bad_response`…). */
  byCode: Record<string, number>;
}

export interface RunPerturbationsOptions {
  /** Recorded bodies by name (the fixture file name). */
  fixtures: Record<string, unknown>;
  /** Calls every tool that reads the upstream with `body` served, returning each call's outcome. */
  answer: (fixture: string, body: unknown) => Promise<PerturbationOutcome[]>;
  runs: number;
  seed?: number;
  maxEdits?: number;
  /** Stop generating new cases after this long (the cases run are in the report). */
  timeLimitMs?: number;
}

/** Outcomes that fail the property: an untyped failure, whatever the tool's error shape. */
export const FORBIDDEN_OUTCOMES = ['internal_error', 'untyped_error'] as const;

/**
 * Runs `runs` perturbed bodies through `answer`; any `internal_error` (or a throw) fails with the
 * fixture name and the edits that caused it, shrunk to the fewest fast-check finds.
 */
export const runPerturbations = async (options: RunPerturbationsOptions): Promise<PerturbationReport> => {
  const names = Object.keys(options.fixtures);
  if (names.length === 0) throw new Error('runPerturbations: no fixtures');
  const seed = options.seed ?? Date.now() % 1_000_000;
  const byCode: Record<string, number> = {};
  let cases = 0;
  const arb = fc
    .constantFrom(...names)
    .chain((name) =>
      perturbedJson(options.fixtures[name], { maxEdits: options.maxEdits }).map((p) => ({ name, ...p })),
    );
  const details = await fc.check(
    fc.asyncProperty(arb, async ({ name, value, edits }) => {
      const outcomes = await options.answer(name, value);
      cases += 1;
      for (const code of outcomes) byCode[code] = (byCode[code] ?? 0) + 1;
      const bad = outcomes.find((o) => (FORBIDDEN_OUTCOMES as readonly string[]).includes(o));
      if (bad) throw new Error(`${bad} on ${name} after: ${edits.join('; ')}`);
    }),
    {
      numRuns: options.runs,
      seed,
      ...(options.timeLimitMs
        ? { interruptAfterTimeLimit: options.timeLimitMs, markInterruptAsFailure: false }
        : {}),
    },
  );
  if (details.failed) {
    // The shrunk counterexample's own message (fixture and edits), plus what replays it.
    const cause =
      details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(`${cause} (PERTURB_SEED=${seed}, fast-check path ${details.counterexamplePath})`);
  }
  return { cases, seed, byCode };
};

/**
 * Cases per suite: `PERTURB_RUNS` when set; ten times the CI default under `PERTURB_FULL=1`
 * (`pnpm test:fuzz:full`); else the CI default given.
 */
export const perturbationRuns = (ciDefault: number): number => {
  const n = Number(process.env.PERTURB_RUNS);
  if (Number.isInteger(n) && n > 0) return n;
  return process.env.PERTURB_FULL === '1' ? ciDefault * 10 : ciDefault;
};

/** The CI run stops generating cases after `ciMs`; a full or sized run has no time cap. */
export const perturbationTimeLimitMs = (ciMs: number): number | undefined =>
  process.env.PERTURB_FULL === '1' || process.env.PERTURB_RUNS ? undefined : ciMs;

/** The vitest timeout for a suite: the CI cap plus set-up, or an hour for a full run. */
export const perturbationTestTimeoutMs = (ciMs: number): number =>
  perturbationTimeLimitMs(ciMs) === undefined ? 3_600_000 : ciMs + 15_000;

/** `PERTURB_SEED` replays a run. */
export const perturbationSeed = (): number | undefined => {
  const raw = process.env.PERTURB_SEED;
  return raw && Number.isInteger(Number(raw)) ? Number(raw) : undefined;
};

interface ToolResultLike {
  isError?: boolean;
  structuredContent?: unknown;
  content?: unknown;
}

/**
 * `result`, or the error code of an `isError` tool result read from its one JSON text item (the only
 * shape a tool error has on the wire); an error in any other shape is `untyped_error`.
 */
export const outcomeOf = (result: ToolResultLike): PerturbationOutcome => {
  if (!result.isError) return 'result';
  return readToolError(result)?.code ?? 'untyped_error';
};
