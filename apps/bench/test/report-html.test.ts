import { describe, expect, it } from "vitest";
import { evaluateGoals } from "../src/goals.js";
import { htmlReport } from "../src/report-html.js";
import { withRatios } from "../src/results.js";
import { workloadNamed } from "../src/workloads/all-workloads.js";
import { result } from "./fixtures.js";

describe("htmlReport", () => {
  const rows = [
    result("add-i32", "raw", "native", 3),
    result("add-i32", "baseline", "native", 900),
    result("add-i32", "funcstorage", "native", 9),
    result("add-i32", "typed-func", "caller", 12),
    result("v128-add", "baseline", "native", 400),
    result("v128-add", "funcstorage", "native", 40),
  ].map(({ nsPerCall, ratioToRaw, ratioToBaseline, ...m }) => m);
  const results = withRatios(rows);
  const workloads = [workloadNamed("nop"), workloadNamed("add-i32"), workloadNamed("v128-add")];
  const failures = [{ workload: "nop", strategy: "x", api: "native", error: "<threw>" }];
  const page = htmlReport(
    "node 20 & more",
    workloads,
    results,
    failures,
    evaluateGoals(results, []),
  );

  it("is a standalone page: nothing is loaded from anywhere", () => {
    expect(page.startsWith("<!doctype html>")).toBe(true);
    expect(page).not.toMatch(/https?:\/\//);
    expect(page).not.toMatch(/<script|<link|<img|@import|url\(/i);
  });

  it("draws one chart per workload that has results", () => {
    expect(page.match(/<svg /g)).toHaveLength(2);
    expect(page).toContain("<h2>add-i32</h2>");
    expect(page).not.toContain("<h2>nop</h2>");
  });

  it("labels each bar with its ns, ratio and bytes", () => {
    expect(page).toContain("9.00 ns · 3.00x raw · 0 B");
    expect(page).toContain("typed-func · caller");
  });

  it("marks the raw call as the floor", () => {
    expect(page).toContain('stroke-dasharray="4 3"');
  });

  it("cuts the baseline's bar off the scale of the others", () => {
    expect(page).toContain("900 ns · 300.0x raw · 0 B (off scale)");
  });

  it("gives the ratio to the baseline where there is no raw call", () => {
    expect(page).toContain("40.0 ns · 0.10x baseline · 0 B");
  });

  it("lists the goals and the failures, escaped", () => {
    expect(page).toContain("Goals");
    expect(page).toContain("node 20 &amp; more");
    expect(page).toContain("nop/x/native: &lt;threw&gt;");
  });
});
