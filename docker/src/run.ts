import { spawn } from 'node:child_process';

export interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command to its end with only the given environment (nothing of the developer's leaks in),
 * writes `input` (default nothing) to its stdin and closes it, and collects its output.
 */
export const run = (
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number; input?: string },
) =>
  new Promise<Exit>((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, timeout: options.timeoutMs, env: options.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
