import type { SuiteNode, TestCase } from "./collector.js";

/** How one test ended. */
export interface TestOutcome {
  /** The titles from the file down to the test (its describe blocks, then its own). */
  readonly path: readonly string[];
  /** Whether it passed. */
  readonly passed: boolean;
  /** Whether it was skipped (neither passed nor failed: see `describe.skipIf`). */
  readonly skipped?: boolean;
  /** Why it failed: the error it threw (or its hook, or its block while collected). */
  readonly error?: unknown;
}

/** Every test under `suite`, with the titles of the blocks between. */
function testsUnder(suite: SuiteNode, path: readonly string[]): [string[], TestCase][] {
  return suite.children.flatMap((child) =>
    child.kind === "test"
      ? [[[...path, child.title], child] as [string[], TestCase]]
      : testsUnder(child, [...path, child.title]),
  );
}

/**
 * Runs the tests of `suite` (a file's top level, or a describe block) in order, as vitest runs
 * one file: each block's `beforeAll` hooks run once, before its first test; when a hook fails,
 * or the block failed while it was collected, every test of the block fails with that error
 * (a block that registered no test counts as one failed test). A skipped block or test does not
 * run: each of its tests is heard as skipped. `onOutcome` hears each test as it ends.
 */
export async function runSuite(
  suite: SuiteNode,
  onOutcome: (outcome: TestOutcome) => void,
  path: readonly string[] = [],
): Promise<void> {
  if (suite.skip) {
    for (const [testPath] of testsUnder(suite, path)) {
      onOutcome({ path: testPath, passed: false, skipped: true });
    }
    return;
  }
  let error: unknown = suite.error;
  let failed = suite.error !== undefined;
  if (!failed) {
    try {
      if (suite.children.length > 0) for (const hook of suite.beforeAll) await hook();
    } catch (hookError) {
      failed = true;
      error = hookError;
    }
  }
  if (failed) {
    const tests = testsUnder(suite, path);
    if (tests.length === 0) onOutcome({ path: [...path], passed: false, error });
    for (const [testPath] of tests) onOutcome({ path: testPath, passed: false, error });
    return;
  }
  for (const child of suite.children) {
    if (child.kind === "suite") {
      await runSuite(child, onOutcome, [...path, child.title]);
      continue;
    }
    const testPath = [...path, child.title];
    if (child.skip) {
      onOutcome({ path: testPath, passed: false, skipped: true });
      continue;
    }
    try {
      await child.fn();
      onOutcome({ path: testPath, passed: true });
    } catch (testError) {
      onOutcome({ path: testPath, passed: false, error: testError });
    }
  }
}
