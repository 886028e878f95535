import type { ContestantId } from "./contestants.js";
import type { Timing } from "./measure.js";

/** What was measured of one contestant on one workload. */
export interface Measurement extends ContestantId {
  /** The workload's name. */
  readonly workload: string;
  /** Time per call. */
  readonly timing: Timing;
  /** Bytes allocated on the heap per call. */
  readonly bytesPerCall: number;
}

/** A contestant that could not be measured: it threw, or returned a wrong result. */
export interface Failure extends ContestantId {
  /** The workload's name. */
  readonly workload: string;
  /** What went wrong. */
  readonly error: string;
}

/** One row of the results: a measurement with its ratios to the references of its workload. */
export interface Result extends Measurement {
  /** The median time per call (ns). */
  readonly nsPerCall: number;
  /** `nsPerCall` over the raw call's, or null where the workload has no raw call. */
  readonly ratioToRaw: number | null;
  /**
   * `nsPerCall` over the baseline's through the same API (the raw call's over the baseline's
   * native one), or null where the workload has no such baseline (host functions).
   */
  readonly ratioToBaseline: number | null;
}

/**
 * The results of one run: each measurement with its ratios, all taken against measurements of
 * the same workload in the same run.
 */
export function withRatios(measurements: readonly Measurement[]): Result[] {
  const find = (workload: string, strategy: string, api: string) =>
    measurements.find((m) => m.workload === workload && m.strategy === strategy && m.api === api);
  const ratio = (m: Measurement, reference: Measurement | undefined) =>
    reference === undefined ? null : m.timing.p50 / reference.timing.p50;
  return measurements.map((m) => {
    const baselineApi = m.strategy === "raw" ? "native" : m.api;
    return {
      ...m,
      nsPerCall: m.timing.p50,
      ratioToRaw: ratio(m, find(m.workload, "raw", "native")),
      ratioToBaseline: ratio(m, find(m.workload, "baseline", baselineApi)),
    };
  });
}

/** The result of `strategy` through `api` on `workload`, if it was measured. */
export function resultOf(
  results: readonly Result[],
  workload: string,
  strategy: string,
  api: string,
): Result | undefined {
  return results.find((r) => r.workload === workload && r.strategy === strategy && r.api === api);
}
