import { spawn } from 'node:child_process';

export interface Exec {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface ExecOptions {
  cwd: string;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  /** `empty`: a pipe closed at once, as a caller without a terminal gives; default none (`/dev/null`). */
  stdin?: 'none' | 'empty';
}

/** Runs a command to its end and collects its output; a non-zero exit is a result, not an error. */
export const exec = (command: string, args: string[], options: ExecOptions) =>
  new Promise<Exec>((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      timeout: options.timeoutMs ?? 120_000,
      stdio: [options.stdin === 'empty' ? 'pipe' : 'ignore', 'pipe', 'pipe'],
      env: options.env ?? process.env,
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin?.end();
  });
