import { describe, expect, it } from "vitest";
import { compareTables, goalMatrix, summaryTable } from "../src/report/compare-table.js";
import { runtimesOf } from "../src/results.js";
import { workloadNamed } from "../src/workloads/all-workloads.js";
import { measured, reportOf } from "./fixtures.js";

const BUN = { name: "bun", version: "1.4.5" };

describe("the side-by-side text tables", () => {
  const report = reportOf([
    measured("add-i32", "raw", "native", 2),
    measured("add-i32", "raw", "apply", 7),
    measured("add-i32", "funcstorage", "native", 8),
    measured("add-i32", "funcstorage", "caller", 9, { bytesPerCall: 40 }),
    measured("params-and-results", "raw", "native", 4),
    measured("params-and-results", "typed-func", "native", 6),
    measured("add-i32", "raw", "native", 3, { runtime: BUN, bytesPerCall: null }),
    measured("add-i32", "funcstorage", "native", 15, { runtime: BUN, bytesPerCall: null }),
  ]);
  const runtimes = runtimesOf(report.results);
  const lines = (text: string) => text.split("\n").map((l) => l.trim().split(/\s{2,}/));

  it("give a column per runtime, its name above its version", () => {
    const table = lines(compareTables([workloadNamed("add-i32")], report.results, runtimes));
    expect(table).toContainEqual(["contestant", "node", "bun"]);
    expect(table).toContainEqual(["20.20.2", "1.4.5"]);
  });

  it("give ns, ratio to raw and bytes where not 0 in each cell, - where not measured", () => {
    const table = lines(compareTables([workloadNamed("add-i32")], report.results, runtimes));
    expect(table.map((row) => row[0]).slice(-4)).toEqual([
      "raw/native",
      "raw/apply",
      "funcstorage/native",
      "funcstorage/caller",
    ]);
    expect(table).toContainEqual(["raw/apply", "7.00 3.50x", "-"]);
    expect(table).toContainEqual(["funcstorage/native", "8.00 4.00x", "15.0 5.00x"]);
    expect(table).toContainEqual(["funcstorage/caller", "9.00 4.50x 40.0B", "-"]);
  });

  it("summarise the ratio to raw per strategy and runtime", () => {
    const summary = lines(summaryTable(report.results, runtimes));
    expect(summary).toContainEqual(["raw/apply add-i32", "3.50x", "-"]);
    expect(summary).toContainEqual(["funcstorage add-i32", "4.00x", "5.00x"]);
    expect(summary).toContainEqual(["typed-func params-and-results", "1.50x", "-"]);
  });

  it("show each goal's state per runtime", () => {
    const matrix = goalMatrix(report.goals, runtimes);
    expect(matrix).toMatch(
      /funcstorage and store-amortized \(native\) against raw.*missed\s+missed/,
    );
    expect(matrix).toMatch(/funcstorage and store-amortized \(native\) below apply.*missed\s+-/);
  });
});
