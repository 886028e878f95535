import { relative } from "node:path";

/**
 * Tallies one package's vitest JSON report (`test-results.json`): its passed and failed tests,
 * and a line naming each failure, the test file given relative to `root`. A failed test counts
 * once; a file that failed with no failed test of its own (it did not load, say) counts once.
 * vitest's own numFailedTestSuites is not used: it also counts every describe block around a
 * failed test, so one failed test would read as three failures.
 *
 * @param {{ numPassedTests: number, testResults: Array<{ name: string, status: string,
 *   message?: string, assertionResults: Array<{ fullName: string, status: string,
 *   failureMessages: string[] }> }> }} report
 * @param {string} root
 * @returns {{ passed: number, failed: number, failures: string[] }}
 */
export function tallyVitestReport(report, root) {
  let failed = 0;
  const failures = [];
  for (const file of report.testResults) {
    const where = relative(root, file.name);
    const failedTests = file.assertionResults.filter((test) => test.status === "failed");
    if (file.status === "failed" && failedTests.length === 0) {
      failed++;
      failures.push(`${where}: ${firstLine(file.message)}`);
    }
    for (const test of failedTests) {
      failed++;
      failures.push(`${where} > ${test.fullName}: ${firstLine(test.failureMessages[0])}`);
    }
  }
  return { passed: report.numPassedTests, failed, failures };
}

/** The first line of a failure message, short enough for one line of a listing. */
function firstLine(message) {
  return String(message ?? "")
    .split("\n")[0]
    .slice(0, 200);
}
