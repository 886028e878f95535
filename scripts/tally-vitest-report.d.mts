/** One test file's entry in a vitest JSON report, as far as the tally reads it. */
export interface VitestFileResult {
  readonly name: string;
  readonly status: string;
  readonly message?: string;
  readonly assertionResults: readonly {
    readonly fullName: string;
    readonly status: string;
    readonly failureMessages: readonly string[];
  }[];
}

/** A vitest JSON report (`test-results.json`), as far as the tally reads it. */
export interface VitestReport {
  readonly numPassedTests: number;
  readonly testResults: readonly VitestFileResult[];
}

/** What a report adds to the test command's totals. */
export interface Tally {
  readonly passed: number;
  readonly failed: number;
  readonly failures: string[];
}

/**
 * Tallies one package's vitest JSON report: passed and failed tests (a failed test once, a
 * file that failed with no failed test once) and a line naming each failure.
 */
export function tallyVitestReport(report: VitestReport, root: string): Tally;
