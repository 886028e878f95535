import { describe, expect, it } from "vitest";
import { jsonReport } from "../src/report/report-json.js";
import { measured, NODE, reportOf } from "./fixtures.js";

describe("jsonReport", () => {
  const BUN = { name: "bun", version: "1.4.5" };
  const failures = [
    { runtime: NODE, workload: "nop", strategy: "x", api: "native", error: "threw" },
  ];
  const unavailable = [{ name: "firefox", error: "firefox is not available: install it" }];
  const report = reportOf(
    [
      measured("v128-add", "baseline", "native", 300),
      measured("v128-add", "funcstorage", "native", 30, { bytesPerCall: 384 }),
      measured("v128-add", "funcstorage", "native", 20, { runtime: BUN, bytesPerCall: null }),
    ],
    failures,
    unavailable,
  );
  const parsed = JSON.parse(JSON.stringify(jsonReport(report)));

  it("names the mode, the machine and every runtime that ran, with its version", () => {
    expect(parsed.mode).toBe("quick");
    expect(parsed.machine).toEqual({ cpus: 2, loadBefore: 0.5, loadAfter: 0.7 });
    expect(parsed.runtimes).toEqual([
      { runtime: NODE, description: "node 20.20.2 (an engine)", noAllocation: null },
      { runtime: BUN, description: "bun 1.4.5 (an engine)", noAllocation: "no heap reading" },
    ]);
  });

  it("holds one entry per result, with its runtime and the documented fields", () => {
    expect(parsed.results).toHaveLength(3);
    expect(parsed.results[1]).toEqual({
      runtime: { name: "node", version: "20.20.2" },
      workload: "v128-add",
      strategy: "funcstorage",
      api: "native",
      nsPerCall: 30,
      bytesPerCall: 384,
      ratioToRaw: null,
      ratioToBaseline: 0.1,
      spread: { p25: 27, p75: 33, min: 24, max: 60 },
    });
  });

  it("writes absent ratios and bytes not measured as null", () => {
    expect(parsed.results[0].ratioToRaw).toBeNull();
    expect(parsed.results[0].ratioToBaseline).toBe(1);
    expect(parsed.results[2].bytesPerCall).toBeNull();
    expect(parsed.results[2].ratioToBaseline).toBeNull();
  });

  it("keeps the failures, the runtimes not started, and the goals of each runtime", () => {
    expect(parsed.failures).toEqual(failures);
    expect(parsed.unavailable).toEqual(unavailable);
    expect(parsed.goals.map((g: { runtime: string }) => g.runtime)).toEqual(["node", "bun"]);
    expect(parsed.goals[0].goals).toHaveLength(9);
  });
});
