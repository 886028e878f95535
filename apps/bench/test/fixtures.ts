import { type Measurement, type Result, runtimesOf } from "../src/results.js";
import { type RunFindings, type RunReport, runReport } from "../src/run-report.js";
import type { RuntimeId } from "../src/runtime-id.js";

/** The runtime fixtures are measured in unless told otherwise. */
export const NODE: RuntimeId = { name: "node", version: "20.20.2" };

/**
 * A result of `strategy` through `api` on `workload` taking `ns` per call, as the bench makes
 * them (ratios to be filled in by `withRatios`, or given).
 */
export function result(
  workload: string,
  strategy: string,
  api: string,
  ns: number,
  extra: Partial<Result> = {},
): Result {
  return {
    runtime: NODE,
    workload,
    strategy,
    api,
    timing: { p50: ns, p25: ns * 0.9, p75: ns * 1.1, min: ns * 0.8, max: ns * 2, samples: 100 },
    bytesPerCall: 0,
    nsPerCall: ns,
    ratioToRaw: null,
    ratioToBaseline: null,
    ...extra,
  };
}

/** A measurement as {@link result} makes it, without the ratios. */
export function measured(
  workload: string,
  strategy: string,
  api: string,
  ns: number,
  extra: Partial<Measurement> = {},
): Measurement {
  const { nsPerCall, ratioToRaw, ratioToBaseline, ...m } = result(
    workload,
    strategy,
    api,
    ns,
    extra,
  );
  return m;
}

/** The report of a run that measured `measurements` in the runtimes they name. */
export function reportOf(
  measurements: readonly Measurement[],
  failures: RunFindings["failures"] = [],
  unavailable: RunFindings["unavailable"] = [],
): RunReport {
  return runReport({
    mode: "quick",
    machine: { cpus: 2, loadBefore: 0.5, loadAfter: 0.7 },
    runtimes: runtimesOf(measurements).map((runtime) => ({
      runtime,
      description: `${runtime.name} ${runtime.version} (an engine)`,
      noAllocation: runtime.name === "bun" ? "no heap reading" : null,
    })),
    unavailable,
    measurements,
    failures,
  });
}
