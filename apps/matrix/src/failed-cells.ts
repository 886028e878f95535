import type { RuntimeOutcome } from "./run-matrix.js";
import type { SuiteName } from "./suite.js";

/** A failed cell of the matrix and why it failed. */
export interface FailedCell {
  readonly runtime: string;
  readonly suite: SuiteName;
  /** The strategy; absent when the whole suite failed (no result, runtime not started). */
  readonly strategy?: string;
  /** Why, in one line: the error, or the count and the first failure that counts. */
  readonly reason: string;
}

/** The first line of `text`. */
function firstLine(text: string): string {
  return text.split("\n")[0] ?? "";
}

/**
 * Every failed cell (see `countCells`), in table order, each with its reason: why the runtime
 * could not be started or the suite gave no result, or how many of the strategy's failures
 * count and the first of them listed (`test: message`).
 */
export function failedCells(
  outcomes: readonly RuntimeOutcome[],
  suites: readonly SuiteName[],
): FailedCell[] {
  const cells: FailedCell[] = [];
  for (const outcome of outcomes) {
    const runtime = outcome.name;
    for (const suite of suites) {
      const done = outcome.suites[suite];
      if (done === undefined) {
        const reason = `cannot be started: ${firstLine(outcome.error ?? "")}`;
        cells.push({ runtime, suite, reason });
        continue;
      }
      if ("error" in done) {
        cells.push({ runtime, suite, reason: `no result: ${firstLine(done.error)}` });
        continue;
      }
      for (const verdict of done.verdict.strategies) {
        if (verdict.reference || verdict.failed === 0) continue;
        const first = done.verdict.failures.find((f) => f.strategy === verdict.strategy);
        const example =
          first === undefined ? "" : `, first: ${first.name}: ${firstLine(first.message)}`;
        cells.push({
          runtime,
          suite,
          strategy: verdict.strategy,
          reason: `${verdict.failed} failed${example}`,
        });
      }
    }
  }
  return cells;
}
