/** Passed, failed and skipped tests of one strategy, as a guest counts them. */
export interface GuestCounts {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

/** One failed test, as a guest reports it. */
export interface GuestFailure {
  /** The strategy it failed under. */
  readonly strategy: string;
  /** The test (conformance) or the script and line (spec). */
  readonly name: string;
  /** What was expected and what happened. */
  readonly message: string;
  /** The spec command kind: `assert_invalid`, `assert_return`, ... */
  readonly command?: string;
  /** What the command gave, in the spec guest's words: `compiled`, `trapped`, ... */
  readonly outcome?: string;
}

/** What the conformance guest and the spec guest return from their `main`. */
export interface GuestSuiteResult {
  /** The guest's `guestRuntime()`: the engine it ran on. */
  readonly runtime: string;
  /** Counts per strategy (`shared`: tests tied to no strategy; `js-api`: the spec's reference). */
  readonly strategies: Readonly<Record<string, GuestCounts>>;
  /** The failures, at most 200 (the rest only counted). */
  readonly failures: readonly GuestFailure[];
}

function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}

function isCounts(value: unknown): value is GuestCounts {
  if (typeof value !== "object" || value === null) return false;
  const { passed, failed, skipped } = value as Record<string, unknown>;
  return isCount(passed) && isCount(failed) && isCount(skipped);
}

function isFailure(value: unknown): value is GuestFailure {
  if (typeof value !== "object" || value === null) return false;
  const { strategy, name, message } = value as Record<string, unknown>;
  return typeof strategy === "string" && typeof name === "string" && typeof message === "string";
}

/**
 * Checks that a guest's result has the {@link GuestSuiteResult} shape and returns it typed.
 *
 * @throws {Error} saying which part is missing or malformed.
 */
export function readSuiteResult(value: unknown): GuestSuiteResult {
  if (typeof value !== "object" || value === null) {
    throw new Error(`the guest returned ${JSON.stringify(value)}, not a suite result`);
  }
  const { runtime, strategies, failures } = value as Record<string, unknown>;
  if (typeof runtime !== "string") throw new Error("the guest's result has no runtime");
  if (typeof strategies !== "object" || strategies === null) {
    throw new Error("the guest's result has no strategies");
  }
  for (const [name, counts] of Object.entries(strategies)) {
    if (!isCounts(counts)) throw new Error(`the guest's counts of ${name} are malformed`);
  }
  if (!Array.isArray(failures) || !failures.every(isFailure)) {
    throw new Error("the guest's failures are malformed");
  }
  return value as GuestSuiteResult;
}
