import { describe, expect, it } from "vitest";
import { evaluateGoals, type GoalStatus } from "../src/goals.js";
import type { Failure, Result } from "../src/results.js";
import { withRatios } from "../src/results.js";
import { result } from "./fixtures.js";

/** Results on the judged workloads where every contestant takes `ns[strategy/api]`. */
function run(ns: Record<string, number>, bytes: Record<string, number> = {}): Result[] {
  const rows = [];
  for (const workload of ["nop", "params-and-results", "add-i32", "v128-add"]) {
    for (const [key, value] of Object.entries(ns)) {
      const [strategy, api] = key.split("/") as [string, string];
      if (workload === "v128-add" && strategy === "raw") continue;
      const { nsPerCall, ratioToRaw, ratioToBaseline, ...m } = result(
        workload,
        strategy,
        api,
        value,
      );
      rows.push({ ...m, bytesPerCall: workload === "nop" ? (bytes[key] ?? 0) : 0 });
    }
  }
  return withRatios(rows);
}

const GOOD = {
  "raw/native": 10,
  "baseline/native": 500,
  "baseline/caller": 520,
  "funcstorage/native": 20,
  "funcstorage/caller": 22,
  "store-amortized/native": 24,
  "store-amortized/caller": 25,
  "typed-func/native": 11,
  "typed-func/caller": 30,
};

const byGoal = (goals: readonly GoalStatus[], start: string) =>
  goals.find((g) => g.goal.startsWith(start)) as GoalStatus;

describe("evaluateGoals", () => {
  it("marks every goal met when the figures hold", () => {
    const goals = evaluateGoals(run(GOOD), []);
    expect(goals).toHaveLength(6);
    expect(goals.map((g) => g.state)).toEqual(Array(6).fill("met"));
  });

  it("shows the figures each goal was judged on", () => {
    const goals = evaluateGoals(run(GOOD), []);
    expect(byGoal(goals, "typed-func native").figures).toBe("nop 1.10x, add-i32 1.10x");
    expect(byGoal(goals, "baseline").figures).toBe("nop 25.00x");
    expect(byGoal(goals, "0 bytes").figures).toContain("typed-func/caller 0 B");
  });

  it("marks a goal missed when one figure fails, with that figure", () => {
    const goals = evaluateGoals(run({ ...GOOD, "store-amortized/native": 31 }), []);
    const goal = byGoal(goals, "funcstorage and store-amortized");
    expect(goal.state).toBe("missed");
    expect(goal.figures).toContain("store-amortized add-i32 3.10x");
    expect(byGoal(goals, "store-amortized ≤ 1.3x").state).toBe("missed");
  });

  it("misses the ratio goals at their bounds exactly", () => {
    const at = evaluateGoals(run({ ...GOOD, "typed-func/native": 12 }), []);
    expect(byGoal(at, "typed-func native").state).toBe("met");
    const past = evaluateGoals(run({ ...GOOD, "typed-func/native": 12.1 }), []);
    expect(byGoal(past, "typed-func native").state).toBe("missed");
    const slowFs = evaluateGoals(run({ ...GOOD, "funcstorage/native": 51 }), []);
    expect(byGoal(slowFs, "baseline").state).toBe("missed");
  });

  it("misses the allocation goal on any byte", () => {
    const goals = evaluateGoals(run(GOOD, { "funcstorage/caller": 0.1 }), []);
    const goal = byGoal(goals, "0 bytes");
    expect(goal.state).toBe("missed");
    expect(goal.figures).toContain("funcstorage/caller 0.1 B");
  });

  it("says not measured where a contestant is absent", () => {
    const { "typed-func/native": _, "typed-func/caller": __, ...rest } = GOOD;
    const goals = evaluateGoals(run(rest), []);
    expect(byGoal(goals, "typed-func native").state).toBe("not measured");
    expect(byGoal(goals, "typed-func native").figures).toBe(
      "nop not measured, add-i32 not measured",
    );
    expect(byGoal(goals, "v128-add").state).toBe("not measured");
  });

  it("misses the v128 goal when a strategy failed, with its error", () => {
    const { "typed-func/caller": _, ...rest } = GOOD;
    const failure: Failure = {
      workload: "v128-add",
      strategy: "typed-func",
      api: "caller",
      error: "threw TypeError: boom",
    };
    const goal = byGoal(evaluateGoals(run(rest), [failure]), "v128-add");
    expect(goal.state).toBe("missed");
    expect(goal.figures).toContain("typed-func/caller failed (threw TypeError: boom)");
  });
});
