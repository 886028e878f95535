import type { ContestantId } from "./contestants.js";
import type { Timing } from "./measure/timing.js";
import type { RuntimeId } from "./runtime-id.js";

/** What was measured of one contestant on one workload in one runtime. */
export interface Measurement extends ContestantId {
  /** The runtime it ran in. */
  readonly runtime: RuntimeId;
  /** The workload's name. */
  readonly workload: string;
  /** Time per call. */
  readonly timing: Timing;
  /** Bytes allocated on the heap per call, or `null` where the runtime cannot tell. */
  readonly bytesPerCall: number | null;
}

/** A contestant that could not be measured: it threw, or returned a wrong result. */
export interface Failure extends ContestantId {
  /** The workload's name. */
  readonly workload: string;
  /** What went wrong. */
  readonly error: string;
}

/** A {@link Failure} in a runtime. */
export interface RuntimeFailure extends Failure {
  /** The runtime it failed in. */
  readonly runtime: RuntimeId;
}

/** One row of the results: a measurement with its ratios to the references of its workload. */
export interface Result extends Measurement {
  /** The median time per call (ns). */
  readonly nsPerCall: number;
  /** `nsPerCall` over the raw call's, or null where the workload has no raw call. */
  readonly ratioToRaw: number | null;
  /**
   * `nsPerCall` over the baseline's through the same API: its `Caller` for a `Caller`, else its
   * native API (for the raw calls and the closures too), or null where the workload has no
   * baseline (host functions).
   */
  readonly ratioToBaseline: number | null;
}

/**
 * The results of one run: each measurement with its ratios, all taken against measurements of
 * the same workload in the same runtime in the same run.
 */
export function withRatios(measurements: readonly Measurement[]): Result[] {
  const find = (of: Measurement, strategy: string, api: string) =>
    measurements.find(
      (m) =>
        m.runtime.name === of.runtime.name &&
        m.workload === of.workload &&
        m.strategy === strategy &&
        m.api === api,
    );
  const ratio = (m: Measurement, reference: Measurement | undefined) =>
    reference === undefined ? null : m.timing.p50 / reference.timing.p50;
  return measurements.map((m) => {
    const baselineApi = m.api === "caller" ? "caller" : "native";
    return {
      ...m,
      nsPerCall: m.timing.p50,
      ratioToRaw: ratio(m, find(m, "raw", "native")),
      ratioToBaseline: ratio(m, find(m, "baseline", baselineApi)),
    };
  });
}

/**
 * The result of `strategy` through `api` on `workload`, if it was measured (in the runtime
 * `runtime`, when given; the first found otherwise).
 */
export function resultOf(
  results: readonly Result[],
  workload: string,
  strategy: string,
  api: string,
  runtime?: string,
): Result | undefined {
  return results.find(
    (r) =>
      r.workload === workload &&
      r.strategy === strategy &&
      r.api === api &&
      (runtime === undefined || r.runtime.name === runtime),
  );
}

/** The runtimes of `results`, each once, in the order they first appear. */
export function runtimesOf(results: readonly { runtime: RuntimeId }[]): RuntimeId[] {
  const seen = new Map<string, RuntimeId>();
  for (const r of results) if (!seen.has(r.runtime.name)) seen.set(r.runtime.name, r.runtime);
  return [...seen.values()];
}
