import {
  type GuestCounts,
  type GuestFailure,
  type GuestSuiteResult,
  MAX_FAILURES,
} from "@wasmcall/host-runtimes/guest";
import type { Failure } from "./run-script.js";
import type { RunSummary } from "./summary.js";

function guestFailure(strategy: string, f: Failure): GuestFailure {
  const message = `${f.command}: expected ${f.expected}, got ${f.actual}`;
  return { strategy, name: f.where, message, command: f.type, outcome: f.actual };
}

/**
 * The run as the host protocol's result: every column's counts (with its skips by category),
 * and up to
 * {@link MAX_FAILURES} failures, taken in turn from each column that has some (so that the
 * js-api reference's many failures do not crowd the strategies' out), listed column by column
 * in script order.
 */
export function toGuestResult(summary: RunSummary, runtime: string): GuestSuiteResult {
  const strategies: Record<string, GuestCounts> = {};
  const columns = summary.invokers.map((invoker) => {
    const { passed, failed, skipped } = summary.totals.get(invoker.name)?.tally ?? {
      passed: 0,
      failed: 0,
      skipped: 0,
    };
    const skips: Record<string, number> = {};
    for (const file of summary.files) {
      for (const { reason } of file.results.get(invoker.name)?.skips ?? []) {
        skips[reason] = (skips[reason] ?? 0) + 1;
      }
    }
    strategies[invoker.name] = { passed, failed, skipped, skips };
    return summary.files.flatMap((file) => file.results.get(invoker.name)?.failures ?? []);
  });
  const taken = columns.map(() => 0);
  let total = 0;
  for (let round = 0; total < MAX_FAILURES; round++) {
    let more = false;
    columns.forEach((failures, i) => {
      if (round < failures.length && total < MAX_FAILURES) {
        taken[i] = round + 1;
        total++;
        more = true;
      }
    });
    if (!more) break;
  }
  const failures = summary.invokers.flatMap((invoker, i) =>
    (columns[i] ?? []).slice(0, taken[i]).map((f) => guestFailure(invoker.name, f)),
  );
  return { runtime, strategies, failures };
}
