import type { Val } from "@wasmcall/core-types";
import type { Workload } from "./workloads/workload.js";

/** Names one contestant of a workload: a strategy through one of its APIs. */
export interface ContestantId {
  /**
   * `raw` (the export called as JavaScript, without the library), `baseline`, `funcstorage`,
   * `store-amortized`, `typed-func`, or `runtime`.
   */
  readonly strategy: string;
  /**
   * `native` (the strategy's own API; for `raw`, the direct call `f(a, b)`), `caller` (the
   * uniform `Caller`), `closures` (the native API over an engine without generated code, as
   * where `new Function` is refused), for `raw` `apply` (`f.apply(null, args)`) and `spread`
   * (`f(...args)`), or for host functions the runtime's `host`, `hostRaw` or `wrap`.
   */
  readonly api: string;
}

/** A contestant made ready to run on a workload's instance. */
export interface Contestant extends ContestantId {
  /** The workload's name. */
  readonly workload: string;
  /** Calls made by one {@link Contestant.run}: 1, or the host calls of a wasm loop. */
  readonly callsPerRun: number;
  /** The measured closure: one run, its result kept alive and returned. */
  readonly run: () => unknown;
  /** The results of a value {@link Contestant.run} returned, as `Val`s. */
  readonly read: (value: unknown) => readonly Val[];
  /** The results a correct run returns. */
  readonly expected: readonly Val[];
}

/** The strategies compared on every workload, as named in reports. */
const STRATEGIES = ["baseline", "funcstorage", "store-amortized", "typed-func"] as const;

/** The strategies also measured over an engine without generated code (`closures`). */
const CLOSURE_STRATEGIES: readonly string[] = ["funcstorage", "store-amortized"];

/**
 * Every contestant of `workload`, in the order they run and are reported: the raw JS API call
 * first (the floor), then the same export called through `apply` and spreading an array of
 * its arguments (what a JS user writes for a dynamic call without the library, unchecked),
 * none of them where the JS API cannot pass the signature (v128); then each strategy through
 * its native API and through the `Caller`, funcstorage and store-amortized also through their
 * native API over an engine without generated code (`closures`). A host workload's contestants
 * define the host function: as a plain JS function (raw), through the runtime's `Func.wrap`,
 * `Func.hostRaw` and `Func.host` (the dynamic strategies have no host API of their own), and
 * through typed-func's `typedHost`.
 */
export function contestantIds(workload: Workload): ContestantId[] {
  const raw: ContestantId = { strategy: "raw", api: "native" };
  if (workload.kind === "host") {
    return [
      raw,
      { strategy: "runtime", api: "wrap" },
      { strategy: "runtime", api: "hostRaw" },
      { strategy: "runtime", api: "host" },
      { strategy: "typed-func", api: "native" },
    ];
  }
  const v128 = workload.params.includes("v128") || workload.results.includes("v128");
  const ids: ContestantId[] = v128
    ? []
    : [raw, { strategy: "raw", api: "apply" }, { strategy: "raw", api: "spread" }];
  for (const strategy of STRATEGIES) {
    ids.push({ strategy, api: "native" }, { strategy, api: "caller" });
    if (CLOSURE_STRATEGIES.includes(strategy)) ids.push({ strategy, api: "closures" });
  }
  return ids;
}

/** `workload/strategy/api`: how `--filter` and progress lines name a contestant. */
export function contestantKey(workload: string, id: ContestantId): string {
  return `${workload}/${id.strategy}/${id.api}`;
}

/**
 * Runs `contestant` once and says what is wrong with its results, or `undefined` when they
 * equal the workload's expected values.
 */
export function checkContestant(contestant: Contestant): string | undefined {
  let actual: readonly Val[];
  try {
    actual = contestant.read(contestant.run());
  } catch (error) {
    return `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
  }
  const expected = contestant.expected;
  const same =
    actual.length === expected.length && actual.every((v, i) => v.equals(expected[i] as Val));
  return same ? undefined : `returned [${actual.join(", ")}], expected [${expected.join(", ")}]`;
}
