export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skip';

export interface CheckResult {
  name: string;
  status: CheckStatus;
  /** Latency of the check itself, milliseconds. */
  ms: number;
  detail: string;
  /** The likely cause, for `fail` and `warn` lines. */
  cause?: string;
}
