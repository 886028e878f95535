import { formatTitle } from "./format-title.js";

/** A test body or a hook: may return a promise, which is awaited. */
export type TestFunction = () => unknown;

/** One registered test. */
export interface TestCase {
  readonly kind: "test";
  /** Its title, as `it` got it (formatted already for `it.each`). */
  readonly title: string;
  /** Its body. */
  readonly fn: TestFunction;
  /** Whether it is skipped (`it.skipIf(true)`): not run, counted as skipped. */
  readonly skip: boolean;
}

/** A `describe` block (or a file's top level): its hooks and children, in order. */
export interface SuiteNode {
  readonly kind: "suite";
  /** Its title (a file's name at the top level). */
  readonly title: string;
  /** Its `beforeAll` hooks, in order. */
  readonly beforeAll: TestFunction[];
  /** Its tests and blocks, in the order they were registered. */
  readonly children: (SuiteNode | TestCase)[];
  /** What the block's callback threw while it was collected, if it threw. */
  error?: unknown;
  /**
   * Whether the block is skipped (`describe.skipIf(true)`): its hooks and tests do not run, and
   * every test counts as skipped.
   */
  readonly skip: boolean;
}

function suiteNode(title: string, skip = false): SuiteNode {
  return { kind: "suite", title, beforeAll: [], children: [], skip };
}

let current: SuiteNode | undefined;

function currentSuite(what: string): SuiteNode {
  if (current === undefined) throw new Error(`${what} called outside a test file being collected`);
  return current;
}

/**
 * Collects the tests a test file registers: runs `load` (which imports the file, whose top
 * level calls `describe`, `it` and `beforeAll`) and returns the file's top-level suite.
 *
 * @throws whatever `load` throws (the file failed to load: vitest fails the file).
 */
export async function collectFile(title: string, load: () => Promise<unknown>): Promise<SuiteNode> {
  const root = suiteNode(title);
  current = root;
  try {
    await load();
  } finally {
    current = undefined;
  }
  return root;
}

/** vitest's `describe(name, factory)`: the factory runs now, registering what it holds. */
function describeBlock(name: string, factory: () => unknown, skip = false): void {
  const parent = currentSuite("describe");
  const suite = suiteNode(name, skip || parent.skip);
  parent.children.push(suite);
  current = suite;
  try {
    const returned = factory();
    if (returned instanceof Promise) {
      throw new Error("describe callbacks must be synchronous in the guest runner");
    }
  } catch (error) {
    suite.error = error;
  } finally {
    current = parent;
  }
}

/**
 * vitest's `it(name, fn, timeout?)`. The timeout is accepted and not enforced: the host's
 * timeout bounds the whole run.
 */
function testCase(name: string, fn: TestFunction, _timeout?: number, skip = false): void {
  const suite = currentSuite("it");
  suite.children.push({ kind: "test", title: name, fn, skip: skip || suite.skip });
}

/**
 * vitest's `.each(cases)(template, fn)`: one call of `register` per case, titled by
 * {@link formatTitle}; when every case is an array, its items are spread into `fn`'s arguments,
 * otherwise each case is passed whole.
 */
function each<Register extends (title: string, fn: () => unknown) => void>(register: Register) {
  return (cases: readonly unknown[]) =>
    (template: string, fn: (...args: never[]) => unknown): void => {
      const spread = cases.every(Array.isArray);
      cases.forEach((item, index) => {
        const items = Array.isArray(item) ? (item as unknown[]) : [item];
        const args = (spread ? items : [item]) as never[];
        register(formatTitle(template, items, index), () => fn(...args));
      });
    };
}

/**
 * vitest's `describe`, with `describe.each` and `describe.skipIf(condition)` (a block whose
 * tests are skipped when `condition` holds: for what a runtime lacks).
 */
export const describe = Object.assign(describeBlock, {
  each: each(describeBlock),
  skipIf:
    (condition: unknown) =>
    (name: string, factory: () => unknown): void =>
      describeBlock(name, factory, Boolean(condition)),
});

/** vitest's `it`, with `it.each` and `it.skipIf(condition)`. */
export const it = Object.assign(testCase, {
  each: each(testCase),
  skipIf:
    (condition: unknown) =>
    (name: string, fn: TestFunction, timeout?: number): void =>
      testCase(name, fn, timeout, Boolean(condition)),
});

/** vitest's `beforeAll(fn)`: runs once before the first test of the enclosing block. */
export function beforeAll(fn: TestFunction): void {
  currentSuite("beforeAll").beforeAll.push(fn);
}
