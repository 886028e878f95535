import { type Caller, Val } from "@wasmcall/core-types";
import { expect } from "vitest";

/**
 * Calls through `caller` with `params` (not necessarily `Val`s: the tests of bad arguments pass
 * anything) and returns the results, written into a fresh array of the right length.
 */
export function invoke(caller: Caller, params: readonly unknown[]): Val[] {
  const results = caller.type.results.map((t) => Val.default(t));
  caller.call(params as readonly Val[], results);
  return results;
}

/** What `action` throws; fails the test when it throws nothing. */
export function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error, but nothing was thrown");
}

/** Checks that `actual` has the type and the very bits (or reference) of `expected`. */
export function expectSameVal(actual: Val | undefined, expected: Val, what = "value"): void {
  expect(actual, what).toBeInstanceOf(Val);
  const val = actual as Val;
  expect(String(val), what).toBe(String(expected));
  expect(val.equals(expected), `${what}: ${val} is ${expected}, bit for bit`).toBe(true);
}

/** Checks every value of `actual` with {@link expectSameVal}. */
export function expectSameVals(actual: readonly Val[], expected: readonly Val[], what = ""): void {
  expect(actual.length, `${what} count`).toBe(expected.length);
  expected.forEach((v, i) => {
    expectSameVal(actual[i], v, `${what} value ${i}`);
  });
}
