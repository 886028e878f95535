import {
  type Check,
  type GoalStatus,
  goalStatus,
  ratioCheck,
  zeroBytesCheck,
} from "./goal-status.js";
import { type Failure, type Result, resultOf } from "./results.js";
import { CALL_WORKLOADS } from "./workloads/call-workloads.js";

/** The dynamic strategies the speed and allocation goals hold to. */
const DYNAMIC = ["funcstorage", "store-amortized"] as const;

/** The strategies judged through the `Caller` and on v128 beside their native API. */
const CHECKED = [...DYNAMIC, "typed-func"] as const;

/** The APIs of a strategy the bench measures on every call workload. */
const APIS = ["native", "caller"] as const;

/** The bounds of funcstorage and store-amortized (native), x raw, by workload. */
const DYNAMIC_BOUNDS: Readonly<Record<string, number>> = {
  nop: 1.3,
  "add-i32": 2.5,
  "params-and-results": 2.0,
  "f64-add": 1.5,
  "i64-identity": 1.5,
  "params-16": 3.5,
};

/** The bounds of typed-func (native), x raw, by workload. */
const TYPED_BOUNDS: Readonly<Record<string, number>> = {
  nop: 1.2,
  "add-i32": 1.2,
  "params-16": 3.5,
};

/** The workloads on which funcstorage and store-amortized must allocate nothing. */
const NO_ALLOCATION = ["nop", "add-i32", "params-and-results", "f64-add"] as const;

/** `nop ≤ 1.3x, add-i32 ≤ 2.5x`: bounds as the goals' sentences give them. */
const boundsText = (bounds: Readonly<Record<string, number>>) =>
  Object.entries(bounds)
    .map(([workload, bound]) => `${workload} ≤ ${bound}x`)
    .join(", ");

/**
 * Evaluates the project's goals on the results of one runtime in one run (ratios are ns per
 * call over raw's ns per call of the same workload, within that run):
 *
 * - funcstorage and store-amortized (native) ≤ 1.3x raw on nop, 2.5x on add-i32, 2x on
 *   params-and-results, 1.5x on f64-add and i64-identity, 3.5x on params-16;
 * - funcstorage and store-amortized (native) below `apply` (the raw export through
 *   `f.apply(null, args)`) on every workload where apply runs;
 * - typed-func native ≤ 1.2x raw on nop and add-i32, ≤ 3.5x on params-16;
 * - funcstorage, store-amortized and typed-func through the `Caller` within 1.2x of the same
 *   strategy's native API, on every call workload measured;
 * - v128-add: 0 bytes per call through funcstorage, store-amortized and typed-func (native and
 *   caller);
 * - v128-add through each of those ≤ 4x the same strategy's f64-add (native);
 * - v128-add runs, with the right result, through every strategy (native and caller);
 * - 0 bytes per call on nop, add-i32, params-and-results and f64-add for funcstorage and
 *   store-amortized (native and caller);
 * - baseline ≥ 10x funcstorage (native) on nop.
 *
 * A figure that was not measured (a contestant absent, or bytes per call `null` where the
 * runtime cannot measure allocation) leaves its goal `not measured`, never `missed`.
 */
export function evaluateGoals(
  results: readonly Result[],
  failures: readonly Failure[],
): GoalStatus[] {
  const get = (workload: string, strategy: string, api = "native") =>
    resultOf(results, workload, strategy, api);
  const over = (a: Result | undefined, b: Result | undefined): number | undefined =>
    a === undefined || b === undefined ? undefined : a.nsPerCall / b.nsPerCall;
  const toRaw = (workload: string, strategy: string) =>
    get(workload, strategy)?.ratioToRaw ?? undefined;
  const boundChecks = (strategy: string, bounds: Readonly<Record<string, number>>) =>
    Object.entries(bounds).map(([w, bound]) =>
      ratioCheck(`${strategy} ${w}`, toRaw(w, strategy), (r) => r <= bound),
    );
  const calls = CALL_WORKLOADS.map((w) => w.name);
  const withApply = calls.filter((w) => get(w, "raw", "apply") !== undefined);
  return [
    goalStatus(
      `funcstorage and store-amortized (native) against raw: ${boundsText(DYNAMIC_BOUNDS)}`,
      DYNAMIC.flatMap((s) => boundChecks(s, DYNAMIC_BOUNDS)),
    ),
    goalStatus(
      "funcstorage and store-amortized (native) below apply on every workload where apply runs",
      DYNAMIC.flatMap((s) =>
        withApply.map((w) =>
          ratioCheck(`${s} ${w}`, over(get(w, s), get(w, "raw", "apply")), (r) => r < 1),
        ),
      ),
    ),
    goalStatus(
      `typed-func native against raw: ${boundsText(TYPED_BOUNDS)}`,
      boundChecks("typed-func", TYPED_BOUNDS),
    ),
    goalStatus(
      "funcstorage, store-amortized and typed-func through the Caller ≤ 1.2x their native API, on every call workload measured",
      CHECKED.flatMap((s) =>
        calls
          .filter((w) => get(w, s) !== undefined || get(w, s, "caller") !== undefined)
          .map((w) =>
            ratioCheck(`${s} ${w}`, over(get(w, s, "caller"), get(w, s)), (r) => r <= 1.2),
          ),
      ),
    ),
    goalStatus(
      "v128-add: 0 bytes/call through funcstorage, store-amortized and typed-func (native and caller)",
      CHECKED.flatMap((s) =>
        APIS.map((api) => zeroBytesCheck(`${s}/${api}`, get("v128-add", s, api)?.bytesPerCall)),
      ),
    ),
    goalStatus(
      "v128-add ≤ 4x the same strategy's f64-add (native), for funcstorage, store-amortized and typed-func (native and caller)",
      CHECKED.flatMap((s) =>
        APIS.map((api) =>
          ratioCheck(
            `${s}/${api}`,
            over(get("v128-add", s, api), get("f64-add", s)),
            (r) => r <= 4,
          ),
        ),
      ),
    ),
    goalStatus(
      "v128-add through every strategy (native and caller), with the right result",
      ["baseline", ...CHECKED].flatMap((s) =>
        APIS.map((api) => v128Check(results, failures, s, api)),
      ),
    ),
    goalStatus(
      `0 bytes/call on ${NO_ALLOCATION.join(", ")} for funcstorage and store-amortized (native and caller)`,
      DYNAMIC.flatMap((s) =>
        APIS.flatMap((api) =>
          NO_ALLOCATION.map((w) =>
            zeroBytesCheck(`${s}/${api} ${w}`, get(w, s, api)?.bytesPerCall),
          ),
        ),
      ),
    ),
    goalStatus("baseline ≥ 10x funcstorage (native) on nop", [
      ratioCheck("nop", over(get("nop", "baseline"), get("nop", "funcstorage")), (r) => r >= 10),
    ]),
  ];
}

/** Whether `strategy` through `api` ran v128-add with the right result, or how it failed. */
function v128Check(
  results: readonly Result[],
  failures: readonly Failure[],
  strategy: string,
  api: string,
): Check {
  const failure = failures.find(
    (f) => f.workload === "v128-add" && f.strategy === strategy && f.api === api,
  );
  const ran = resultOf(results, "v128-add", strategy, api) !== undefined;
  return {
    label: `${strategy}/${api}`,
    value: failure !== undefined ? `failed (${failure.error})` : ran ? "ok" : undefined,
    holds: ran,
  };
}
