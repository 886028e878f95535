import { cellPassed } from "./judge-suite.js";
import type { RuntimeOutcome } from "./run-matrix.js";
import type { SuiteName } from "./suite.js";

/** How many cells of the matrix passed and failed. */
export interface CellCounts {
  readonly passed: number;
  readonly failed: number;
}

/**
 * Counts the matrix's cells, one per (runtime, suite, strategy), the reference strategy left
 * out: a cell passes when its strategy has no failure that counts. A suite without a result
 * counts as one failed cell, and a runtime that could not be started as one per suite.
 */
export function countCells(
  outcomes: readonly RuntimeOutcome[],
  suites: readonly SuiteName[],
): CellCounts {
  let passed = 0;
  let failed = 0;
  for (const outcome of outcomes) {
    for (const suite of suites) {
      const done = outcome.suites[suite];
      if (done === undefined || "error" in done) {
        failed++;
        continue;
      }
      for (const verdict of done.verdict.strategies) {
        if (verdict.reference) continue;
        if (cellPassed(verdict)) passed++;
        else failed++;
      }
    }
  }
  return { passed, failed };
}
