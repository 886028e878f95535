import type { RuntimeName } from "@wasmcall/host-runtimes";
import type { GuestCounts, GuestFailure, GuestSuiteResult } from "@wasmcall/host-runtimes/guest";
import { type EngineDeviation, findDeviation } from "./engine-deviations.js";
import { REFERENCE_STRATEGY, type SuiteName } from "./suite.js";

/** One strategy's counts in one suite, judged. */
export interface StrategyVerdict {
  readonly strategy: string;
  /** The counts the guest reported. */
  readonly counts: GuestCounts;
  /** Whether it is the reference (the plain JS API), which never fails the matrix. */
  readonly reference: boolean;
  /** Failures explained by an engine deviation of the runtime. */
  readonly deviations: number;
  /** Failures that count: the guest's failed count less the deviations. */
  readonly failed: number;
}

/** How often one engine deviation explained a failure. */
export interface DeviationCount {
  readonly deviation: EngineDeviation;
  /** The failures it explained, every strategy's together. */
  readonly count: number;
}

/** A suite's result in one runtime, judged. */
export interface SuiteVerdict {
  /** Every strategy, in the guest's order. */
  readonly strategies: readonly StrategyVerdict[];
  /** The listed failures that count (not the reference's, not deviations). */
  readonly failures: readonly GuestFailure[];
  /** The engine deviations met, with how many failures each explained. */
  readonly deviations: readonly DeviationCount[];
}

/** Whether a strategy's cell passes: a reference always does, others with no failure. */
export function cellPassed(verdict: StrategyVerdict): boolean {
  return verdict.reference || verdict.failed === 0;
}

/**
 * Judges the result of `suite` in `runtime`: failures the runtime's engine deviations explain
 * are counted apart; the reference strategy's failures never count. A failure the guest
 * counted but did not list (it lists at most 200) cannot be explained, so it counts.
 */
export function judgeSuite(
  runtime: RuntimeName,
  suite: SuiteName,
  result: GuestSuiteResult,
): SuiteVerdict {
  const deviationsPerStrategy = new Map<string, number>();
  const deviationCounts = new Map<EngineDeviation, number>();
  const failures: GuestFailure[] = [];
  for (const failure of result.failures) {
    if (failure.strategy === REFERENCE_STRATEGY) continue;
    const deviation = findDeviation(runtime, suite, failure);
    if (deviation === undefined) {
      failures.push(failure);
      continue;
    }
    deviationsPerStrategy.set(
      failure.strategy,
      (deviationsPerStrategy.get(failure.strategy) ?? 0) + 1,
    );
    deviationCounts.set(deviation, (deviationCounts.get(deviation) ?? 0) + 1);
  }
  const strategies = Object.entries(result.strategies).map(([strategy, counts]) => {
    const reference = strategy === REFERENCE_STRATEGY;
    const deviations = reference
      ? 0
      : Math.min(deviationsPerStrategy.get(strategy) ?? 0, counts.failed);
    return { strategy, counts, reference, deviations, failed: counts.failed - deviations };
  });
  const deviations = [...deviationCounts].map(([deviation, count]) => ({ deviation, count }));
  return { strategies, failures, deviations };
}
