// No import of the test kit here: serve-alone uses it, and its process must hold only what a deployed
// app holds.

/** A process's heap figures, MB. */
export interface HeapFigures {
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

const mb = (n: number) => Math.round(n / 1e5) / 10;

/**
 * The answer to "gc": a full collection first when the process runs with --expose-gc, so the parent
 * reads retained memory rather than wherever V8's heap is between two collections.
 */
export const gcAnswer = (): string => {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  const figures: HeapFigures = {
    heapUsed: mb(m.heapUsed),
    heapTotal: mb(m.heapTotal),
    external: mb(m.external),
    arrayBuffers: mb(m.arrayBuffers),
  };
  return `GC ${JSON.stringify(figures)}`;
};

/**
 * Answers the parent's commands on stdin, one per line (spawn-app writes them): "gc" always, the others
 * given. Read line by line, since two commands written back to back can arrive in one chunk and each
 * awaits its own answer.
 */
export const answerStdin = (answers: Record<string, () => string> = {}): void => {
  const all: Record<string, () => string> = { gc: gcAnswer, ...answers };
  let pending = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk: string) => {
    const lines = `${pending}${chunk}`.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const answer = all[line.trim()];
      if (answer) process.stdout.write(`${answer()}\n`);
    }
  });
};
