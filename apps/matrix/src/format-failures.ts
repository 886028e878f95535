import { describeDeviation } from "./engine-deviations.js";
import type { RuntimeOutcome } from "./run-matrix.js";
import type { SuiteName } from "./suite.js";

/**
 * What went wrong, per runtime: why it could not be started, why a suite gave no result, the
 * first `max` failures that count (strategy, test, message) and how many more there are. Then
 * the engine deviations met, each with its reason and count. Empty when there is nothing.
 */
export function formatFailures(
  outcomes: readonly RuntimeOutcome[],
  suites: readonly SuiteName[],
  max: number,
): string {
  const out: string[] = [];
  const deviations: string[] = [];
  for (const outcome of outcomes) {
    const lines: string[] = [];
    if (outcome.error !== undefined) lines.push(`  cannot be started: ${outcome.error}`);
    for (const suite of suites) {
      const done = outcome.suites[suite];
      if (done === undefined) continue;
      if ("error" in done) {
        lines.push(`  ${suite}: no result: ${done.error}`);
        continue;
      }
      const counted = done.verdict.strategies.reduce(
        (sum, v) => (v.reference ? sum : sum + v.failed),
        0,
      );
      const listed = done.verdict.failures;
      for (const failure of listed.slice(0, max)) {
        lines.push(`  ${suite} [${failure.strategy}] ${failure.name}: ${failure.message}`);
      }
      const more = counted - Math.min(listed.length, max);
      if (more > 0) lines.push(`  ${suite}: ... and ${more} more failures`);
      for (const { deviation, count } of done.verdict.deviations) {
        deviations.push(
          `  ${outcome.name} ${suite}: ${count} × ${describeDeviation(deviation)}`,
          `    ${deviation.reason}`,
        );
      }
    }
    if (lines.length > 0) out.push(`failures in ${outcome.name}:`, ...lines);
  }
  if (deviations.length > 0) {
    out.push("engine deviations (not counted as failures):", ...deviations);
  }
  return out.join("\n");
}
