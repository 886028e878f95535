import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { benchFiles } from "../src/host/bench-files.js";
import {
  type RuntimeOutcome,
  type RuntimeSetup,
  runInRuntime,
} from "../src/host/run-in-runtime.js";
import { planRun } from "../src/plan.js";
import { workloadBinaries } from "../src/workloads/workload-binaries.js";

/** The built guest, run for real: one workload, six contestants, a tiny budget. */
async function setup(): Promise<RuntimeSetup> {
  const plans = planRun(/^add-i32\/funcstorage\/native$/);
  return {
    plans,
    budget: { passes: 2, warmupNs: 1e6, sampleNs: 2e6 },
    binaries: await workloadBinaries(plans.map((p) => p.workload)),
    files: benchFiles(resolve(import.meta.dirname, "../dist")),
    progress: () => {},
  };
}

const contestants = [
  "raw/native",
  "raw/apply",
  "raw/spread",
  "baseline/native",
  "baseline/caller",
  "funcstorage/native",
];

/**
 * What went wrong in a runtime, as text: why it was unavailable, and each failure's contestant
 * and error. Compared with [] so that a failing test's message names the guest's error.
 */
function errorsOf(outcome: RuntimeOutcome): string[] {
  const unavailable = outcome.unavailable === undefined ? [] : [outcome.unavailable.error];
  const failures = outcome.failures.map((f) => `${f.workload} ${f.strategy}/${f.api}: ${f.error}`);
  return [...unavailable, ...failures];
}

describe("runInRuntime", () => {
  it("measures in fresh Node processes, allocation included", async () => {
    const outcome = await runInRuntime("node", await setup());
    expect(errorsOf(outcome)).toEqual([]);
    expect(outcome.run?.runtime).toEqual({ name: "node", version: process.versions.node });
    expect(outcome.run?.description).toMatch(/^Node v/);
    expect(outcome.run?.noAllocation).toBeNull();
    expect(outcome.measurements.map((m) => `${m.strategy}/${m.api}`)).toEqual(contestants);
    for (const m of outcome.measurements) {
      expect(m.runtime.name).toBe("node");
      expect(m.timing.samples).toBeGreaterThan(12);
      expect(m.bytesPerCall).toBeTypeOf("number");
    }
  }, 60_000);

  it("measures in Bun, where allocation is not measured", async () => {
    const outcome = await runInRuntime("bun", await setup());
    expect(errorsOf(outcome)).toEqual([]);
    expect(outcome.run?.noAllocation).toMatch(/JavaScriptCore/);
    expect(outcome.measurements).toHaveLength(contestants.length);
    expect(outcome.measurements.every((m) => m.bytesPerCall === null)).toBe(true);
  }, 60_000);

  it("measures in Chromium, each pass in a worker of one page", async () => {
    const outcome = await runInRuntime("chromium", await setup());
    expect(errorsOf(outcome)).toEqual([]);
    expect(outcome.run?.runtime.name).toBe("chromium");
    expect(outcome.run?.description).toMatch(/Chrome\//);
    expect(outcome.measurements.map((m) => `${m.strategy}/${m.api}`)).toEqual(contestants);
    expect(outcome.measurements.every((m) => m.bytesPerCall === null)).toBe(true);
  }, 120_000);
});
