import type { GoalStatus } from "./goals.js";
import type { Failure, Result } from "./results.js";

/** One result as the JSON report holds it. */
export interface JsonResult {
  readonly workload: string;
  readonly strategy: string;
  readonly api: string;
  /** The median time per call (ns). */
  readonly nsPerCall: number;
  /** Bytes allocated per call. */
  readonly bytesPerCall: number;
  readonly ratioToRaw: number | null;
  readonly ratioToBaseline: number | null;
  /** The spread of the time per call (ns). */
  readonly spread: {
    readonly p25: number;
    readonly p75: number;
    readonly min: number;
    readonly max: number;
  };
}

/** The JSON report of a run. */
export interface JsonReport {
  /** `node 20.20.2 (V8 11.3.244.8-node.33)`. */
  readonly runtime: string;
  /** `quick` or `full`. */
  readonly mode: string;
  /** The machine's CPUs and its load average (1 minute) before and after the run. */
  readonly machine: {
    readonly cpus: number;
    readonly loadBefore: number;
    readonly loadAfter: number;
  };
  readonly results: readonly JsonResult[];
  readonly failures: readonly Failure[];
  readonly goals: readonly GoalStatus[];
}

/** The JSON report of a run: where it ran, its results, failures and goals. */
export function jsonReport(
  runtime: string,
  mode: string,
  machine: JsonReport["machine"],
  results: readonly Result[],
  failures: readonly Failure[],
  goals: readonly GoalStatus[],
): JsonReport {
  return {
    runtime,
    mode,
    machine,
    results: results.map((r) => ({
      workload: r.workload,
      strategy: r.strategy,
      api: r.api,
      nsPerCall: r.nsPerCall,
      bytesPerCall: r.bytesPerCall,
      ratioToRaw: r.ratioToRaw,
      ratioToBaseline: r.ratioToBaseline,
      spread: { p25: r.timing.p25, p75: r.timing.p75, min: r.timing.min, max: r.timing.max },
    })),
    failures,
    goals,
  };
}
