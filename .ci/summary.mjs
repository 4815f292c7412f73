// Prints the plain closing line CI reads: "tests: N passed, N failed, N skipped", over every report given.
import { readFileSync } from 'node:fs';

const files = process.argv.slice(2);
const totals = { passed: 0, failed: 0, skipped: 0, ok: true };
for (const file of files.length > 0 ? files : ['.vitest/report.json']) {
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    console.error(`no vitest report at ${file}`);
    totals.failed += 1;
    totals.ok = false;
    continue;
  }
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  if (report.success === false) totals.ok = false;
}
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.ok && totals.failed === 0 && totals.passed > 0 ? 0 : 1);
