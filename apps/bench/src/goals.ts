import { type Failure, type Result, resultOf } from "./results.js";

/** Where a goal stands after a run. */
export type GoalState = "met" | "missed" | "not measured";

/** A goal evaluated on one run's results. */
export interface GoalStatus {
  /** The goal, as a sentence. */
  readonly goal: string;
  /** `met` when every check holds, `missed` when one fails, else `not measured`. */
  readonly state: GoalState;
  /** The figures each check was judged on: `nop 1.05x, add-i32 1.12x`. */
  readonly figures: string;
}

/** One figure a goal is judged on: its label, its value as text, and whether it holds. */
interface Check {
  readonly label: string;
  /** The figure as text, or undefined when it was not measured. */
  readonly value: string | undefined;
  readonly holds: boolean;
}

/** The workloads whose body does something on which the speed goals are judged, and nop. */
const JUDGED = ["nop", "params-and-results", "add-i32"] as const;

/**
 * Evaluates the project's goals on the results of one runtime in one run (ratios within
 * that run):
 *
 * - typed-func native ≤ 1.2x raw on nop and add-i32;
 * - funcstorage and store-amortized native ≤ 3x raw on nop, params-and-results and add-i32;
 * - store-amortized ≤ 1.3x funcstorage (native) on those three workloads;
 * - baseline ≥ 10x funcstorage (native) on nop;
 * - 0 bytes per call on nop for funcstorage, store-amortized and typed-func (native, caller);
 * - v128-add runs, with the right result, through every strategy (native and caller).
 */
export function evaluateGoals(
  results: readonly Result[],
  failures: readonly Failure[],
): GoalStatus[] {
  const get = (workload: string, strategy: string, api = "native") =>
    resultOf(results, workload, strategy, api);
  const ratioCheck = (label: string, ratio: number | undefined, ok: (r: number) => boolean) => ({
    label,
    value: ratio === undefined ? undefined : `${ratio.toFixed(2)}x`,
    holds: ratio !== undefined && ok(ratio),
  });
  const toRaw = (workload: string, strategy: string) =>
    get(workload, strategy)?.ratioToRaw ?? undefined;
  const between = (workload: string, over: string, under: string): number | undefined => {
    const a = get(workload, over);
    const b = get(workload, under);
    return a === undefined || b === undefined ? undefined : a.nsPerCall / b.nsPerCall;
  };
  const apis = ["native", "caller"];
  return [
    goal(
      "typed-func native ≤ 1.2x raw on nop and add-i32",
      ["nop", "add-i32"].map((w) => ratioCheck(w, toRaw(w, "typed-func"), (r) => r <= 1.2)),
    ),
    goal(
      "funcstorage and store-amortized native ≤ 3x raw on nop, params-and-results and add-i32",
      ["funcstorage", "store-amortized"].flatMap((s) =>
        JUDGED.map((w) => ratioCheck(`${s} ${w}`, toRaw(w, s), (r) => r <= 3)),
      ),
    ),
    goal(
      "store-amortized ≤ 1.3x funcstorage (native) on nop, params-and-results and add-i32",
      JUDGED.map((w) =>
        ratioCheck(w, between(w, "store-amortized", "funcstorage"), (r) => r <= 1.3),
      ),
    ),
    goal("baseline ≥ 10x funcstorage (native) on nop", [
      ratioCheck("nop", between("nop", "baseline", "funcstorage"), (r) => r >= 10),
    ]),
    goal(
      "0 bytes/call on nop for funcstorage, store-amortized and typed-func (native and caller)",
      ["funcstorage", "store-amortized", "typed-func"].flatMap((s) =>
        apis.map((api) => {
          const bytes = get("nop", s, api)?.bytesPerCall;
          return {
            label: `${s}/${api}`,
            value: bytes === undefined || bytes === null ? undefined : `${bytes} B`,
            holds: bytes === 0,
          };
        }),
      ),
    ),
    goal(
      "v128-add through every strategy (native and caller), with the right result",
      ["baseline", "funcstorage", "store-amortized", "typed-func"].flatMap((s) =>
        apis.map((api) => {
          const failure = failures.find(
            (f) => f.workload === "v128-add" && f.strategy === s && f.api === api,
          );
          const ran = get("v128-add", s, api) !== undefined;
          return {
            label: `${s}/${api}`,
            value: failure !== undefined ? `failed (${failure.error})` : ran ? "ok" : undefined,
            holds: ran,
          };
        }),
      ),
    ),
  ];
}

function goal(text: string, checks: readonly Check[]): GoalStatus {
  const state: GoalState = checks.some((c) => c.value !== undefined && !c.holds)
    ? "missed"
    : checks.every((c) => c.holds)
      ? "met"
      : "not measured";
  const figures = checks.map((c) => `${c.label} ${c.value ?? "not measured"}`).join(", ");
  return { goal: text, state, figures };
}
