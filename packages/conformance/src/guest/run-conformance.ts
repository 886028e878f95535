import {
  type GuestCounts,
  type GuestFailure,
  type GuestSuiteResult,
  MAX_FAILURES,
} from "@wasmcall/host-runtimes/guest";
import { collectFile } from "../runner/collector.js";
import { runSuite } from "../runner/run-suite.js";
import { describeError } from "./describe-error.js";
import { SHARED, strategyOf } from "./strategy-of.js";

/** A strategy's counts as they grow. */
type Tally = { -readonly [K in Exclude<keyof GuestCounts, "skips">]: number };

/** A test file of the suite, bundled: its name and how to load (import) it. */
export interface TestFile {
  /** Its file name: `values.test.ts`. */
  readonly name: string;
  /** Imports it, which registers its tests. */
  readonly load: () => Promise<unknown>;
}

/** What {@link runConformance} runs. */
export interface ConformanceRun {
  /** The test files, run one after another in this order. */
  readonly files: readonly TestFile[];
  /** The strategies' names: each test is counted under the one its titles name. */
  readonly strategies: readonly string[];
  /** The runtime's description, for the result. */
  readonly runtime: string;
  /** Told after each file, with one line saying how it went. */
  readonly onFile?: (line: string) => void;
}

/**
 * Runs the test files one after another: each is imported (collecting its tests), then its
 * tests run in order. Every test is counted, passed, failed or skipped (a feature the runtime
 * lacks), under the strategy its titles name (see {@link strategyOf}) or `shared`; a file that fails to load counts as one failed
 * `shared` test. Never throws for what a test does.
 */
export async function runConformance(run: ConformanceRun): Promise<GuestSuiteResult> {
  const strategies = new Map<string, Tally>(
    [...run.strategies, SHARED].map((name) => [name, { passed: 0, failed: 0, skipped: 0 }]),
  );
  const failures: GuestFailure[] = [];
  const count = (
    file: string,
    path: readonly string[],
    error?: unknown,
    passed = false,
    skipped = false,
  ) => {
    const strategy = strategyOf(path, run.strategies);
    const counts = strategies.get(strategy) as Tally;
    if (skipped) {
      counts.skipped++;
      return;
    }
    if (passed) {
      counts.passed++;
      return;
    }
    counts.failed++;
    if (failures.length < MAX_FAILURES) {
      const name = [file, ...path].join(" > ");
      failures.push({ strategy, name, message: describeError(error) });
    }
  };
  for (const file of run.files) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    try {
      const suite = await collectFile(file.name, file.load);
      await runSuite(suite, (outcome) => {
        if (outcome.skipped === true) skipped++;
        else if (outcome.passed) passed++;
        else failed++;
        count(file.name, outcome.path, outcome.error, outcome.passed, outcome.skipped);
      });
    } catch (error) {
      failed++;
      count(file.name, [], error);
    }
    const skips = skipped > 0 ? `, ${skipped} skipped` : "";
    run.onFile?.(`${file.name}: ${passed} passed, ${failed} failed${skips}`);
  }
  return { runtime: run.runtime, strategies: Object.fromEntries(strategies), failures };
}
