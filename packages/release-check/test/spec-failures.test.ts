import { describe, expect, it } from "vitest";
import { type SpecReport, specFailures } from "../../../scripts/spec-failures.mjs";

const failure = (line: number) => ({
  where: `i32/i32.wast:${line}`,
  command: `assert_return invoke "add"(i32:1, i32:${line})`,
  expected: `i32:${line + 1}`,
  actual: "i32:0",
});

/** A spec report: baseline failing 4 commands in two files, funcstorage passing, the reference failing. */
const report: SpecReport = {
  strategies: {
    baseline: { failed: 4 },
    funcstorage: { failed: 0 },
    "js-api": { failed: 7, reference: true },
  },
  files: {
    "i32/i32.json": {
      baseline: { failures: [failure(1), failure(2)] },
      "js-api": { failures: [failure(1)] },
    },
    "i64/i64.json": { baseline: { failures: [failure(3), failure(4)] } },
  },
};

describe("the test command's lines for the spec app's failures", () => {
  it("names each failing strategy with its count and its first failures", () => {
    expect(specFailures(report, 3)).toEqual([
      'spec app, baseline: 4 failed, first: i32/i32.wast:1 assert_return invoke "add"(i32:1, i32:1): expected i32:2, got i32:0; i32/i32.wast:2 assert_return invoke "add"(i32:1, i32:2): expected i32:3, got i32:0; i32/i32.wast:3 assert_return invoke "add"(i32:1, i32:3): expected i32:4, got i32:0',
    ]);
  });

  it("gives the count alone when the report lists no failure", () => {
    expect(specFailures({ strategies: { baseline: { failed: 2 } } })).toEqual([
      "spec app, baseline: 2 failed",
    ]);
  });
});
