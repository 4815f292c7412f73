import type { CheckResult, CheckStatus } from './check.js';

const MARK: Record<CheckStatus, string> = { ok: 'ok', warn: 'WARN', fail: 'FAIL', skip: 'skip' };

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - text.length));

/** A plain-text table (copy-pastable into an issue), each failing or warning line followed by its cause. */
export const renderTable = (url: string, results: readonly CheckResult[]): string => {
  const nameWidth = Math.max(5, ...results.map((r) => r.name.length));
  const lines = [
    `mcp-config doctor ${url}`,
    '',
    `${pad('check', nameWidth)}  ${pad('result', 6)}  ${pad('time', 8)}  detail`,
    `${'-'.repeat(nameWidth)}  ------  --------  ${'-'.repeat(40)}`,
  ];
  for (const r of results) {
    const time = r.status === 'skip' ? '' : `${Math.round(r.ms)} ms`;
    lines.push(`${pad(r.name, nameWidth)}  ${pad(MARK[r.status], 6)}  ${pad(time, 8)}  ${r.detail}`);
    if (r.cause && (r.status === 'fail' || r.status === 'warn'))
      lines.push(`${' '.repeat(nameWidth + 2)}  → likely cause: ${r.cause}`);
  }
  const failed = results.filter((r) => r.status === 'fail').length;
  lines.push('', failed === 0 ? 'all checks passed' : `${failed} check(s) failed`);
  return `${lines.join('\n')}\n`;
};
