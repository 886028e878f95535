import type { GoalStatus } from "./goal-status.js";
import { evaluateGoals } from "./goals.js";
import { type Measurement, type Result, type RuntimeFailure, withRatios } from "./results.js";
import type { RuntimeId } from "./runtime-id.js";

/** A runtime the bench ran in. */
export interface RuntimeRun {
  readonly runtime: RuntimeId;
  /**
   * How the runtime describes itself (`Node v20.20.2 (V8 11.3.244.8-node.33)`, a user agent),
   * or `""` when no guest ran to the end there.
   */
  readonly description: string;
  /** Why bytes per call could not be measured there, or `null` when they were. */
  readonly noAllocation: string | null;
}

/** A runtime asked for that could not be started. */
export interface UnavailableRuntime {
  readonly name: string;
  /** What went wrong, and what to install. */
  readonly error: string;
}

/** The goals as judged in one runtime. */
export interface RuntimeGoals {
  /** The runtime's name. */
  readonly runtime: string;
  readonly goals: readonly GoalStatus[];
}

/** The machine a run was made on. */
export interface Machine {
  /** The CPUs the runtime may use. */
  readonly cpus: number;
  /** The load average over the last minute before the run, where known. */
  readonly loadBefore: number | null;
  /** The load average over the last minute after the run, where known. */
  readonly loadAfter: number | null;
}

/** What both the findings and the report of a run hold: where it ran, and what failed. */
export interface RunFacts {
  /** The budget: `glance`, `quick` or `full`. */
  readonly mode: string;
  /** The machine's CPUs and its load average (1 minute) before and after the run. */
  readonly machine: Machine;
  /** The runtimes that ran, with their own description and whether they measured allocation. */
  readonly runtimes: readonly RuntimeRun[];
  /** The runtimes that could not be started, and why. */
  readonly unavailable: readonly UnavailableRuntime[];
  readonly failures: readonly RuntimeFailure[];
}

/** Everything a run found, as every report (text, JSON, HTML) shows it. */
export interface RunReport extends RunFacts {
  /** Every measurement with its ratios, taken within its runtime. */
  readonly results: readonly Result[];
  /** The goals, judged in each runtime that ran. */
  readonly goals: readonly RuntimeGoals[];
}

/** What a run measured, before ratios and goals. */
export interface RunFindings extends RunFacts {
  readonly measurements: readonly Measurement[];
}

/**
 * The report of a run: the measurements with their ratios (within each runtime), and the
 * goals judged in each runtime on its own results and failures.
 */
export function runReport(findings: RunFindings): RunReport {
  const results = withRatios(findings.measurements);
  const goals = findings.runtimes.map(({ runtime }) => ({
    runtime: runtime.name,
    goals: evaluateGoals(
      results.filter((r) => r.runtime.name === runtime.name),
      findings.failures.filter((f) => f.runtime.name === runtime.name),
    ),
  }));
  return {
    mode: findings.mode,
    machine: findings.machine,
    runtimes: findings.runtimes,
    unavailable: findings.unavailable,
    results,
    failures: findings.failures,
    goals,
  };
}
