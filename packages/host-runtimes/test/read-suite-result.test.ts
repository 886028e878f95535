import { describe, expect, it } from "vitest";
import { readSuiteResult } from "../dist/index.js";

const RESULT = {
  runtime: "Bun 1.4.5 (JavaScriptCore)",
  strategies: { baseline: { passed: 9, failed: 1, skipped: 0 } },
  failures: [
    {
      strategy: "baseline",
      name: "unreached-invalid/unreached-invalid.wast:21",
      message: "assert_invalid: expected invalid, got compiled",
      command: "assert_invalid",
      outcome: "compiled",
    },
    { strategy: "shared", name: "values.test.ts > round-trips", message: "Error: no" },
  ],
};

describe("readSuiteResult", () => {
  it("returns a well-formed result as it is", () => {
    expect(readSuiteResult(RESULT)).toBe(RESULT);
  });

  it("says what is missing or malformed", () => {
    expect(() => readSuiteResult(null)).toThrow("the guest returned null, not a suite result");
    expect(() => readSuiteResult({ ...RESULT, runtime: 1 })).toThrow("has no runtime");
    expect(() => readSuiteResult({ ...RESULT, strategies: null })).toThrow("has no strategies");
    expect(() =>
      readSuiteResult({ ...RESULT, strategies: { baseline: { passed: 1, failed: -1 } } }),
    ).toThrow("the guest's counts of baseline are malformed");
    expect(() => readSuiteResult({ ...RESULT, failures: [{ strategy: "baseline" }] })).toThrow(
      "the guest's failures are malformed",
    );
    const badOutcome = { ...RESULT.failures[1], outcome: 3 };
    expect(() => readSuiteResult({ ...RESULT, failures: [badOutcome] })).toThrow(
      "the guest's failures are malformed",
    );
  });
});
