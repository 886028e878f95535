import { describe, expect, it } from "vitest";
import { formatGuestResult, guestHasFailures } from "../src/runtime-report.js";

const result = (failed: number, referenceFailed: number) => ({
  runtime: "an engine",
  strategies: {
    baseline: { passed: 9, failed, skipped: 2, skips: { "engine lacks relaxed SIMD": 2 } },
    "js-api": { passed: 5, failed: referenceFailed, skipped: 0, skips: {} },
  },
  failures:
    failed === 0
      ? []
      : [{ strategy: "baseline", name: "i32/i32.wast:3", message: "expected i32:1, got i32:2" }],
});

describe("a guest's result on the command line", () => {
  it("lists the failures, the totals and the skips by category per strategy", () => {
    const text = formatGuestResult(result(1, 4));
    expect(text).toContain("baseline: i32/i32.wast:3: expected i32:1, got i32:2");
    expect(text).toMatch(/baseline\s+9\s+1\s+2/);
    expect(text).toMatch(/js-api \(reference\)\s+5\s+4\s+0/);
    expect(text).toMatch(/engine lacks relaxed SIMD\s+2\s+0/);
  });

  it("fails the run for a strategy's failure, never for the reference's", () => {
    expect(guestHasFailures(result(1, 0))).toBe(true);
    expect(guestHasFailures(result(0, 4))).toBe(false);
  });
});
