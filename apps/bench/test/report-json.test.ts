import { describe, expect, it } from "vitest";
import { evaluateGoals } from "../src/goals.js";
import { jsonReport } from "../src/report-json.js";
import { withRatios } from "../src/results.js";
import { result } from "./fixtures.js";

describe("jsonReport", () => {
  const rows = [
    result("v128-add", "baseline", "native", 300),
    result("v128-add", "funcstorage", "native", 30, { bytesPerCall: 384 }),
  ].map(({ nsPerCall, ratioToRaw, ratioToBaseline, ...m }) => m);
  const results = withRatios(rows);
  const failures = [{ workload: "nop", strategy: "x", api: "native", error: "threw" }];
  const machine = { cpus: 2, loadBefore: 0.5, loadAfter: 0.7 };
  const report = jsonReport("node 20.20.2 (V8 11.3)", "quick", machine, results, failures, []);
  const parsed = JSON.parse(JSON.stringify(report));

  it("names the runtime and the mode", () => {
    expect(parsed.runtime).toBe("node 20.20.2 (V8 11.3)");
    expect(parsed.mode).toBe("quick");
    expect(parsed.machine).toEqual(machine);
  });

  it("holds one entry per result with the documented fields", () => {
    expect(parsed.results).toHaveLength(2);
    expect(parsed.results[1]).toEqual({
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

  it("writes absent ratios as null", () => {
    expect(parsed.results[0].ratioToRaw).toBeNull();
    expect(parsed.results[0].ratioToBaseline).toBe(1);
  });

  it("keeps the failures and the goals", () => {
    expect(parsed.failures).toEqual(failures);
    const goals = jsonReport("r", "full", machine, results, [], evaluateGoals(results, []));
    expect(goals.goals).toHaveLength(6);
  });
});
