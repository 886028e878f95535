// The result a test-suite guest (the conformance suite, the spec testsuite) returns from the
// `main` it hands to `runAsGuest`, and the host reads back (see `readSuiteResult`).

/** Passed, failed and skipped tests (spec: commands) of one strategy, as a guest counts them. */
export interface GuestCounts {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  /** The skipped ones by category (`engine lacks memory64`: 12), where the guest names them. */
  readonly skips?: Readonly<Record<string, number>>;
}

/** One failed test (spec: command), as a guest reports it. */
export interface GuestFailure {
  /** The strategy it failed under (`shared`: tied to none; `js-api`: the spec's reference). */
  readonly strategy: string;
  /**
   * The test: its file and titles (`traps.test.ts > 'baseline': traps > reports unreachable`),
   * or the spec script and line (`i32/i32.wast:64`).
   */
  readonly name: string;
  /** What was expected and what happened: `AssertionError: expected 1 to be 2`. */
  readonly message: string;
  /** The spec command's kind: `assert_invalid`, `assert_return`, ... (spec guest only). */
  readonly command?: string;
  /** What the spec command gave instead: `compiled`, `i32:3`, ... (spec guest only). */
  readonly outcome?: string;
}

/**
 * What a test-suite guest returns from its `main`: its engine, the counts per strategy and the
 * first failures.
 *
 * @example
 * ```ts
 * runAsGuest(async (): Promise<GuestSuiteResult> => ({
 *   runtime: guestRuntime(),
 *   strategies: { baseline: { passed: 41, failed: 1, skipped: 0 } },
 *   failures: [{ strategy: "baseline", name: "add.test.ts > adds", message: "Error: 3 is not 4" }],
 * }));
 * ```
 */
export interface GuestSuiteResult {
  /** The guest's `guestRuntime()`: the runtime and engine that ran the suite. */
  readonly runtime: string;
  /** Counts per strategy (`shared`: tests tied to no strategy; `js-api`: the spec's reference). */
  readonly strategies: Readonly<Record<string, GuestCounts>>;
  /** At most {@link MAX_FAILURES} failures; the rest are only counted. */
  readonly failures: readonly GuestFailure[];
}

/** How many failures a {@link GuestSuiteResult} lists at most. */
export const MAX_FAILURES = 200;
