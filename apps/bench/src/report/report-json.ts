import type { RunReport } from "../run-report.js";
import type { RuntimeId } from "../runtime-id.js";

/** One result as the JSON report holds it. */
export interface JsonResult {
  /** The runtime it was measured in: name and version. */
  readonly runtime: RuntimeId;
  readonly workload: string;
  readonly strategy: string;
  readonly api: string;
  /** The median time per call (ns). */
  readonly nsPerCall: number;
  /** Bytes allocated per call, or `null` where the runtime cannot measure them. */
  readonly bytesPerCall: number | null;
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

/**
 * The JSON report of a run (the CLI's `--json`, and the web page's download): the run's report
 * with each result as {@link JsonResult}.
 */
export interface JsonReport extends Omit<RunReport, "results"> {
  readonly results: readonly JsonResult[];
}

/** The JSON report of a run: where it ran, its results, failures and goals. */
export function jsonReport(report: RunReport): JsonReport {
  return {
    mode: report.mode,
    machine: report.machine,
    runtimes: report.runtimes,
    unavailable: report.unavailable,
    results: report.results.map((r) => ({
      runtime: r.runtime,
      workload: r.workload,
      strategy: r.strategy,
      api: r.api,
      nsPerCall: r.nsPerCall,
      bytesPerCall: r.bytesPerCall,
      ratioToRaw: r.ratioToRaw,
      ratioToBaseline: r.ratioToBaseline,
      spread: { p25: r.timing.p25, p75: r.timing.p75, min: r.timing.min, max: r.timing.max },
    })),
    failures: report.failures,
    goals: report.goals,
  };
}
