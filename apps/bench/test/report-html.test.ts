import { describe, expect, it } from "vitest";
import { htmlReport } from "../src/report/report-html.js";
import { workloadNamed } from "../src/workloads/all-workloads.js";
import { measured, NODE, reportOf } from "./fixtures.js";

const workloads = [workloadNamed("nop"), workloadNamed("add-i32"), workloadNamed("v128-add")];
const BUN = { name: "bun", version: "1.4.5" };

describe("htmlReport of one runtime", () => {
  const report = reportOf(
    [
      measured("add-i32", "raw", "native", 3),
      measured("add-i32", "raw", "apply", 7),
      measured("add-i32", "baseline", "native", 900),
      measured("add-i32", "funcstorage", "native", 9),
      measured("add-i32", "typed-func", "caller", 12),
      measured("v128-add", "baseline", "native", 400),
      measured("v128-add", "funcstorage", "native", 40),
    ],
    [{ runtime: NODE, workload: "nop", strategy: "x", api: "native", error: "<threw>" }],
  );
  const page = htmlReport(report, workloads, "node 20 & more");

  it("is a standalone page: nothing is loaded from anywhere", () => {
    expect(page.startsWith("<!doctype html>")).toBe(true);
    expect(page).not.toMatch(/https?:\/\//);
    expect(page).not.toMatch(/<script|<link|<img|@import|url\(/i);
  });

  it("draws one chart per workload that has results, a bar per contestant", () => {
    expect(page.match(/<svg /g)).toHaveLength(2);
    expect(page).toContain("<h2>add-i32</h2>");
    expect(page).not.toContain("<h2>nop</h2>");
    expect(page.match(/<rect data-strategy=/g)).toHaveLength(7);
  });

  it("labels each bar with its ns, ratio and bytes", () => {
    expect(page).toContain("9.00 ns · 3.00x raw · 0 B");
    expect(page).toContain("typed-func · caller");
  });

  it("marks the direct raw call as the floor, apply beside it", () => {
    expect(page.match(/stroke-dasharray="4 3"/g)).toHaveLength(1);
    expect(page).toContain("raw · apply");
    expect(page).toContain("7.00 ns · 2.33x raw · 0 B");
    expect(page.indexOf('data-api="apply"')).toBeLessThan(page.indexOf('data-strategy="baseline"'));
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
    expect(page).toContain("node 20.20.2: nop/x/native: &lt;threw&gt;");
  });
});

describe("htmlReport of several runtimes", () => {
  const report = reportOf(
    [
      measured("add-i32", "raw", "native", 2),
      measured("add-i32", "raw", "spread", 6),
      measured("add-i32", "baseline", "native", 800),
      measured("add-i32", "funcstorage", "native", 8),
      measured("params-and-results", "raw", "native", 4),
      measured("params-and-results", "funcstorage", "native", 24),
      measured("add-i32", "raw", "native", 3, { runtime: BUN, bytesPerCall: null }),
      measured("add-i32", "funcstorage", "native", 15, { runtime: BUN, bytesPerCall: null }),
    ],
    [],
    [{ name: "firefox", error: "firefox is not available: apt-get install firefox-esr" }],
  );
  const page = htmlReport(report, workloads, "two runtimes");

  it("is a standalone page", () => {
    expect(page).not.toMatch(/https?:\/\/|<script|<link|<img|@import|url\(/i);
  });

  it("puts the runtimes side by side in a table per workload", () => {
    expect(page).toContain('<table class="compare">');
    expect(page).toContain('node<div class="version">20.20.2</div>');
    expect(page).toContain('bun<div class="version">1.4.5</div>');
    expect(page).toContain("8.00 ns · 4.00x");
    expect(page).toContain("15.0 ns · 5.00x");
  });

  it("marks a contestant a runtime did not measure, and the baseline off the scale", () => {
    expect(page).toContain('<td class="cell none">-</td>');
    expect(page).toContain("800 ns · 400.0x »");
  });

  it("summarises each strategy's ratio to raw on add-i32 and params-and-results per runtime", () => {
    expect(page).toContain('<table class="summary">');
    expect(page).toMatch(/raw\/spread · add-i32<\/th><td>3.00x<\/td><td>-<\/td>/);
    expect(page).toMatch(/funcstorage · add-i32<\/th><td>4.00x<\/td><td>5.00x<\/td>/);
    expect(page).toMatch(/funcstorage · params-and-results<\/th><td>6.00x<\/td><td>-<\/td>/);
  });

  it("says where allocation was not measured and which runtime could not start", () => {
    expect(page).toContain("bytes per call not measured: no heap reading");
    expect(page).toContain("firefox: firefox is not available: apt-get install firefox-esr");
  });
});
