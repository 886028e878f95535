import { collectFile } from "../runner/collector.js";
import { runSuite } from "../runner/run-suite.js";
import { SHARED, strategyOf } from "./strategy-of.js";
import { describeError, type GuestSuiteResult, MAX_FAILURES } from "./suite-result.js";

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
 * tests run in order. Every test is counted, passed or failed, under the strategy its titles
 * name (see {@link strategyOf}) or `shared`; a file that fails to load counts as one failed
 * `shared` test. Never throws for what a test does.
 */
export async function runConformance(run: ConformanceRun): Promise<GuestSuiteResult> {
  const result: GuestSuiteResult = { runtime: run.runtime, strategies: {}, failures: [] };
  for (const name of [...run.strategies, SHARED]) {
    result.strategies[name] = { passed: 0, failed: 0, skipped: 0 };
  }
  const count = (file: string, path: readonly string[], error?: unknown, passed = false) => {
    const strategy = strategyOf(path, run.strategies);
    const counts = result.strategies[strategy] as { passed: number; failed: number };
    if (passed) {
      counts.passed++;
      return;
    }
    counts.failed++;
    if (result.failures.length < MAX_FAILURES) {
      const name = [file, ...path].join(" > ");
      result.failures.push({ strategy, name, message: describeError(error) });
    }
  };
  for (const file of run.files) {
    let passed = 0;
    let failed = 0;
    try {
      const suite = await collectFile(file.name, file.load);
      await runSuite(suite, (outcome) => {
        if (outcome.passed) passed++;
        else failed++;
        count(file.name, outcome.path, outcome.error, outcome.passed);
      });
    } catch (error) {
      failed++;
      count(file.name, [], error);
    }
    run.onFile?.(`${file.name}: ${passed} passed, ${failed} failed`);
  }
  return result;
}
