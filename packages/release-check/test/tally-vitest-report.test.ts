import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tallyVitestReport, type VitestReport } from "../../../scripts/tally-vitest-report.mjs";

const ROOT = "/repo";

/** A report as vitest writes it: one failed test inside two describe blocks, one file that did not load. */
const report: VitestReport & { numFailedTests: number; numFailedTestSuites: number } = {
  numPassedTests: 2,
  numFailedTests: 1,
  numFailedTestSuites: 4,
  testResults: [
    {
      name: join(ROOT, "apps/bench/test/measure.test.ts"),
      status: "failed",
      message: "",
      assertionResults: [
        { fullName: "bytesPerCall reads 0", status: "passed", failureMessages: [] },
        {
          fullName: "bytesPerCall per call divides",
          status: "failed",
          failureMessages: [
            "AssertionError: expected 20 to be close to 16\n    at measure.test.ts:45",
          ],
        },
      ],
    },
    {
      name: join(ROOT, "apps/bench/test/plan.test.ts"),
      status: "passed",
      assertionResults: [{ fullName: "plans", status: "passed", failureMessages: [] }],
    },
    {
      name: join(ROOT, "apps/bench/test/broken.test.ts"),
      status: "failed",
      message: "Error: Cannot find module './gone.js'\nRequire stack: ...",
      assertionResults: [],
    },
  ],
};

describe("the test command's tally of a vitest report", () => {
  it("counts a failed test once, not once per describe block around it", () => {
    const tally = tallyVitestReport(report, ROOT);
    expect(tally.passed).toBe(2);
    expect(tally.failed).toBe(2);
  });

  it("names each failure by file, test and the first line of its message", () => {
    expect(tallyVitestReport(report, ROOT).failures).toEqual([
      "apps/bench/test/measure.test.ts > bytesPerCall per call divides: AssertionError: expected 20 to be close to 16",
      "apps/bench/test/broken.test.ts: Error: Cannot find module './gone.js'",
    ]);
  });

  it("has nothing to name when everything passed", () => {
    const passing = { numPassedTests: 1, testResults: [report.testResults[1]] } as VitestReport;
    expect(tallyVitestReport(passing, ROOT)).toEqual({ passed: 1, failed: 0, failures: [] });
  });
});
