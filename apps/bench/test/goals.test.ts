import { describe, expect, it } from "vitest";
import type { GoalStatus } from "../src/goal-status.js";
import { evaluateGoals } from "../src/goals.js";
import type { Failure, Result } from "../src/results.js";
import { withRatios } from "../src/results.js";
import { measured } from "./fixtures.js";

/** The workloads the goals are judged on. */
const WORKLOADS = [
  "nop",
  "params-and-results",
  "add-i32",
  "params-16",
  "i64-identity",
  "f64-add",
  "v128-add",
];

/** Figures of single contestants on single workloads, by `workload/strategy/api`. */
interface Overrides {
  readonly ns?: Readonly<Record<string, number>>;
  readonly bytes?: Readonly<Record<string, number | null>>;
}

/**
 * Results on the judged workloads where every contestant takes `ns[strategy/api]` and
 * allocates nothing, but where `overrides` say otherwise. The raw calls do not run v128-add.
 */
function run(ns: Record<string, number>, overrides: Overrides = {}): Result[] {
  const rows = [];
  for (const workload of WORKLOADS) {
    for (const [key, value] of Object.entries(ns)) {
      const [strategy, api] = key.split("/") as [string, string];
      if (workload === "v128-add" && strategy === "raw") continue;
      const id = `${workload}/${key}`;
      const bytes = overrides.bytes?.[id];
      rows.push(
        measured(workload, strategy, api, overrides.ns?.[id] ?? value, {
          bytesPerCall: bytes === undefined ? 0 : bytes,
        }),
      );
    }
  }
  return withRatios(rows);
}

const GOOD = {
  "raw/native": 10,
  "raw/apply": 30,
  "raw/spread": 32,
  "baseline/native": 500,
  "baseline/caller": 520,
  "funcstorage/native": 12,
  "funcstorage/caller": 13,
  "store-amortized/native": 12.5,
  "store-amortized/caller": 14,
  "typed-func/native": 11,
  "typed-func/caller": 13,
};

const byGoal = (goals: readonly GoalStatus[], start: string) => {
  const found = goals.find((g) => g.goal.startsWith(start));
  if (found === undefined) throw new Error(`no goal starts with ${start}`);
  return found;
};

/** The goals' names the tests find them by, in the order they are reported. */
const GOALS = [
  "funcstorage and store-amortized (native) against raw",
  "funcstorage and store-amortized (native) below apply",
  "typed-func native against raw",
  "funcstorage, store-amortized and typed-func through the Caller",
  "v128-add: 0 bytes/call",
  "v128-add ≤ 4x",
  "v128-add through every strategy",
  "0 bytes/call on nop",
  "baseline ≥ 10x",
];

