/** Tests by outcome. */
export interface GuestCounts {
  passed: number;
  failed: number;
  skipped: number;
}

/** One failed test. */
export interface GuestFailure {
  /** The strategy it belongs to, or `shared`. */
  readonly strategy: string;
  /** Its file and titles: `traps.test.ts > 'baseline': traps > reports unreachable ...`. */
  readonly name: string;
  /** The error it failed with: `AssertionError: expected 1 to be 2 // Object.is equality`. */
  readonly message: string;
}

/** What the conformance guest reports to its host (the host protocol's `GuestSuiteResult`). */
export interface GuestSuiteResult {
  /** The runtime and engine that ran the tests. */
  readonly runtime: string;
  /** Tests by outcome per strategy; tests tied to no one strategy under `shared`. */
  readonly strategies: Record<string, GuestCounts>;
  /** The first {@link MAX_FAILURES} failures; the rest are only counted. */
  readonly failures: GuestFailure[];
}

/** How many failures a result lists at most. */
export const MAX_FAILURES = 200;

/** An error as one line of text, `Name: message`, for a failure's message. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  try {
    return `threw ${typeof error === "string" ? error : JSON.stringify(error)}`;
  } catch {
    return `threw ${String(error)}`;
  }
}