describe("evaluateGoals", () => {
  it("marks every goal met when the figures hold", () => {
    const goals = evaluateGoals(run(GOOD), []);
    expect(goals.map((g, i) => g.goal.startsWith(GOALS[i] as string))).toEqual(
      GOALS.map(() => true),
    );
    expect(goals.map((g) => `${g.state}: ${g.goal}`)).toEqual(goals.map((g) => `met: ${g.goal}`));
  });

  it("states the bounds and shows the figures each goal was judged on", () => {
    const goals = evaluateGoals(run(GOOD), []);
    expect(byGoal(goals, GOALS[0] as string).goal).toContain(
      "nop ≤ 1.3x, add-i32 ≤ 2.5x, params-and-results ≤ 2x, f64-add ≤ 1.5x, i64-identity ≤ 1.5x, params-16 ≤ 3.5x",
    );
    expect(byGoal(goals, "typed-func native").figures).toBe(
      "typed-func nop 1.10x, typed-func add-i32 1.10x, typed-func params-16 1.10x",
    );
    expect(byGoal(goals, GOALS[1] as string).figures).toContain("store-amortized nop 0.42x");
    expect(byGoal(goals, GOALS[3] as string).figures).toContain("typed-func v128-add 1.18x");
    expect(byGoal(goals, "v128-add ≤ 4x").figures).toContain("store-amortized/caller 1.12x");
    expect(byGoal(goals, "baseline").figures).toBe("nop 41.67x");
    expect(byGoal(goals, "0 bytes/call on nop").figures).toContain(
      "store-amortized/caller f64-add 0 B",
    );
    expect(byGoal(goals, "v128-add: 0 bytes").figures).toContain("typed-func/caller 0 B");
  });

  it("misses the bound of one workload, with that figure", () => {
    const goals = evaluateGoals(run(GOOD, { ns: { "f64-add/store-amortized/native": 15.1 } }), []);
    const goal = byGoal(goals, GOALS[0] as string);
    expect(goal.state).toBe("missed");
    expect(goal.figures).toContain("store-amortized f64-add 1.51x");
    expect(goal.figures).toContain("store-amortized params-16 1.25x");
  });

  it("misses the ratio goals past their bounds, meets them at their bounds exactly", () => {
    const at = evaluateGoals(
      run({ ...GOOD, "funcstorage/native": 13, "typed-func/native": 12 }),
      [],
    );
    expect(byGoal(at, GOALS[0] as string).state).toBe("met");
    expect(byGoal(at, "typed-func native").state).toBe("met");
    const past = evaluateGoals(run({ ...GOOD, "typed-func/native": 12.1 }), []);
    expect(byGoal(past, "typed-func native").state).toBe("missed");
    const slowFs = evaluateGoals(run({ ...GOOD, "funcstorage/native": 51 }), []);
    expect(byGoal(slowFs, "baseline").state).toBe("missed");
  });

  it("misses the apply goal when funcstorage is not below apply, on any workload", () => {
    const goals = evaluateGoals(run(GOOD, { ns: { "params-16/raw/apply": 12 } }), []);
    const goal = byGoal(goals, GOALS[1] as string);
    expect(goal.state).toBe("missed");
    expect(goal.figures).toContain("funcstorage params-16 1.00x");
    expect(goal.figures).toContain("funcstorage add-i32 0.40x");
  });

  it("judges the apply goal only where apply runs", () => {
    const { "raw/apply": _, ...noApply } = GOOD;
    const none = byGoal(evaluateGoals(run(noApply), []), GOALS[1] as string);
    expect(none).toMatchObject({ state: "not measured", figures: "not measured" });
    const some = run(noApply).concat(withRatios([measured("nop", "raw", "apply", 30)]));
    const goal = byGoal(evaluateGoals(some, []), GOALS[1] as string);
    expect(goal).toMatchObject({
      state: "met",
      figures: "funcstorage nop 0.40x, store-amortized nop 0.42x",
    });
  });

  it("misses the Caller goal when a Caller is past 1.2x its native API", () => {
    const goals = evaluateGoals(run(GOOD, { ns: { "nop/typed-func/caller": 14 } }), []);
    const goal = byGoal(goals, GOALS[3] as string);
    expect(goal.state).toBe("missed");
    expect(goal.figures).toContain("typed-func nop 1.27x");
  });

  it("misses the v128 speed goal past 4x the strategy's f64-add", () => {
    const goals = evaluateGoals(run(GOOD, { ns: { "v128-add/funcstorage/caller": 48.5 } }), []);
    const goal = byGoal(goals, "v128-add ≤ 4x");
    expect(goal.state).toBe("missed");
    expect(goal.figures).toContain("funcstorage/caller 4.04x");
  });

  it("misses the allocation goals on any byte", () => {
    const goals = evaluateGoals(
      run(GOOD, {
        bytes: { "f64-add/funcstorage/caller": 0.1, "v128-add/typed-func/native": 16 },
      }),
      [],
    );
    const numbers = byGoal(goals, "0 bytes/call on nop");
    expect(numbers.state).toBe("missed");
    expect(numbers.figures).toContain("funcstorage/caller f64-add 0.1 B");
    const v128 = byGoal(goals, "v128-add: 0 bytes");
    expect(v128.state).toBe("missed");
    expect(v128.figures).toContain("typed-func/native 16 B");
  });

  it("says not measured, not missed, where the runtime cannot measure allocation", () => {
    const bytes = Object.fromEntries(
      WORKLOADS.flatMap((w) => Object.keys(GOOD).map((key) => [`${w}/${key}`, null])),
    );
    const goals = evaluateGoals(run(GOOD, { bytes }), []);
    for (const start of ["0 bytes/call on nop", "v128-add: 0 bytes"]) {
      expect(byGoal(goals, start).state).toBe("not measured");
    }
    expect(byGoal(goals, "0 bytes/call on nop").figures).toContain(
      "funcstorage/native nop not measured",
    );
    expect(byGoal(goals, GOALS[0] as string).state).toBe("met");
  });

  it("says not measured where a contestant is absent", () => {
    const { "typed-func/native": _, "typed-func/caller": __, ...rest } = GOOD;
    const goals = evaluateGoals(run(rest), []);
    expect(byGoal(goals, "typed-func native").state).toBe("not measured");
    expect(byGoal(goals, "typed-func native").figures).toBe(
      "typed-func nop not measured, typed-func add-i32 not measured, typed-func params-16 not measured",
    );
    expect(byGoal(goals, "v128-add through").state).toBe("not measured");
    expect(byGoal(goals, GOALS[3] as string).figures).not.toContain("typed-func");
  });

  it("misses the v128 goal when a strategy failed, with its error", () => {
    const { "typed-func/caller": _, ...rest } = GOOD;
    const failure: Failure = {
      workload: "v128-add",
      strategy: "typed-func",
      api: "caller",
      error: "threw TypeError: boom",
    };
    const goal = byGoal(evaluateGoals(run(rest), [failure]), "v128-add through");
    expect(goal.state).toBe("missed");
    expect(goal.figures).toContain("typed-func/caller failed (threw TypeError: boom)");
  });
});
